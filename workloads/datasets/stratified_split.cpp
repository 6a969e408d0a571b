// SPDX-License-Identifier: MIT
#include "workloads/datasets/stratified_split.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "workloads/datasets/rng.h"

namespace blsim {
namespace {

// How many of each class go to a part of `size` samples: floor of the exact quota, then one more
// for the classes with the largest remainders until the part is full.
std::vector<size_t> apportion(const std::vector<size_t>& class_counts, size_t total,
                              size_t size) {
  std::vector<size_t> share(class_counts.size());
  std::vector<std::pair<uint64_t, size_t>> remainders;  // (remainder numerator, class)
  size_t given = 0;
  for (size_t c = 0; c < class_counts.size(); ++c) {
    const uint64_t exact = static_cast<uint64_t>(class_counts[c]) * size;
    share[c] = static_cast<size_t>(exact / total);
    given += share[c];
    remainders.emplace_back(exact % total, c);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t k = 0; given < size; ++k, ++given) ++share[remainders[k].second];
  return share;
}

}  // namespace

std::vector<std::vector<size_t>> stratified_split(const std::vector<int>& labels, int classes,
                                                  const std::vector<size_t>& part_sizes,
                                                  uint64_t seed) {
  if (classes <= 0) throw std::invalid_argument("stratified_split: no classes");
  const size_t total = labels.size();
  if (std::accumulate(part_sizes.begin(), part_sizes.end(), size_t{0}) != total) {
    throw std::invalid_argument("stratified_split: part sizes do not add up to the sample count");
  }
  std::vector<std::vector<size_t>> by_class(static_cast<size_t>(classes));
  for (size_t i = 0; i < total; ++i) {
    if (labels[i] < 0 || labels[i] >= classes) {
      throw std::invalid_argument("stratified_split: label out of range");
    }
    by_class[static_cast<size_t>(labels[i])].push_back(i);
  }
  std::vector<size_t> class_counts;
  for (const auto& members : by_class) class_counts.push_back(members.size());

  // Every part but the last is apportioned against what is still unassigned, so the last part
  // takes exactly the rest of every class.
  std::vector<size_t> left = class_counts;
  size_t left_total = total;
  std::vector<std::vector<size_t>> shares;
  for (size_t k = 0; k + 1 < part_sizes.size(); ++k) {
    shares.push_back(left_total == 0 ? std::vector<size_t>(left.size(), 0)
                                     : apportion(left, left_total, part_sizes[k]));
    for (size_t c = 0; c < left.size(); ++c) left[c] -= shares.back()[c];
    left_total -= part_sizes[k];
  }
  shares.push_back(left);

  SplitMix64 rng(seed);
  std::vector<std::vector<size_t>> parts(part_sizes.size());
  for (size_t c = 0; c < by_class.size(); ++c) {
    std::vector<size_t> members = by_class[c];
    fisher_yates_shuffle(members, rng);
    size_t next = 0;
    for (size_t k = 0; k < parts.size(); ++k) {
      for (size_t j = 0; j < shares[k][c]; ++j) parts[k].push_back(members[next++]);
    }
  }
  for (auto& part : parts) std::sort(part.begin(), part.end());
  return parts;
}

}  // namespace blsim
