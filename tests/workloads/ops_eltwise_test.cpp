// SPDX-License-Identifier: MIT
// Element-wise operators by hand: broadcasting binary ops (numpy and legacy), activations,
// Clip in both opset forms, BatchNormalization (folded, and in training mode), Softmax and
// LogSoftmax axis semantics.
#include <gtest/gtest.h>

#include <cmath>

#include "tests/workloads/ops_test_util.h"
#include "common/user_error.h"

namespace blsim {
namespace {

TEST(OpsBinary, SameShapeAndScalar) {
  const Tensor a = floats({2, 2}, {1, 2, 3, 4});
  const Tensor b = floats({2, 2}, {4, 3, 2, 1});
  expect_tensor(run_op1("Add", {a, b}), {2, 2}, {5, 5, 5, 5});
  expect_tensor(run_op1("Sub", {a, b}), {2, 2}, {-3, -1, 1, 3});
  expect_tensor(run_op1("Mul", {a, floats({}, {2})}), {2, 2}, {2, 4, 6, 8});
  expect_tensor(run_op1("Div", {a, floats({1}, {2})}), {2, 2}, {0.5f, 1, 1.5f, 2});
}

TEST(OpsBinary, NumpyBroadcastBothWays) {
  const Tensor col = floats({2, 1}, {1, 2});
  const Tensor row = floats({3}, {10, 20, 30});
  expect_tensor(run_op1("Add", {col, row}), {2, 3}, {11, 21, 31, 12, 22, 32});
  expect_tensor(run_op1("Mul", {row, col}), {2, 3}, {10, 20, 30, 20, 40, 60});
}

TEST(OpsBinary, LegacyBroadcastAtAxis) {
  // Opset 6: B [3] aligned with A [2,3,2] at axis 1 (a per-channel bias).
  const Tensor a = floats({2, 3, 2}, std::vector<float>(12, 0));
  const Tensor b = floats({3}, {1, 2, 3});
  const Tensor y = run_op1("Add", {a, b}, {{"broadcast", int_attr(1)}, {"axis", int_attr(1)}}, 6);
  expect_tensor(y, {2, 3, 2}, {1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3});
}

TEST(OpsBinary, RejectsShapesThatDoNotBroadcast) {
  EXPECT_THROW(run_op1("Add", {floats({2}, {1, 2}), floats({3}, {1, 2, 3})}), UserError);
}

TEST(OpsActivation, ValuesByHand) {
  const Tensor x = floats({4}, {-2, -0.5f, 0, 3});
  expect_tensor(run_op1("Relu", {x}), {4}, {0, 0, 0, 3});
  expect_tensor(run_op1("LeakyRelu", {x}, {{"alpha", float_attr(0.1f)}}), {4},
                {-0.2f, -0.05f, 0, 3});
  expect_tensor(run_op1("Elu", {x}), {4}, {std::exp(-2.0f) - 1, std::exp(-0.5f) - 1, 0, 3});
  expect_tensor(
      run_op1("Sigmoid", {x}), {4},
      {1 / (1 + std::exp(2.0f)), 1 / (1 + std::exp(0.5f)), 0.5f, 1 / (1 + std::exp(-3.0f))});
  expect_tensor(run_op1("Tanh", {x}), {4},
                {std::tanh(-2.0f), std::tanh(-0.5f), 0, std::tanh(3.0f)});
}

TEST(OpsActivation, SigmoidSaturatesWithoutOverflow) {
  const Tensor y = run_op1("Sigmoid", {floats({2}, {-200, 200})});
  EXPECT_EQ(y.floats()[0], 0.0f);
  EXPECT_EQ(y.floats()[1], 1.0f);
}

TEST(OpsActivation, ClipFromInputsAndLegacyAttributes) {
  const Tensor x = floats({4}, {-2, -0.5f, 0, 3});
  expect_tensor(run_op1("Clip", {x, floats({}, {-1}), floats({}, {1})}), {4}, {-1, -0.5f, 0, 1});
  expect_tensor(run_op1("Clip", {x, Tensor(), floats({}, {0.25f})}), {4}, {-2, -0.5f, 0, 0.25f});
  expect_tensor(run_op1("Clip", {x}, {{"min", float_attr(0)}}, 6), {4}, {0, 0, 0, 3});
}

TEST(OpsBatchNorm, FoldsStatisticsPerChannel) {
  // Channel 0: (x - 1) / sqrt(4) * 2 + 0.5; channel 1: (x - 0) / sqrt(1) * 1 - 1 (eps = 0).
  const Tensor x = floats({1, 2, 1, 2}, {1, 3, 2, 4});
  const Tensor y = run_op1(
      "BatchNormalization",
      {x, floats({2}, {2, 1}), floats({2}, {0.5f, -1}), floats({2}, {1, 0}), floats({2}, {4, 1})},
      {{"epsilon", float_attr(0)}});
  expect_tensor(y, {1, 2, 1, 2}, {0.5f, 2.5f, 1, 3});
}

TEST(OpsBatchNorm, TrainingModeNormalisesByTheBatchAndUpdatesRunningStatistics) {
  // Channel 0 holds 1,1,3,3 over the batch: mean 2, population variance 1, so y = (x-2)*2 + 0.5.
  // Channel 1 holds 0,4,-4,0: mean 0, variance 8, so y = x / sqrt(8). Momentum 0.5 averages the
  // given running statistics (mean 0,1; var 3,0) with the batch's.
  const Tensor x = floats({2, 2, 1, 2}, {1, 1, 0, 4, 3, 3, -4, 0});
  const std::vector<Tensor> out = run_op(
      "BatchNormalization",
      {x, floats({2}, {2, 1}), floats({2}, {0.5f, 0}), floats({2}, {0, 1}), floats({2}, {3, 0})},
      {{"training_mode", int_attr(1)}, {"momentum", float_attr(0.5f)}, {"epsilon", float_attr(0)}},
      15, 3);
  const float r2 = std::sqrt(2.0f);
  expect_tensor(out.at(0), {2, 2, 1, 2}, {-1.5f, -1.5f, 0, r2, 2.5f, 2.5f, -r2, 0});
  expect_tensor(out.at(1), {2}, {1, 0.5f});
  expect_tensor(out.at(2), {2}, {2, 4});
}

TEST(OpsBatchNorm, RejectsTrainingOutputsOutsideTrainingMode) {
  const Tensor c = floats({1}, {1});
  const std::vector<Tensor> in = {floats({1, 1}, {1}), c, c, c, c};
  // Opset 14+ without training_mode, and the older optional-output form of training.
  EXPECT_THROW(run_op("BatchNormalization", in, {}, 15, 3), UserError);
  EXPECT_THROW(run_op("BatchNormalization", in, {}, 9, 3), UserError);
  EXPECT_EQ(run_op("BatchNormalization", in, {}, 15, 1).size(), 1u);
}

TEST(OpsSoftmax, RowsSumToOneAndLogMatches) {
  const Tensor x = floats({2, 3}, {1, 2, 3, 1000, 1000, 1000});
  const float e1 = std::exp(1.0f), e2 = std::exp(2.0f), e3 = std::exp(3.0f), s = e1 + e2 + e3;
  expect_tensor(run_op1("Softmax", {x}), {2, 3},
                {e1 / s, e2 / s, e3 / s, 1 / 3.0f, 1 / 3.0f, 1 / 3.0f});
  expect_tensor(run_op1("LogSoftmax", {x}), {2, 3},
                {1 - std::log(s), 2 - std::log(s), 3 - std::log(s), -std::log(3.0f),
                 -std::log(3.0f), -std::log(3.0f)});
}

TEST(OpsSoftmax, AxisSemanticsChangedInOpset13) {
  // [1,2,2]: opset 13 axis 1 normalises pairs along dim 1; opset 11 axis 1 flattens dims 1..2.
  const Tensor x = floats({1, 2, 2}, {0, 0, 0, 0});
  expect_tensor(run_op1("Softmax", {x}, {{"axis", int_attr(1)}}, 13), {1, 2, 2},
                {0.5f, 0.5f, 0.5f, 0.5f});
  expect_tensor(run_op1("Softmax", {x}, {{"axis", int_attr(1)}}, 11), {1, 2, 2},
                {0.25f, 0.25f, 0.25f, 0.25f});
}

TEST(OpsSoftmax, RejectsAxisOutOfRange) {
  EXPECT_THROW(run_op1("Softmax", {floats({2}, {1, 2})}, {{"axis", int_attr(1)}}), UserError);
}

}  // namespace
}  // namespace blsim
