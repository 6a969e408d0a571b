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

[[noreturn]] void overflow(const std::string& what, const std::string& a, const char* op,
                           const std::string& b, const char* type) {
  throw CountOverflow(what + ": " + a + " " + op + " " + b + " overflows " + type);
}

}  // namespace

int64_t checked_mul(int64_t a, int64_t b, const std::string& what) {
  int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) {
    overflow(what, std::to_string(a), "*", std::to_string(b), "int64");
  }
  return r;
}

uint64_t checked_mul(uint64_t a, uint64_t b, const std::string& what) {
  uint64_t r;
  if (__builtin_mul_overflow(a, b, &r)) {
    overflow(what, std::to_string(a), "*", std::to_string(b), "uint64");
  }
  return r;
}

int64_t checked_add(int64_t a, int64_t b, const std::string& what) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r)) {
    overflow(what, std::to_string(a), "+", std::to_string(b), "int64");
  }
  return r;
}

uint64_t checked_add(uint64_t a, uint64_t b, const std::string& what) {
  uint64_t r;
  if (__builtin_add_overflow(a, b, &r)) {
    overflow(what, std::to_string(a), "+", std::to_string(b), "uint64");
  }
  return r;
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
