// SPDX-License-Identifier: MIT
// Conv by hand: 2x2 kernels on a 3x3 image with bias, padding, strides, auto_pad, dilation,
// groups, 1-D input, and the checks that reject inconsistent weights and attributes.
#include <gtest/gtest.h>

#include "tests/workloads/ops_test_util.h"
#include "workloads/user_error.h"

namespace blsim {
namespace {

// x = 1..9 as a 3x3 image; the 2x2 kernel [[1,0],[0,1]] adds each pixel to its lower-right one.
const Tensor kImage = floats({1, 1, 3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9});
const Tensor kDiagonal = floats({1, 1, 2, 2}, {1, 0, 0, 1});

TEST(OpsConv, TwoByTwoKernelByHand) {
  expect_tensor(run_op1("Conv", {kImage, kDiagonal}), {1, 1, 2, 2}, {6, 8, 12, 14});
}

TEST(OpsConv, BiasAddsPerOutputChannel) {
  const Tensor w = floats({2, 1, 2, 2}, {1, 0, 0, 1, 0, 0, 0, 1});
  const Tensor b = floats({2}, {0.5f, -1});
  expect_tensor(run_op1("Conv", {kImage, w, b}), {1, 2, 2, 2},
                {6.5f, 8.5f, 12.5f, 14.5f, 4, 5, 7, 8});
}

TEST(OpsConv, ZeroPaddingAndStride) {
  // pads 1 on every side: 5x5 padded image, stride 2 -> 2x2 outputs at padded (0,0),(0,2),...
  const Tensor y = run_op1("Conv", {kImage, kDiagonal},
                           {{"pads", ints_attr({1, 1, 1, 1})}, {"strides", ints_attr({2, 2})}});
  // Padded (r,c) holds x[r-1][c-1]; output (i,j) = p[2i][2j] + p[2i+1][2j+1]:
  // 0 + x[0][0] = 1, 0 + x[0][2] = 3, 0 + x[2][0] = 7, x[1][1] + x[2][2] = 14.
  expect_tensor(y, {1, 1, 2, 2}, {1, 3, 7, 14});
}

TEST(OpsConv, AutoPadSameUpperKeepsSize) {
  const Tensor ones = floats({1, 1, 2, 2}, {1, 1, 1, 1});
  const Tensor y = run_op1("Conv", {kImage, ones}, {{"auto_pad", string_attr("SAME_UPPER")}});
  // The odd pad goes to the end: each output sums its 2x2 block reaching right/down.
  expect_tensor(y, {1, 1, 3, 3}, {12, 16, 9, 24, 28, 15, 15, 17, 9});
}

TEST(OpsConv, DilationSpreadsTheKernel) {
  const Tensor y = run_op1("Conv", {kImage, kDiagonal}, {{"dilations", ints_attr({2, 2})}});
  expect_tensor(y, {1, 1, 1, 1}, {1 + 9});
}

TEST(OpsConv, GroupsKeepChannelsApart) {
  // Two channels (1..9 and 10*(1..9)), group 2: each output channel sees only its own channel.
  std::vector<float> v;
  for (int c = 0; c < 2; ++c) {
    for (int i = 1; i <= 9; ++i) v.push_back(static_cast<float>(c == 0 ? i : 10 * i));
  }
  const Tensor x = floats({1, 2, 3, 3}, v);
  const Tensor w = floats({2, 1, 1, 1}, {1, 2});
  const Tensor y = run_op1("Conv", {x, w}, {{"group", int_attr(2)}});
  ASSERT_EQ(shape_text(y.shape()), "[1,2,3,3]");
  EXPECT_FLOAT_EQ(y.floats()[0], 1);
  EXPECT_FLOAT_EQ(y.floats()[9], 20);    // 2 * 10
  EXPECT_FLOAT_EQ(y.floats()[17], 180);  // 2 * 90
}

TEST(OpsConv, OneDimensionalAndBatched) {
  const Tensor x = floats({2, 1, 4}, {1, 2, 3, 4, -1, -2, -3, -4});
  const Tensor w = floats({1, 1, 2}, {1, -1});
  expect_tensor(run_op1("Conv", {x, w}), {2, 1, 3}, {-1, -1, -1, 1, 1, 1});
}

TEST(OpsConv, RejectsChannelMismatchNamingTheNode) {
  const Tensor w = floats({1, 2, 2, 2}, std::vector<float>(8, 1));
  try {
    run_op1("Conv", {kImage, w});
    FAIL() << "expected UserError";
  } catch (const UserError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("test.onnx: node op (Conv):"), std::string::npos) << what;
    EXPECT_NE(what.find("input channels"), std::string::npos) << what;
  }
}

TEST(OpsConv, RejectsWindowLargerThanInput) {
  const Tensor w = floats({1, 1, 4, 4}, std::vector<float>(16, 1));
  EXPECT_THROW(run_op1("Conv", {kImage, w}), UserError);
}

TEST(OpsConv, RejectsBadAutoPad) {
  EXPECT_THROW(run_op1("Conv", {kImage, kDiagonal}, {{"auto_pad", string_attr("SAME")}}),
               UserError);
}

}  // namespace
}  // namespace blsim
