// SPDX-License-Identifier: MIT
// The one pseudo-random generator of datasets and training: SplitMix64 (Steele, Lea, Flood 2014)
// plus an unbiased bounded draw and a Fisher-Yates shuffle. Written here rather than taken from
// <random> because std:: distributions differ across library versions; this gives the same
// sequence on every platform for a given seed.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace blsim {

class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}

  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  // Uniform in [0, n), n > 0; rejection keeps it unbiased.
  uint64_t below(uint64_t n) {
    const uint64_t threshold = (0 - n) % n;  // 2^64 mod n
    for (;;) {
      const uint64_t r = next();
      if (r >= threshold) return r % n;
    }
  }

  // Uniform in [0, 1) with 53 random bits.
  double uniform01() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  // Uniform in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform01(); }

 private:
  uint64_t state_;
};

template <typename T>
void fisher_yates_shuffle(std::vector<T>& items, SplitMix64& rng) {
  for (size_t i = items.size(); i > 1; --i) {
    const size_t j = static_cast<size_t>(rng.below(i));
    std::swap(items[i - 1], items[j]);
  }
}

}  // namespace blsim
