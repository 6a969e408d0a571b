// SPDX-License-Identifier: MIT
// Builds an ONNX model in code (tests, benchmarks, hand-made fixtures): declare inputs, weights,
// nodes and outputs, then take the ModelProto or a checked Graph. Opset 13, IR version 7, the
// default domain; a -1 dimension is written as the symbolic batch dimension "N".
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <onnx/onnx_pb.h>

#include "workloads/graph.h"

namespace blsim {

Attribute int_attr(int64_t value);
Attribute ints_attr(std::vector<int64_t> values);
Attribute float_attr(float value);
Attribute string_attr(std::string value);
Attribute tensor_attr(Tensor value);

using NamedAttributes = std::vector<std::pair<std::string, Attribute>>;

class GraphBuilder {
 public:
  explicit GraphBuilder(int64_t opset = 13);

  GraphBuilder& input(const std::string& name, const Shape& shape,
                      DataType type = DataType::kFloat32);
  GraphBuilder& output(const std::string& name, const Shape& shape,
                       DataType type = DataType::kFloat32);
  GraphBuilder& initializer(const std::string& name, const Tensor& value);
  GraphBuilder& node(const std::string& op_type, const std::vector<std::string>& inputs,
                     const std::vector<std::string>& outputs,
                     const NamedAttributes& attributes = {}, const std::string& name = "");

  const onnx::ModelProto& model() const { return model_; }
  // Checks and returns the graph; `origin` names it in messages.
  Graph build(const std::string& origin = "built-in model") const;
  // Writes the model atomically (UserError when it cannot).
  void save(const std::string& path) const;

 private:
  onnx::ModelProto model_;
};

// LeNet-5 for 28x28 grey images (LeCun et al. 1998, with 5x5 convs padded to keep 28x28, ReLU
// and max pooling): 61,706 parameters drawn uniformly in +-1/sqrt(fan_in) from `seed`, input
// "input" [N,1,28,28], output "output" [N,10] probabilities. A reference net for tests and benches.
GraphBuilder lenet5_builder(uint64_t seed);

}  // namespace blsim
