// SPDX-License-Identifier: MIT
// Which clocks of one DRAM resource (a command bus, a data bus, a rank's ACTs) are taken, over
// the last kSlots clocks before the latest taken one (`top`); older clocks and negative ones count
// as free. One bit a clock, queried a 64-clock word at a time; inline because the controller asks
// several questions per burst.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>

namespace blsim {

class DramSlotRing {
 public:
  // 41 us at LPDDR4-3200: a queue of 64 bursts and one request of 128 KiB on one channel book up
  // to 33000 clocks ahead, and a burst must still see the bursts booked before its earliest clock.
  static constexpr int64_t kSlots = 65536;

  bool taken(int64_t c) const { return c >= floor() && c < top_ && ((word(c) >> (c & 63)) & 1) != 0; }

  // Lowest taken clock in [from, to), or -1.
  int64_t first_taken(int64_t from, int64_t to) const {
    from = std::max(from, floor());
    to = std::min(to, top_);
    for (int64_t s = from; s < to;) {
      const int64_t base = s & ~int64_t{63};
      const int64_t end = std::min(to, base + 64);
      const uint64_t hit =
          word(base) & span_mask(static_cast<int>(s - base), static_cast<int>(end - base));
      if (hit != 0) return base + __builtin_ctzll(hit);
      s = end;
    }
    return -1;
  }

  // First free clock at or after `from`.
  int64_t first_free(int64_t from) const {
    if (from < floor() || from >= top_) return from;
    for (int64_t s = from; s < top_;) {
      const int64_t base = s & ~int64_t{63};
      const uint64_t free = ~word(base) & (~uint64_t{0} << (s - base));
      if (free != 0) return std::min(top_, base + __builtin_ctzll(free));
      s = base + 64;
    }
    return top_;
  }

  // First clock c at or after `from` free in `a` with c + offset free in `b` (say a command slot
  // and its data burst): both rings are read 64 clocks at a time, so the search does not bounce
  // between them.
  static int64_t first_free_both(const DramSlotRing& a, const DramSlotRing& b, int64_t offset,
                                 int64_t from) {
    for (int64_t s = from;; s += 64) {
      if (s >= a.top_ && s + offset >= b.top_) return s;
      const uint64_t free = ~(a.bits_from(s) | b.bits_from(s + offset));
      if (free != 0) return s + __builtin_ctzll(free);
    }
  }

  // Takes the clocks [from, to).
  void mark(int64_t from, int64_t to) {
    if (to > top_) advance(to);
    from = std::max(from, floor_);
    if (from >= to) return;
    if (to - from <= 64) {  // within the word holding `from` and the next
      const int64_t base = from & ~int64_t{63};
      const int lo = static_cast<int>(from - base);
      const int end = static_cast<int>(to - base);  // 1 .. 127
      if (end <= 64) {
        word(base) |= span_mask(lo, end);
      } else {
        word(base) |= ~uint64_t{0} << lo;
        word(base + 64) |= ~uint64_t{0} >> (128 - end);
      }
      return;
    }
    for (int64_t s = from; s < to;) {
      const int64_t base = s & ~int64_t{63};
      const int64_t end = std::min(to, base + 64);
      word(base) |= span_mask(static_cast<int>(s - base), static_cast<int>(end - base));
      s = end;
    }
  }

 private:
  static constexpr int64_t kWords = kSlots / 64;

  int64_t floor() const { return floor_; }  // the oldest clock held: the ring holds whole words
  uint64_t word(int64_t base) const { return bits_[static_cast<size_t>((base >> 6) & (kWords - 1))]; }
  uint64_t& word(int64_t base) { return bits_[static_cast<size_t>((base >> 6) & (kWords - 1))]; }
  // Clocks [base, base + 64) as bits, bit i for base + i (clocks outside [floor, top) free).
  uint64_t bits_from(int64_t base) const {
    if (base >= top_ || base + 64 <= floor_) return 0;
    const int64_t w = base & ~int64_t{63};
    const int shift = static_cast<int>(base - w);
    uint64_t v = word(w) >> shift;
    if (shift != 0) v |= word(w + 64) << (64 - shift);
    if (base < floor_) v &= ~uint64_t{0} << (floor_ - base);
    if (top_ - base < 64) v &= ~uint64_t{0} >> (64 - (top_ - base));
    return v;
  }
  // Bits lo .. hi-1 (0 <= lo < hi <= 64).
  static uint64_t span_mask(int lo, int hi) { return (~uint64_t{0} >> (64 - (hi - lo))) << lo; }
  // Moves the top to `to`. The words the top enters held clocks kSlots or more older, which
  // leave the ring: they are cleared whole (after a long idle gap the whole ring is), so the
  // clocks at or above the top are free.
  void advance(int64_t to) {
    const int64_t first = ((top_ - 1) >> 6) + 1;  // the words after the top's
    const int64_t last = (to - 1) >> 6;           // ... up to the new top's
    if (last - first + 1 >= kWords) {
      bits_.fill(0);
    } else {
      for (int64_t w = first; w <= last; ++w) word(w << 6) = 0;
    }
    top_ = to;
    floor_ = std::max<int64_t>(((top_ + 63) & ~int64_t{63}) - kSlots, 0);
  }

  std::array<uint64_t, kWords> bits_{};
  int64_t top_ = 0;
  int64_t floor_ = 0;
};

}  // namespace blsim
