// SPDX-License-Identifier: MIT
#include "sim/sweep_grid.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <random>
#include <set>

#include "common/csv_writer.h"
#include "common/number_text.h"
#include "common/user_error.h"

namespace blsim {
namespace {

// START:STOP:STEP as values printed like every other number blsim writes (%.9g).
std::vector<std::string> range_values(const std::string& text, const std::string& range) {
  const auto c1 = range.find(':');
  const auto c2 = range.find(':', c1 + 1);
  double start = 0, stop = 0, step = 0;
  if (c2 == std::string::npos || range.find(':', c2 + 1) != std::string::npos ||
      !parse_finite(range.substr(0, c1), &start) ||
      !parse_finite(range.substr(c1 + 1, c2 - c1 - 1), &stop) ||
      !parse_finite(range.substr(c2 + 1), &step)) {
    throw UserError("--vary " + text + ": expected START:STOP:STEP with three numbers");
  }
  if (step <= 0 || stop < start) {
    throw UserError("--vary " + text + ": a range needs STEP > 0 and STOP >= START");
  }
  const double count = std::floor((stop - start) / step * (1 + 1e-12) + 1e-9) + 1;
  if (count > 1e7) throw UserError("--vary " + text + ": more than 10,000,000 values");
  std::vector<std::string> values;
  for (uint64_t i = 0; i < static_cast<uint64_t>(count); ++i) {
    values.push_back(format_number(start + static_cast<double>(i) * step));
  }
  return values;
}

}  // namespace

Axis parse_axis(const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size()) {
    throw UserError("--vary " + text +
                    ": expected KEY=V1,V2,... or KEY=START:STOP:STEP (e.g. "
                    "cluster.big.freq_mhz=1400,2000 or cascade.threshold=0:1:0.001)");
  }
  Axis axis;
  axis.key = text.substr(0, eq);
  const std::string list = text.substr(eq + 1);
  if (list.find(':') != std::string::npos && list.find_first_of(",;") == std::string::npos) {
    axis.values = range_values(text, list);
    return axis;
  }
  const char sep = list.find(';') != std::string::npos ? ';' : ',';
  size_t pos = 0;
  for (;;) {
    const size_t end = std::min(list.find(sep, pos), list.size());
    const std::string value = list.substr(pos, end - pos);
    if (value.empty()) throw UserError("--vary " + text + ": empty value in the list");
    axis.values.push_back(value);
    if (end == list.size()) break;
    pos = end + 1;
  }
  return axis;
}

SweepGrid::SweepGrid(std::vector<Axis> axes) : axes_(std::move(axes)) {
  std::set<std::string> keys;
  for (const auto& a : axes_) {
    if (!keys.insert(a.key).second) throw UserError("--vary " + a.key + ": key varied twice");
    if (size_ > (uint64_t{1} << 40) / a.values.size()) {
      throw UserError("--vary: the grid has more than 2^40 points");
    }
    size_ *= a.values.size();
  }
}

std::vector<std::string> SweepGrid::values_of(uint64_t index) const {
  std::vector<std::string> values(axes_.size());
  for (size_t a = axes_.size(); a-- > 0;) {
    const uint64_t n = axes_[a].values.size();
    values[a] = axes_[a].values[index % n];
    index /= n;
  }
  return values;
}

std::vector<uint64_t> select_points(uint64_t grid_size, uint64_t sample, uint64_t seed,
                                    uint64_t shard, uint64_t shards) {
  std::vector<uint64_t> points;
  if (sample == 0 || sample >= grid_size) {
    points.resize(grid_size);
    for (uint64_t i = 0; i < grid_size; ++i) points[i] = i;
  } else {
    // Floyd's algorithm: `sample` distinct indices, uniform, in O(sample) memory.
    std::mt19937_64 rng(seed);
    std::set<uint64_t> chosen;
    for (uint64_t j = grid_size - sample; j < grid_size; ++j) {
      const uint64_t t = std::uniform_int_distribution<uint64_t>(0, j)(rng);
      if (!chosen.insert(t).second) chosen.insert(j);
    }
    points.assign(chosen.begin(), chosen.end());
  }
  std::vector<uint64_t> mine;
  for (uint64_t i = shard - 1; i < points.size(); i += shards) mine.push_back(points[i]);
  return mine;
}

std::pair<uint64_t, uint64_t> parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  char* end = nullptr;
  const unsigned long long k = std::strtoull(text.c_str(), &end, 10);
  const bool k_ok = slash != std::string::npos && end == text.c_str() + slash && slash > 0;
  const char* n_text = k_ok ? text.c_str() + slash + 1 : "";
  const unsigned long long n = std::strtoull(n_text, &end, 10);
  if (!k_ok || *n_text == '\0' || *end != '\0' || n == 0 || k == 0 || k > n || n > 100000 ||
      text.find('-') != std::string::npos) {
    throw UserError("--shard " + text + ": expected K/N with 1 <= K <= N (e.g. 2/8)");
  }
  return {k, n};
}

}  // namespace blsim
