// SPDX-License-Identifier: MIT
// Layer costs counted by hand: MACs = outputs x (inputs per output); bytes at 4 per element,
// batch 1; LeNet-5 parameters 61,706 as published for these layer sizes; a conv net costed for
// an input shape other than the declared one.
#include <gtest/gtest.h>

#include <functional>

#include "tests/workloads/ops_test_util.h"
#include "common/user_error.h"

namespace blsim {
namespace {

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const UserError& e) {
    return e.what();
  }
  return "(no UserError)";
}

const LayerCost& layer(const NetworkCost& cost, const std::string& name) {
  for (const auto& l : cost.layers) {
    if (l.name == name) return l;
  }
  throw std::runtime_error("no layer " + name);
}

TEST(Cost, LeNet5ByHand) {
  const NetworkCost cost = lenet5_builder(1).build().cost();
  ASSERT_EQ(cost.layers.size(), 13u);

  const LayerCost& conv1 = layer(cost, "conv1");
  EXPECT_EQ(conv1.kind, OpKind::kConv);
  EXPECT_EQ(conv1.macs, 6u * 28 * 28 * 1 * 25);       // 117,600
  EXPECT_EQ(conv1.flops, 2u * 117600 + 6 * 28 * 28);  // + one bias add per output
  EXPECT_EQ(conv1.param_bytes, (6u * 25 + 6) * 4);
  EXPECT_EQ(conv1.input_bytes, 28u * 28 * 4);
  EXPECT_EQ(conv1.output_bytes, 6u * 28 * 28 * 4);
  EXPECT_EQ(conv1.output_shape, (std::vector<int64_t>{1, 6, 28, 28}));

  const LayerCost& pool1 = layer(cost, "pool1");
  EXPECT_EQ(pool1.kind, OpKind::kPool);
  EXPECT_EQ(pool1.macs, 0u);
  EXPECT_EQ(pool1.flops, 6u * 14 * 14 * 4);  // one compare per window element
  EXPECT_EQ(pool1.output_bytes, 6u * 14 * 14 * 4);

  const LayerCost& conv2 = layer(cost, "conv2");
  EXPECT_EQ(conv2.macs, 16u * 10 * 10 * 6 * 25);  // 240,000
  EXPECT_EQ(conv2.param_bytes, (16u * 6 * 25 + 16) * 4);

  const LayerCost& flatten = layer(cost, "flatten");
  EXPECT_EQ(flatten.kind, OpKind::kFree);
  EXPECT_EQ(flatten.input_bytes + flatten.output_bytes + flatten.flops, 0u);
  EXPECT_EQ(flatten.output_shape, (std::vector<int64_t>{1, 400}));

  const LayerCost& fc1 = layer(cost, "fc1");
  EXPECT_EQ(fc1.kind, OpKind::kGemm);
  EXPECT_EQ(fc1.macs, 400u * 120);
  EXPECT_EQ(fc1.flops, 2u * 48000 + 120);
  EXPECT_EQ(fc1.param_bytes, (400u * 120 + 120) * 4);
  EXPECT_EQ(fc1.input_bytes, 400u * 4);

  EXPECT_EQ(layer(cost, "relu3").flops, 120u);
  EXPECT_EQ(layer(cost, "relu3").kind, OpKind::kEltwise);
  EXPECT_EQ(layer(cost, "softmax").kind, OpKind::kSoftmax);
  EXPECT_EQ(layer(cost, "softmax").flops, 5u * 10);

  EXPECT_EQ(cost.total_macs(), 117600u + 240000 + 48000 + 10080 + 840);
  EXPECT_EQ(cost.total_param_bytes(), 61706u * 4);
}

TEST(Cost, IsAtBatchOneWhateverTheDeclaredBatch) {
  GraphBuilder b;
  b.input("x", {8, 4}).output("y", {8, 2});
  b.initializer("w", Tensor({2, 4})).node("Gemm", {"x", "w"}, {"y"}, {{"transB", int_attr(1)}});
  const NetworkCost cost = b.build().cost();
  EXPECT_EQ(cost.layers.at(0).macs, 8u);
  EXPECT_EQ(cost.layers.at(0).output_shape, (std::vector<int64_t>{1, 2}));
}

// Conv 3x3 (1 -> 4 channels, bias, no padding) then Relu, declared for 28x28 images.
GraphBuilder conv_relu_builder() {
  GraphBuilder b;
  b.input("x", {-1, 1, 28, 28}).output("y", {-1, 4, 26, 26});
  b.initializer("w", Tensor({4, 1, 3, 3})).initializer("b", Tensor({4}));
  b.node("Conv", {"x", "w", "b"}, {"c"}, {}, "conv").node("Relu", {"c"}, {"y"}, {}, "relu");
  return b;
}

TEST(Cost, GivenInputShapeReplacesTheDeclaredOne) {
  const Graph g = conv_relu_builder().build();
  // Declared 28x28: 4 x 26 x 26 outputs of 9 MACs each.
  const NetworkCost declared = g.cost();
  EXPECT_EQ(declared.layers.at(0).macs, 4u * 26 * 26 * 9);  // 24,336
  EXPECT_EQ(declared.layers.at(0).input_bytes, 28u * 28 * 4);
  // At 32x32: 4 x 30 x 30 outputs; the batch dimension (5) is read as 1.
  const NetworkCost at32 = g.cost({5, 1, 32, 32});
  EXPECT_EQ(at32.layers.at(0).macs, 4u * 30 * 30 * 9);  // 32,400
  EXPECT_EQ(at32.layers.at(0).flops, 2u * 32400 + 4 * 30 * 30);
  EXPECT_EQ(at32.layers.at(0).input_bytes, 32u * 32 * 4);
  EXPECT_EQ(at32.layers.at(0).output_shape, (std::vector<int64_t>{1, 4, 30, 30}));
  EXPECT_EQ(at32.layers.at(1).flops, 4u * 30 * 30);
  EXPECT_EQ(at32.total_param_bytes(), declared.total_param_bytes());
  // The declared shape given explicitly costs what cost() does.
  EXPECT_EQ(g.cost({1, 1, 28, 28}).total_flops(), declared.total_flops());
  EXPECT_EQ(g.cost_input_shapes(), (std::vector<Shape>{{1, 1, 28, 28}}));
}

TEST(Cost, GivenInputShapeIsChecked) {
  const Graph g = conv_relu_builder().build("net.onnx");
  const auto error_at = [&g](const Shape& shape) { return message_of([&] { g.cost(shape); }); };
  EXPECT_NE(error_at({1, 28, 28}).find("net.onnx: input x is [?,1,28,28]"), std::string::npos);
  EXPECT_NE(error_at({1, 1, 0, 28}).find("dimensions must be >= 1"), std::string::npos);
  // Too small for the 3x3 window, and the wrong channel count: the node says why.
  EXPECT_NE(error_at({1, 1, 2, 2}).find("node conv (Conv)"), std::string::npos);
  EXPECT_NE(error_at({1, 3, 28, 28}).find("node conv (Conv)"), std::string::npos);
  GraphBuilder two;
  two.input("a", {1, 2}).input("b", {1, 2}).output("y", {1, 2});
  two.node("Add", {"a", "b"}, {"y"});
  const Graph g2 = two.build();
  EXPECT_NE(message_of([&g2] { g2.cost({1, 2}); }).find("one-input network"), std::string::npos);
}

TEST(Cost, DepthwiseConvIsItsOwnKind) {
  GraphBuilder b;
  b.input("x", {1, 4, 5, 5}).output("y", {1, 4, 3, 3});
  b.initializer("w", Tensor({4, 1, 3, 3}));
  b.node("Conv", {"x", "w"}, {"y"}, {{"group", int_attr(4)}});
  const LayerCost l = b.build().cost().layers.at(0);
  EXPECT_EQ(l.kind, OpKind::kDepthwise);
  EXPECT_EQ(l.macs, 4u * 9 * 9);
  EXPECT_EQ(l.flops, 2u * 4 * 9 * 9);  // no bias
}

TEST(Cost, NamesUnnamedNodesByOpAndIndex) {
  GraphBuilder b;
  b.input("x", {1, 3}).output("y", {1, 3});
  b.node("Relu", {"x"}, {"h"}).node("Relu", {"h"}, {"y"});
  const NetworkCost cost = b.build().cost();
  EXPECT_EQ(cost.layers.at(0).name, "Relu_0");
  EXPECT_EQ(cost.layers.at(1).name, "Relu_1");
}

TEST(Cost, RuntimeShapeHasNoStaticCostButRuns) {
  GraphBuilder b;
  b.input("x", {2, 3}).input("shape", {2}, DataType::kInt64).output("y", {3, 2});
  b.node("Reshape", {"x", "shape"}, {"r"}, {}, "reshape").node("Relu", {"r"}, {"y"}, {}, "relu");
  const Graph g = b.build();
  try {
    g.cost();
    FAIL() << "expected UserError";
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("node reshape (Reshape)"), std::string::npos) << e.what();
  }
  const auto out = g.run({floats({2, 3}, {1, -2, 3, -4, 5, -6}), Tensor::from_ints({2}, {3, 2})});
  expect_tensor(out.at(0), {3, 2}, {1, 0, 3, 0, 5, 0});
}

}  // namespace
}  // namespace blsim
