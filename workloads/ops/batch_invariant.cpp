// SPDX-License-Identifier: MIT
#include "workloads/ops/batch_invariant.h"

#include <algorithm>

namespace blsim {
namespace {

constexpr int64_t kRowMultiple = 8;
constexpr int64_t kColumnMultiple = 48;
// Eigen multiplies coefficient by coefficient when rows + depth + cols is below this.
constexpr int64_t kCoefficientWiseBelow = 20;

int64_t round_up(int64_t n, int64_t multiple) { return (n + multiple - 1) / multiple * multiple; }

}  // namespace

int64_t batch_invariant_rows(int64_t rows, int64_t depth, int64_t cols) {
  return round_up(std::max(rows, kCoefficientWiseBelow - depth - cols), kRowMultiple);
}

int64_t batch_invariant_columns(int64_t columns) { return round_up(columns, kColumnMultiple); }

}  // namespace blsim
