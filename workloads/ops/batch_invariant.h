// SPDX-License-Identifier: MIT
// How Gemm, MatMul and Conv use Eigen's GEMM and still give every sample the same bits whatever
// batch it runs in: the dimension that holds the samples is zero-padded to a count at which Eigen
// 3.4 treats every row (or column) alike. The price is a few padded rows or columns per call.
#pragma once

#include <cstdint>
#include <type_traits>

#include <Eigen/Core>

namespace blsim {

using MatrixR = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Eigen computes a row-major product as its transpose: the rows of our result become the columns
// of a column-major problem, taken 4 at a time (nr) by the register-blocked kernel, each column in
// its own registers and in the same order over the depth, whose blocking (kc) depends on the depth
// alone. Padding the rows to a multiple of 8 keeps them all in that kernel: no left-over column
// path, and for a one-column result the matrix-vector kernel's 8- (or 4-) row groups. Keeping
// rows + depth + cols >= 20 avoids the coefficient-wise path for tiny products.
int64_t batch_invariant_rows(int64_t rows, int64_t depth, int64_t cols);

// The columns of our result are the rows of Eigen's column-major problem, taken mr at a time
// (8, 12, 24 or 48 floats from SSE2 to AVX-512) and, for a one-row result, in whole SIMD packets
// by the matrix-vector kernel: a multiple of 48 puts every column in a full register block.
int64_t batch_invariant_columns(int64_t columns);

// y = a * b where a's rows are samples: a is copied into a zero-padded row-major buffer of
// batch_invariant_rows rows, so row i of y has the same bits whatever the other rows of a hold.
// A row-major a that needs no padding is used in place (Eigen 3.4 computes the same from either:
// it reads both through the same strides and has no alignment-dependent peeling).
template <typename Lhs, typename Rhs>
void batch_invariant_product(const Lhs& a, const Rhs& b, Eigen::Map<MatrixR> y) {
  const int64_t rows = a.rows();
  if (rows == 0) return;
  const int64_t padded = batch_invariant_rows(rows, a.cols(), b.cols());
  if constexpr (std::is_same_v<Lhs, Eigen::Map<const MatrixR>>) {
    if (padded == rows) {
      y.noalias() = a * b;
      return;
    }
  }
  MatrixR a_padded(padded, a.cols());
  a_padded.topRows(rows) = a;
  a_padded.bottomRows(padded - rows).setZero();
  MatrixR y_padded(padded, b.cols());
  y_padded.noalias() = a_padded * b;
  y = y_padded.topRows(rows);
}

}  // namespace blsim
