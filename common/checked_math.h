// SPDX-License-Identifier: MIT
// Overflow-checked arithmetic for shapes, element counts, bytes and MACs. Dimensions come from
// files written by others, so a product that does not fit is bad input, not a wrap-around to a
// small count: these throw CountOverflow (a UserError) whose message names what was computed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/user_error.h"

namespace blsim {

// A UserError whose message says which count overflowed. Callers that know more context (a
// graph node) catch it and re-throw with that context; everyone else lets it reach main().
class CountOverflow : public UserError {
 public:
  explicit CountOverflow(const std::string& what) : UserError(what) {}
};

// a * b and a + b, or CountOverflow "<what>: <a> * <b> overflows <type>".
int64_t checked_mul(int64_t a, int64_t b, const std::string& what);
uint64_t checked_mul(uint64_t a, uint64_t b, const std::string& what);
int64_t checked_add(int64_t a, int64_t b, const std::string& what);
uint64_t checked_add(uint64_t a, uint64_t b, const std::string& what);

// Product of the dimensions (1 for none); negative dimensions are the caller's to refuse.
int64_t checked_product(const std::vector<int64_t>& dims, const std::string& what);

// Non-negative int64 as uint64 (a count computed in signed arithmetic, used as a size).
uint64_t checked_unsigned(int64_t value, const std::string& what);

}  // namespace blsim
