// SPDX-License-Identifier: MIT
// Pooling by hand on small images: max and average with padding (count_include_pad both ways),
// ceil_mode, MaxPool's Indices output, the global pools, and rejected attributes.
#include <gtest/gtest.h>

#include "tests/workloads/ops_test_util.h"
#include "common/user_error.h"

namespace blsim {
namespace {

// 4x4 image 1..16.
Tensor image4() {
  std::vector<float> v;
  for (int i = 1; i <= 16; ++i) v.push_back(static_cast<float>(i));
  return floats({1, 1, 4, 4}, v);
}

TEST(OpsPool, MaxPoolTwoByTwo) {
  const Tensor y = run_op1("MaxPool", {image4()},
                           {{"kernel_shape", ints_attr({2, 2})}, {"strides", ints_attr({2, 2})}});
  expect_tensor(y, {1, 1, 2, 2}, {6, 8, 14, 16});
}

TEST(OpsPool, MaxPoolPaddingNeverWins) {
  const Tensor x = floats({1, 1, 2, 2}, {-1, -2, -3, -4});
  const Tensor y = run_op1(
      "MaxPool", {x}, {{"kernel_shape", ints_attr({2, 2})}, {"pads", ints_attr({1, 1, 1, 1})}});
  expect_tensor(y, {1, 1, 3, 3}, {-1, -1, -2, -1, -1, -2, -3, -3, -4});
}

TEST(OpsPool, AveragePoolExcludesPadByDefault) {
  const Tensor x = floats({1, 1, 2, 2}, {1, 2, 3, 4});
  const NamedAttributes attrs = {{"kernel_shape", ints_attr({2, 2})},
                                 {"pads", ints_attr({1, 1, 0, 0})}};
  // Top-left window covers only x[0][0]; centre-right covers x[0][0..1] and x[1][0..1].
  expect_tensor(run_op1("AveragePool", {x}, attrs), {1, 1, 2, 2}, {1, 1.5f, 2, 2.5f});
  NamedAttributes include = attrs;
  include.push_back({"count_include_pad", int_attr(1)});
  expect_tensor(run_op1("AveragePool", {x}, include), {1, 1, 2, 2},
                {1 / 4.0f, 3 / 4.0f, 4 / 4.0f, 10 / 4.0f});
}

TEST(OpsPool, CeilModeAddsThePartialWindow) {
  const NamedAttributes floor_attrs = {{"kernel_shape", ints_attr({3, 3})},
                                       {"strides", ints_attr({2, 2})}};
  NamedAttributes ceil_attrs = floor_attrs;
  ceil_attrs.push_back({"ceil_mode", int_attr(1)});
  expect_tensor(run_op1("MaxPool", {image4()}, floor_attrs), {1, 1, 1, 1}, {11});
  expect_tensor(run_op1("MaxPool", {image4()}, ceil_attrs), {1, 1, 2, 2}, {11, 12, 15, 16});
}

TEST(OpsPool, GlobalPools) {
  const Tensor x = floats({1, 2, 2, 2}, {1, 2, 3, 4, -1, -2, -3, -4});
  expect_tensor(run_op1("GlobalAveragePool", {x}), {1, 2, 1, 1}, {2.5f, -2.5f});
  expect_tensor(run_op1("GlobalMaxPool", {x}), {1, 2, 1, 1}, {4, -1});
}

TEST(OpsPool, MaxPoolIndicesAreFlatRowOrColumnMajor) {
  // Sample 0 is 1..16 (maxima at the bottom-right of each 2x2 window), sample 1 its negation
  // (maxima at the top-left), 16 elements further on.
  std::vector<float> v = image4().float_values();
  for (int i = 0; i < 16; ++i) v.push_back(-v[i]);
  const Tensor x = floats({2, 1, 4, 4}, v);
  NamedAttributes attrs = {{"kernel_shape", ints_attr({2, 2})}, {"strides", ints_attr({2, 2})}};
  const std::vector<Tensor> row = run_op("MaxPool", {x}, attrs, 13, 2);
  expect_tensor(row.at(0), {2, 1, 2, 2}, {6, 8, 14, 16, -1, -3, -9, -11});
  EXPECT_EQ(shape_text(row.at(1).shape()), "[2,1,2,2]");
  EXPECT_EQ(row.at(1).int_values(), (std::vector<int64_t>{5, 7, 13, 15, 16, 18, 24, 26}));
  // storage_order 1 numbers (h, w) as h + 4w.
  attrs.push_back({"storage_order", int_attr(1)});
  const std::vector<Tensor> column = run_op("MaxPool", {x}, attrs, 13, 2);
  EXPECT_EQ(column.at(1).int_values(), (std::vector<int64_t>{5, 13, 7, 15, 16, 24, 18, 26}));
}

TEST(OpsPool, MaxPoolIndexOfTiesAndPaddingIsTheFirstInputElement) {
  // All equal: each window's first element; padding (pads 1) never counts as a position.
  const Tensor x = floats({1, 1, 2, 2}, {0, 0, 0, 0});
  const NamedAttributes attrs = {{"kernel_shape", ints_attr({2, 2})},
                                 {"pads", ints_attr({1, 1, 1, 1})}};
  const std::vector<Tensor> out = run_op("MaxPool", {x}, attrs, 13, 2);
  EXPECT_EQ(out.at(1).int_values(), (std::vector<int64_t>{0, 0, 1, 0, 0, 1, 2, 2, 3}));
}

TEST(OpsPool, RejectsMissingKernelShapeAndAverageIndices) {
  EXPECT_THROW(run_op1("MaxPool", {image4()}), UserError);
  EXPECT_THROW(run_op("AveragePool", {image4()}, {{"kernel_shape", ints_attr({2, 2})}}, 13, 2),
               UserError);
  EXPECT_THROW(run_op1("MaxPool", {image4()},
                       {{"kernel_shape", ints_attr({2, 2})}, {"storage_order", int_attr(2)}}),
               UserError);
}

}  // namespace
}  // namespace blsim
