// SPDX-License-Identifier: MIT
// The points of a design-space sweep: axes (a key and its values, given as a list or a range),
// their Cartesian product numbered in order (the first axis varies slowest), an optional random
// sample of it, and the deterministic slice one shard of a split sweep takes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace blsim {

struct Axis {
  std::string key;
  std::vector<std::string> values;
};

// "KEY=V1,V2,...", "KEY=V1;V2;..." (when values hold commas) or "KEY=START:STOP:STEP" (numbers;
// STOP included when it falls on the grid). Throws UserError naming the text.
Axis parse_axis(const std::string& text);

class SweepGrid {
 public:
  explicit SweepGrid(std::vector<Axis> axes);  // refuses a key varied twice, a grid over 2^40
  const std::vector<Axis>& axes() const { return axes_; }
  uint64_t size() const { return size_; }
  // The value of each axis at point `index` of the product.
  std::vector<std::string> values_of(uint64_t index) const;

 private:
  std::vector<Axis> axes_;
  uint64_t size_ = 1;
};

// The points to run, ascending: all of them, or `sample` drawn without replacement with `seed`
// (sample = 0: all); then the slice of shard `shard` (1-based) of `shards`: every shards-th of
// them, starting at the shard-th.
std::vector<uint64_t> select_points(uint64_t grid_size, uint64_t sample, uint64_t seed,
                                    uint64_t shard, uint64_t shards);

// "K/N" -> {K, N} with 1 <= K <= N; throws UserError.
std::pair<uint64_t, uint64_t> parse_shard(const std::string& text);

}  // namespace blsim
