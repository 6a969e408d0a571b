// SPDX-License-Identifier: MIT
// Data movement and free operators: Reshape (0 and -1), Flatten axes, Transpose, Concat,
// Identity, Dropout at inference, Constant, and their checks.
#include <gtest/gtest.h>

#include "tests/workloads/ops_test_util.h"
#include "common/user_error.h"

namespace blsim {
namespace {

Tensor iota(Shape shape) {
  std::vector<float> v(static_cast<size_t>(element_count(shape)));
  for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<float>(i);
  return floats(std::move(shape), v);
}

TEST(OpsShape, ReshapeCopiesZeroAndInfersMinusOne) {
  const Tensor y = run_op1("Reshape", {iota({2, 3, 4}), Tensor::from_ints({2}, {0, -1})});
  ASSERT_EQ(shape_text(y.shape()), "[2,12]");
  EXPECT_EQ(y.float_values(), iota({2, 12}).float_values());
}

TEST(OpsShape, ReshapeRejectsWrongCountAndTwoUnknowns) {
  EXPECT_THROW(run_op1("Reshape", {iota({2, 3}), Tensor::from_ints({1}, {5})}), UserError);
  EXPECT_THROW(run_op1("Reshape", {iota({2, 3}), Tensor::from_ints({2}, {-1, -1})}), UserError);
}

TEST(OpsShape, FlattenAtAxis) {
  EXPECT_EQ(shape_text(run_op1("Flatten", {iota({2, 3, 4})}).shape()), "[2,12]");
  EXPECT_EQ(shape_text(run_op1("Flatten", {iota({2, 3, 4})}, {{"axis", int_attr(0)}}).shape()),
            "[1,24]");
  EXPECT_EQ(shape_text(run_op1("Flatten", {iota({2, 3, 4})}, {{"axis", int_attr(-1)}}).shape()),
            "[6,4]");
  EXPECT_EQ(shape_text(run_op1("Flatten", {iota({2, 3, 4})}, {{"axis", int_attr(3)}}).shape()),
            "[24,1]");
}

TEST(OpsShape, TransposeByHand) {
  expect_tensor(run_op1("Transpose", {iota({2, 3})}), {3, 2}, {0, 3, 1, 4, 2, 5});
  // [2,3,2] with perm (1,0,2): y[j][i][k] = x[i][j][k].
  expect_tensor(run_op1("Transpose", {iota({2, 3, 2})}, {{"perm", ints_attr({1, 0, 2})}}),
                {3, 2, 2}, {0, 1, 6, 7, 2, 3, 8, 9, 4, 5, 10, 11});
  EXPECT_THROW(run_op1("Transpose", {iota({2, 3})}, {{"perm", ints_attr({0, 0})}}), UserError);
}

TEST(OpsShape, ConcatAlongAxis) {
  expect_tensor(
      run_op1("Concat", {iota({2, 1}), floats({2, 2}, {7, 8, 9, 10})}, {{"axis", int_attr(1)}}),
      {2, 3}, {0, 7, 8, 1, 9, 10});
  EXPECT_THROW(run_op1("Concat", {iota({2, 1}), iota({3, 2})}, {{"axis", int_attr(1)}}), UserError);
}

TEST(OpsShape, IdentityDropoutAndConstant) {
  expect_tensor(run_op1("Identity", {iota({3})}), {3}, {0, 1, 2});
  expect_tensor(run_op1("Dropout", {iota({3})}), {3}, {0, 1, 2});
  expect_tensor(run_op1("Constant", {}, {{"value", tensor_attr(floats({2}, {4, 5}))}}), {2},
                {4, 5});
  const Tensor ints = run_op1("Constant", {}, {{"value_ints", ints_attr({3, 4})}});
  EXPECT_EQ(ints.int_values(), (std::vector<int64_t>{3, 4}));
}

TEST(OpsShape, DropoutMaskIsRejected) {
  EXPECT_THROW(run_op("Dropout", {iota({3})}, {}, 13, 2), UserError);
}

}  // namespace
}  // namespace blsim
