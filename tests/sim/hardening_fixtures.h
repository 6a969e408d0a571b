// SPDX-License-Identifier: MIT
// Hand-made ONNX files for the hardening rows of the bad-input table: classifiers that do not fit
// the dataset, non-finite weights, declared dimensions whose products overflow, and names that
// hold control bytes. Built with the project's own GraphBuilder, so they are valid ONNX.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "workloads/graph_builder.h"

namespace blsim::fixtures {

// Flatten + Gemm: [N,channels,side,side] -> [N,classes]; every weight is `weight` except the
// first, which is `first_weight` (a NaN or an infinity in the non-finite rows).
inline std::string write_linear_classifier(const std::string& path, int64_t side, int64_t classes,
                                           float first_weight = 0.01f) {
  const int64_t features = side * side;
  std::vector<float> w(static_cast<size_t>(features * classes), 0.01f);
  w[0] = first_weight;
  GraphBuilder b;
  b.input("input", {-1, 1, side, side})
      .initializer("W", Tensor::from_floats({features, classes}, w))
      .node("Flatten", {"input"}, {"flat"}, {{"axis", int_attr(1)}})
      .node("Gemm", {"flat", "W"}, {"output"})
      .output("output", {-1, classes});
  b.save(path);
  return path;
}

// A 3x3 conv (16 filters, padding 1) on a declared [1,1,2^31,2^31] input: 16 * 2^62 outputs.
inline std::string write_huge_conv(const std::string& path) {
  const int64_t side = int64_t{1} << 31;
  GraphBuilder b;
  b.input("input", {1, 1, side, side})
      .initializer("W", Tensor::from_floats({16, 1, 3, 3}, std::vector<float>(144, 0.1f)))
      .node("Conv", {"input", "W"}, {"output"}, {{"pads", ints_attr({1, 1, 1, 1})}}, "huge_conv")
      .output("output", {1, 16, side, side});
  b.save(path);
  return path;
}

// MatMul of two declared [1,2^31,2^31] inputs: 2^62 outputs fit int64, 2^93 MACs do not.
inline std::string write_huge_matmul(const std::string& path) {
  const int64_t n = int64_t{1} << 31;
  GraphBuilder b;
  b.input("a", {1, n, n}).input("b", {1, n, n})
      .node("MatMul", {"a", "b"}, {"y"}, {}, "huge_matmul")
      .output("y", {1, n, n});
  b.save(path);
  return path;
}

// Relu on a declared [1,2^21,2^21,2^21]: 2^63 elements, one more than int64 holds.
inline std::string write_huge_relu(const std::string& path) {
  const int64_t n = int64_t{1} << 21;
  GraphBuilder b;
  b.input("x", {1, n, n, n}).node("Relu", {"x"}, {"y"}, {}, "huge_relu")
      .output("y", {1, n, n, n});
  b.save(path);
  return path;
}

// One node whose operator name carries a newline, an ESC sequence and a NUL.
inline std::string write_control_byte_op(const std::string& path) {
  GraphBuilder b;
  b.input("x", {1, 4})
      .node(std::string("Evil\n\x1b[2J\0Op", 12), {"x"}, {"y"}, {}, "evil")
      .output("y", {1, 4});
  b.save(path);
  return path;
}

// A cascade spec whose first stage is `little` (any path) and second the committed big network.
inline std::string cascade_ini(const std::string& little, const std::string& big) {
  return "[stage1]\nnet = " + little + "\ncluster = little\n[stage2]\nnet = " + big +
         "\ncluster = big\n";
}

}  // namespace blsim::fixtures
