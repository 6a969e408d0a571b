// SPDX-License-Identifier: MIT
// Overflow-checked counts by hand numbers: exact products pass, the first product beyond the type
// throws CountOverflow naming what was computed.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "common/checked_math.h"

namespace blsim {
namespace {

TEST(CheckedMath, ExactProductsAndSums) {
  EXPECT_EQ(checked_mul(int64_t{6}, int64_t{7}, "x"), 42);
  EXPECT_EQ(checked_mul(uint64_t{1} << 31, uint64_t{1} << 32, "x"), uint64_t{1} << 63);
  EXPECT_EQ(checked_add(int64_t{-5}, int64_t{3}, "x"), -2);
  EXPECT_EQ(checked_add(std::numeric_limits<uint64_t>::max() - 1, uint64_t{1}, "x"),
            std::numeric_limits<uint64_t>::max());
  EXPECT_EQ(checked_product({1, 6, 28, 28}, "x"), 4704);
  EXPECT_EQ(checked_product({}, "x"), 1);
  EXPECT_EQ(checked_product({3, 0, int64_t{1} << 62, 5}, "x"), 0);
}

TEST(CheckedMath, OverflowThrowsNamingWhat) {
  // 2^32 * 2^31 = 2^63 does not fit int64 (max 2^63 - 1); as uint64 it does.
  try {
    checked_mul(int64_t{1} << 32, int64_t{1} << 31, "node conv1: MACs");
    FAIL() << "no throw";
  } catch (const CountOverflow& e) {
    EXPECT_STREQ(e.what(), "node conv1: MACs: 4294967296 * 2147483648 overflows int64");
  }
  EXPECT_THROW(checked_mul(uint64_t{1} << 32, uint64_t{1} << 32, "x"), CountOverflow);
  EXPECT_THROW(checked_add(std::numeric_limits<int64_t>::max(), int64_t{1}, "x"), CountOverflow);
  EXPECT_THROW(checked_add(std::numeric_limits<uint64_t>::max(), uint64_t{1}, "x"), UserError);
  // 65536^4 = 2^64: the product wraps to 0 without the check.
  try {
    checked_product({65536, 65536, 65536, 65536}, "shape");
    FAIL() << "no throw";
  } catch (const UserError& e) {
    EXPECT_STREQ(e.what(), "shape: the product of [65536,65536,65536,65536] overflows int64");
  }
  EXPECT_THROW(checked_unsigned(-1, "bytes"), CountOverflow);
  EXPECT_EQ(checked_unsigned(7, "bytes"), 7u);
}

}  // namespace
}  // namespace blsim
