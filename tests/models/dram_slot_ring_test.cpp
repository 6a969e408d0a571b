// SPDX-License-Identifier: MIT
// DramSlotRing against a plain set of taken clocks: random marks that step the top by a few
// clocks, by up to a lap and by several laps (long idle gaps), each followed by queries of every
// kind near the top and across the ring's floor.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>

#include "models/dram_slot_ring.h"

namespace blsim {
namespace {

constexpr int64_t kSlots = DramSlotRing::kSlots;

// What the ring promises: a clock is taken if it was marked, is below the latest marked clock
// (`top`) and not older than the ring holds (`floor`, whole words kSlots - 64 clocks back).
class ReferenceRing {
 public:
  void mark(int64_t from, int64_t to) {
    top_ = std::max(top_, to);
    floor_ = std::max<int64_t>(((top_ + 63) & ~int64_t{63}) + 64 - kSlots, 0);
    for (int64_t c = std::max(from, floor_); c < to; ++c) taken_.insert(c);
    taken_.erase(taken_.begin(), taken_.lower_bound(floor_));  // keep the set small
  }
  bool taken(int64_t c) const { return c >= floor_ && c < top_ && taken_.count(c) != 0; }
  int64_t first_free(int64_t from) const {
    while (taken(from)) ++from;
    return from;
  }
  int64_t first_taken(int64_t from, int64_t to) const {
    for (int64_t c = from; c < to; ++c) {
      if (taken(c)) return c;
    }
    return -1;
  }
  int64_t top() const { return top_; }
  int64_t floor() const { return floor_; }

 private:
  std::set<int64_t> taken_;
  int64_t top_ = 0;
  int64_t floor_ = 0;
};

TEST(DramSlotRing, MatchesASetOfTakenClocksAcrossIdleGaps) {
  std::mt19937_64 rng(7);
  auto uniform = [&rng](int64_t lo, int64_t hi) {  // [lo, hi]
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  DramSlotRing rings[2];
  ReferenceRing refs[2];
  for (int op = 0; op < 30000; ++op) {
    const int r = static_cast<int>(uniform(0, 1));
    const int64_t top = refs[r].top();
    const int64_t kind = uniform(0, 999);
    // Mostly streaming, so the top laps the ring over marked words; sometimes a gap under a lap,
    // a long idle gap or a mark below the top.
    int64_t to = top + uniform(0, 64);
    if (kind >= 900) to = top + 65 + uniform(0, (int64_t{1} << uniform(0, 16)) - 1);  // < a lap
    if (kind >= 980) to = top + uniform(kSlots, 3 * kSlots);
    if (kind < 50) to = std::max<int64_t>(1, top - uniform(0, kSlots));
    const int64_t from = std::max<int64_t>(0, to - uniform(1, 100));
    rings[r].mark(from, to);
    refs[r].mark(from, to);
    for (int q = 0; q < 6; ++q) {
      const int64_t t = std::max(refs[0].top(), refs[1].top());
      const int64_t lo = std::max<int64_t>(0, std::min(refs[0].floor(), refs[1].floor()) - 200);
      // Half the queries read the words at and after a top, where old marks would show.
      const int64_t near = refs[q & 1].top();
      const int64_t c =
          q < 3 ? uniform(std::max<int64_t>(0, near - 70), near + 70) : uniform(lo, t + 200);
      for (int k = 0; k < 2; ++k) {
        ASSERT_EQ(rings[k].taken(c), refs[k].taken(c))
            << "op " << op << " ring " << k << " clock " << c;
        ASSERT_EQ(rings[k].first_free(c), refs[k].first_free(c)) << "op " << op << " clock " << c;
        const int64_t end = c + uniform(1, 300);
        ASSERT_EQ(rings[k].first_taken(c, end), refs[k].first_taken(c, end))
            << "op " << op << " clocks " << c << ".." << end;
      }
      const int64_t offset = uniform(0, 100);
      int64_t both = c;
      while (refs[0].taken(both) || refs[1].taken(both + offset)) ++both;
      ASSERT_EQ(DramSlotRing::first_free_both(rings[0], rings[1], offset, c), both)
          << "op " << op << " clock " << c << " offset " << offset;
    }
  }
}

}  // namespace
}  // namespace blsim
