// SPDX-License-Identifier: MIT
// Gemm and MatMul by hand: transposes, alpha/beta, bias broadcasting, batch broadcasting and
// 1-D promotion, and the shape checks.
#include <gtest/gtest.h>

#include "tests/workloads/ops_test_util.h"
#include "workloads/user_error.h"

namespace blsim {
namespace {

const Tensor kA = floats({2, 3}, {1, 2, 3, 4, 5, 6});

TEST(OpsGemm, PlainProductByHand) {
  const Tensor b = floats({3, 2}, {1, 0, 0, 1, 1, 1});
  // Row 1: [1+3, 2+3]; row 2: [4+6, 5+6].
  expect_tensor(run_op1("Gemm", {kA, b}), {2, 2}, {4, 5, 10, 11});
}

TEST(OpsGemm, TransBAlphaBetaAndBroadcastBias) {
  const Tensor b = floats({2, 3}, {1, 0, 1, 0, 1, 1});  // B' = its transpose, as a Linear layer
  const Tensor c = floats({2}, {10, 20});
  const Tensor y =
      run_op1("Gemm", {kA, b, c},
              {{"transB", int_attr(1)}, {"alpha", float_attr(2)}, {"beta", float_attr(0.5f)}});
  // A*B' = [[4,5],[10,11]]; 2x that plus half of [10,20].
  expect_tensor(y, {2, 2}, {13, 20, 25, 32});
}

TEST(OpsGemm, TransA) {
  const Tensor a = floats({3, 2}, {1, 4, 2, 5, 3, 6});  // kA transposed
  const Tensor b = floats({3, 1}, {1, 1, 1});
  expect_tensor(run_op1("Gemm", {a, b}, {{"transA", int_attr(1)}}), {2, 1}, {6, 15});
}

TEST(OpsGemm, RejectsMismatchedK) {
  EXPECT_THROW(run_op1("Gemm", {kA, floats({2, 2}, {1, 2, 3, 4})}), UserError);
}

TEST(OpsGemm, RejectsBiasThatDoesNotBroadcast) {
  const Tensor b = floats({3, 2}, {1, 0, 0, 1, 1, 1});
  EXPECT_THROW(run_op1("Gemm", {kA, b, floats({3}, {1, 2, 3})}), UserError);
}

TEST(OpsMatMul, BatchBroadcastAndVectorPromotion) {
  // [2,2,3] x [3] -> [2,2]: each row dotted with [1,1,1].
  const Tensor a = floats({2, 2, 3}, {1, 2, 3, 4, 5, 6, -1, -2, -3, 0, 0, 1});
  expect_tensor(run_op1("MatMul", {a, floats({3}, {1, 1, 1})}), {2, 2}, {6, 15, -6, 1});
  // [3] x [3,2] -> [2]
  expect_tensor(run_op1("MatMul", {floats({3}, {1, 1, 1}), floats({3, 2}, {1, 2, 3, 4, 5, 6})}),
                {2}, {9, 12});
  // [2,1,2,2] x [3,2,1] broadcasts batch dims to [2,3].
  const Tensor x = floats({2, 1, 2, 2}, {1, 0, 0, 1, 2, 0, 0, 2});
  const Tensor y = floats({3, 2, 1}, {1, 2, 3, 4, 5, 6});
  expect_tensor(run_op1("MatMul", {x, y}), {2, 3, 2, 1}, {1, 2, 3, 4, 5, 6, 2, 4, 6, 8, 10, 12});
}

TEST(OpsMatMul, RejectsMismatchedK) { EXPECT_THROW(run_op1("MatMul", {kA, kA}), UserError); }

}  // namespace
}  // namespace blsim
