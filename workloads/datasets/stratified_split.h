// SPDX-License-Identifier: MIT
// Splits sample indices into parts of exact sizes while keeping each class's share in every part
// (largest-remainder apportionment per class, ties to the lower class). Which samples of a class
// go to which part is decided by a seeded shuffle, so the split is fixed for a given seed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace blsim {

// parts[k] holds part_sizes[k] indices into labels, ascending; the sizes must add up to
// labels.size(). Labels are in [0, classes). Throws std::invalid_argument otherwise.
std::vector<std::vector<size_t>> stratified_split(const std::vector<int>& labels, int classes,
                                                  const std::vector<size_t>& part_sizes,
                                                  uint64_t seed);

}  // namespace blsim
