// SPDX-License-Identifier: MIT
// Test helpers: run one operator as a one-node graph built in code, exactly as a loaded model
// would run it, and compare tensors with a small relative tolerance.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "workloads/graph_builder.h"

namespace blsim {

// Inputs are named x0, x1, ...; an empty Tensor (rank 0, no values) marks an omitted input.
inline std::vector<Tensor> run_op(const std::string& op_type, const std::vector<Tensor>& inputs,
                                  const NamedAttributes& attributes = {}, int64_t opset = 13,
                                  size_t outputs = 1) {
  GraphBuilder b(opset);
  std::vector<std::string> names;
  std::vector<Tensor> given;
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].size() == 0 && inputs[i].rank() == 0) {
      names.emplace_back();
      continue;
    }
    names.push_back("x" + std::to_string(i));
    b.input(names.back(), inputs[i].shape(), inputs[i].type());
    given.push_back(inputs[i]);
  }
  std::vector<std::string> outs;
  for (size_t i = 0; i < outputs; ++i) {
    outs.push_back("y" + std::to_string(i));
    b.output(outs.back(), {});
  }
  b.node(op_type, names, outs, attributes, "op");
  return b.build("test.onnx").run(given);
}

inline Tensor run_op1(const std::string& op_type, const std::vector<Tensor>& inputs,
                      const NamedAttributes& attributes = {}, int64_t opset = 13) {
  return run_op(op_type, inputs, attributes, opset).at(0);
}

inline Tensor floats(Shape shape, std::vector<float> values) {
  return Tensor::from_floats(std::move(shape), std::move(values));
}

// Expects shape and values (within 1e-5 relative) to match.
inline void expect_tensor(const Tensor& got, const Shape& shape, const std::vector<float>& values) {
  ASSERT_EQ(shape_text(got.shape()), shape_text(shape));
  ASSERT_EQ(got.float_values().size(), values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    EXPECT_NEAR(got.float_values()[i], values[i], 1e-5 * (1 + std::abs(values[i]))) << "at " << i;
  }
}

}  // namespace blsim
