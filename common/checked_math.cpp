// SPDX-License-Identifier: MIT
#include "common/checked_math.h"

namespace blsim {
namespace {

template <typename T>
std::string dims_text(const std::vector<T>& dims) {
  std::string s = "[";
  for (size_t i = 0; i < dims.size(); ++i) s += (i > 0 ? "," : "") + std::to_string(dims[i]);
  return s + "]";
}

// One body for the four checked operations: `op` is a __builtin_*_overflow.
template <typename T, typename Op>
T checked(T a, T b, const std::string& what, const char* sign, const char* type, Op op) {
  T r;
  if (op(a, b, &r)) {
    throw CountOverflow(what + ": " + std::to_string(a) + " " + sign + " " + std::to_string(b) +
                        " overflows " + type);
  }
  return r;
}

template <typename T>
bool mul_overflows(T a, T b, T* r) { return __builtin_mul_overflow(a, b, r); }
template <typename T>
bool add_overflows(T a, T b, T* r) { return __builtin_add_overflow(a, b, r); }

}  // namespace

int64_t checked_mul(int64_t a, int64_t b, const std::string& what) {
  return checked(a, b, what, "*", "int64", mul_overflows<int64_t>);
}

uint64_t checked_mul(uint64_t a, uint64_t b, const std::string& what) {
  return checked(a, b, what, "*", "uint64", mul_overflows<uint64_t>);
}

int64_t checked_add(int64_t a, int64_t b, const std::string& what) {
  return checked(a, b, what, "+", "int64", add_overflows<int64_t>);
}

uint64_t checked_add(uint64_t a, uint64_t b, const std::string& what) {
  return checked(a, b, what, "+", "uint64", add_overflows<uint64_t>);
}

int64_t checked_product(const std::vector<int64_t>& dims, const std::string& what) {
  int64_t n = 1;
  for (int64_t d : dims) {
    if (__builtin_mul_overflow(n, d, &n)) {
      throw CountOverflow(what + ": the product of " + dims_text(dims) + " overflows int64");
    }
  }
  return n;
}

uint64_t checked_unsigned(int64_t value, const std::string& what) {
  if (value < 0) throw CountOverflow(what + ": " + std::to_string(value) + " is negative");
  return static_cast<uint64_t>(value);
}

}  // namespace blsim
