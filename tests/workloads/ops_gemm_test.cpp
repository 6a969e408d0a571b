// SPDX-License-Identifier: MIT
// Gemm and MatMul by hand: transposes, alpha/beta, bias broadcasting, batch broadcasting and
// 1-D promotion, and the shape checks; a large product against direct summation; and rows that
// keep their bits whatever rows share the product.
#include <gtest/gtest.h>

#include <cstring>

#include "tests/workloads/ops_test_util.h"
#include "tests/workloads/pseudo_random.h"
#include "workloads/ops/gemm.h"
#include "common/user_error.h"

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

// Row i of A*B (or A*B') must have the same bits as row i alone, for every row count and
// position: depths below and above Eigen's depth blocking, one-column results (its
// matrix-vector path, including the 4-row groups of very long rows) and tiny products.
TEST(OpsGemm, EveryRowHasTheBitsItHasAlone) {
  struct Case {
    int64_t k, n;
    bool trans_b;
  };
  for (const Case& c : {Case{3, 2, false}, Case{400, 120, true}, Case{1030, 37, false},
                        Case{64, 1, true}, Case{9000, 1, false}}) {
    const Tensor b = pseudo_random(c.trans_b ? Shape{c.n, c.k} : Shape{c.k, c.n}, 1);
    const Tensor bias = pseudo_random({c.n}, 2);
    // Multiples of 8 multiply A in place, the others a padded copy, a row alone always a copy.
    for (int64_t m : {2, 7, 8, 9, 25, 48, 50, 130, 136}) {
      const Tensor a = pseudo_random({m, c.k}, static_cast<uint32_t>(m));
      Tensor together({m, c.n});
      gemm_forward(a, b, &bias, false, c.trans_b, 1.0f, 1.0f, together);
      for (int64_t i = 0; i < m; ++i) {
        const Tensor row =
            floats({1, c.k}, std::vector<float>(a.floats() + i * c.k, a.floats() + (i + 1) * c.k));
        Tensor alone({1, c.n});
        gemm_forward(row, b, &bias, false, c.trans_b, 1.0f, 1.0f, alone);
        ASSERT_EQ(0, std::memcmp(alone.floats(), together.floats() + i * c.n,
                                 static_cast<size_t>(c.n) * sizeof(float)))
            << "K " << c.k << " N " << c.n << ": row " << i << " of " << m;
      }
    }
  }
}

TEST(OpsGemm, LargeProductMatchesDirectSummation) {
  // 100 x 700 times 700 x 50 (transA): the padded rows never leak into the result.
  const Tensor a = pseudo_random({700, 100}, 3);
  const Tensor b = pseudo_random({700, 50}, 4);
  const Tensor y = run_op1("Gemm", {a, b}, {{"transA", int_attr(1)}});
  std::vector<float> want;
  for (int64_t i = 0; i < 100; ++i) {
    for (int64_t j = 0; j < 50; ++j) {
      double acc = 0;
      for (int64_t k = 0; k < 700; ++k)
        acc += static_cast<double>(a.floats()[k * 100 + i]) * b.floats()[k * 50 + j];
      want.push_back(static_cast<float>(acc));
    }
  }
  expect_tensor(y, {100, 50}, want);
}

TEST(OpsMatMul, RowsDoNotDependOnTheirNeighbours) {
  // [3, 24, 30] x [30, 5]: each matrix row equals the product of that row alone.
  const Tensor a = pseudo_random({3, 24, 30}, 5);
  const Tensor b = pseudo_random({30, 5}, 6);
  const Tensor together = run_op1("MatMul", {a, b});
  for (int64_t r = 0; r < 72; ++r) {
    const Tensor row =
        floats({1, 30}, std::vector<float>(a.floats() + r * 30, a.floats() + (r + 1) * 30));
    const Tensor alone = run_op1("MatMul", {row, b});
    ASSERT_EQ(0, std::memcmp(alone.floats(), together.floats() + r * 5, 5 * sizeof(float)))
        << "row " << r;
  }
}

TEST(OpsMatMul, RejectsMismatchedK) { EXPECT_THROW(run_op1("MatMul", {kA, kA}), UserError); }

}  // namespace
}  // namespace blsim
