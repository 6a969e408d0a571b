// SPDX-License-Identifier: MIT
// An ONNX inference graph ready to run: nodes in execution order, initializers, declared inputs
// and outputs. Loading checks the whole model (operators, attributes, shapes) and reports the
// first problem naming file and node. Kernels run single-threaded, so results are reproducible.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "workloads/layer_cost.h"
#include "workloads/ops/node.h"
#include "workloads/ops/op.h"
#include "workloads/tensor.h"

namespace onnx {
class ModelProto;
}

namespace blsim {

// A declared graph input or output. Dimensions the model leaves open (symbolic, e.g. "N") are -1;
// an output may leave its shape undeclared (empty here).
struct GraphValue {
  std::string name;
  DataType type = DataType::kFloat32;
  Shape shape;
};

struct ModelInfo {
  int64_t ir_version = 0;
  int64_t opset = 0;     // version of the default ONNX domain
  std::string producer;  // "name version"
  std::string graph_name;
};

class Graph {
 public:
  // Reads and checks an .onnx file; throws UserError "<path>: ..." for anything unusable.
  static Graph load(const std::string& path);
  // Same from a parsed model; `origin` names it in messages.
  static Graph from_model(const onnx::ModelProto& model, const std::string& origin);

  // Moves keep the internal pointers into initializers_ valid; copies would not.
  Graph(Graph&&) = default;
  Graph& operator=(Graph&&) = default;
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  const std::string& origin() const { return origin_; }
  const ModelInfo& info() const { return info_; }
  const std::vector<GraphValue>& inputs() const { return inputs_; }  // without initializers
  const std::vector<GraphValue>& outputs() const { return outputs_; }
  const std::vector<Node>& nodes() const { return nodes_; }
  const std::map<std::string, Tensor>& initializers() const { return initializers_; }

  // Runs the graph on tensors given in the order of inputs(). The leading (batch) dimension may
  // differ from the declared one; other declared dimensions must match. Samples of a batch are
  // computed independently of each other, bit for bit (BatchNormalization in training mode
  // excepted: its statistics are the batch's by definition).
  std::vector<Tensor> run(const std::vector<Tensor>& inputs) const;
  // For the common one-input, one-output network.
  Tensor run(const Tensor& input) const;

  // Per-node cost at batch size 1 (open dimensions read as 1), in execution order.
  // Throws UserError when a shape depends on a value known only at run time.
  NetworkCost cost() const;
  // The same for a one-input graph fed `input_shape` instead of the declared shape; the leading
  // (batch) dimension is read as 1 whatever it says, the others may differ from the declared
  // ones. Throws UserError for a graph with several inputs, a rank that differs from the
  // declared one, a dimension < 1, or a shape the nodes reject (naming the node).
  NetworkCost cost(const Shape& input_shape) const;
  // The input shapes cost() uses: the declared ones with batch and open dimensions read as 1.
  std::vector<Shape> cost_input_shapes() const;

 private:
  Graph() = default;

  struct Step {
    const OpDef* op = nullptr;
    std::vector<int> inputs;   // value ids; -1 for an omitted optional input
    std::vector<int> outputs;  // value ids; -1 for an unused optional output
    std::vector<int> release;  // values whose last reader this step is
    bool relabel = false;      // output 0 is input 0's data under a new shape
  };

  // Checks names, operators and order, folds Constant nodes, and infers shapes as declared.
  void finish();
  int value_id(const std::string& name) const;
  // Types and shapes of every value for the given input shapes; `known` is false for values
  // whose shape needs run-time data.
  std::vector<ValueMeta> infer(const std::vector<Shape>& input_shapes,
                               std::vector<bool>* known) const;
  NetworkCost cost_at(const std::vector<Shape>& input_shapes) const;

  std::string origin_;
  ModelInfo info_;
  std::vector<GraphValue> inputs_;
  std::vector<GraphValue> outputs_;
  std::vector<Node> nodes_;
  std::map<std::string, Tensor> initializers_;  // also the folded Constant outputs

  std::map<std::string, int> ids_;           // every value name -> id
  std::vector<const Tensor*> constants_;     // by id; nullptr unless an initializer
  std::vector<int> input_ids_, output_ids_;  // by position in inputs_ / outputs_
  std::vector<Step> steps_;                  // one per node
};

}  // namespace blsim
