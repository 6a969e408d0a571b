// SPDX-License-Identifier: MIT
// Reproducible test data without a test framework (the benchmarks use it too): values in
// [-0.5, 0.5) from a 32-bit linear congruential generator, the same for a seed on every machine.
#pragma once

#include <cstdint>
#include <vector>

#include "workloads/tensor.h"

namespace blsim {

inline Tensor pseudo_random(const Shape& shape, uint32_t seed) {
  std::vector<float> v(static_cast<size_t>(element_count(shape)));
  uint32_t s = seed;
  for (float& x : v) {
    s = s * 1664525u + 1013904223u;
    x = static_cast<float>(s >> 8) / static_cast<float>(1u << 24) - 0.5f;
  }
  return Tensor::from_floats(shape, std::move(v));
}

}  // namespace blsim
