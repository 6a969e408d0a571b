// SPDX-License-Identifier: MIT
// Which clocks of one DRAM resource (a command bus, a data bus, a rank's ACTs) are taken, over
// the last kSlots - 64 clocks before the latest taken one (`top`); older clocks and negative ones
// count as free. One bit a clock, queried a 64-clock word at a time; inline because the
// controller asks several questions per burst.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

namespace blsim {

class DramSlotRing {
 public:
  // 41 us at LPDDR4-3200: a queue of 64 bursts and one request of 128 KiB on one channel book up
  // to 33000 clocks ahead, and a burst must still see the bursts booked before its earliest clock.
  static constexpr int64_t kSlots = 65536;

  bool taken(int64_t c) const { return c >= floor_ && c < top_ && ((word(c) >> (c & 63)) & 1) != 0; }

  // Lowest taken clock in [from, to), or -1.
  int64_t first_taken(int64_t from, int64_t to) const {
    from = std::max(from, floor_);
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

  // First free clock at or after `from` (at the latest the top: the clocks from it on are free).
  int64_t first_free(int64_t from) const {
    if (from < floor_ || from >= top_) return from;
    for (int64_t s = from;;) {
      const int64_t base = s & ~int64_t{63};
      const uint64_t free = ~word(base) & (~uint64_t{0} << (s - base));
      if (free != 0) return base + __builtin_ctzll(free);
      s = base + 64;
    }
  }

  // First clock c at or after `from` free in `a` with c + offset free in `b` (say a command slot
  // and its data burst): both rings are read 64 clocks at a time, so the search does not bounce
  // between them.
  static int64_t first_free_both(const DramSlotRing& a, const DramSlotRing& b, int64_t offset,
                                 int64_t from) {
    for (int64_t s = from;; s += 64) {  // past both tops every clock is free
      const uint64_t free = ~(a.bits_from(s) | b.bits_from(s + offset));
      if (free != 0) return s + __builtin_ctzll(free);
    }
  }

  // Takes the clocks [from, to).
  void mark(int64_t from, int64_t to) {
    if (to > top_) advance(to);
    from = std::max(from, floor_);
    for (; to - from > 64; from += 64) mark_span(from, 64);
    if (from < to) mark_span(from, static_cast<int>(to - from));
  }

 private:
  static constexpr int64_t kWords = kSlots / 64;

  uint64_t word(int64_t base) const { return bits_[static_cast<size_t>((base >> 6) & (kWords - 1))]; }
  uint64_t& word(int64_t base) { return bits_[static_cast<size_t>((base >> 6) & (kWords - 1))]; }
  // Clocks [base, base + 64) as bits, bit i for base + i (clocks outside [floor, top) free). The
  // word after the top's is kept clear, so a window that reaches past the top reads free clocks.
  uint64_t bits_from(int64_t base) const {
    if (base >= top_) return 0;  // past the top the words may hold old clocks
    const int shift = static_cast<int>(base & 63);
    const auto w = static_cast<size_t>(base >> 6);
    uint64_t v = (bits_[w & (kWords - 1)] >> shift) |
                 ((bits_[(w + 1) & (kWords - 1)] << 1) << (63 - shift));
    if (base < floor_) v = base + 64 <= floor_ ? 0 : v & (~uint64_t{0} << (floor_ - base));
    return v;
  }
  // Takes the n clocks from `from` on (1 <= n <= 64: in `from`'s word and the next), without
  // branches.
  void mark_span(int64_t from, int n) {
    const int lo = static_cast<int>(from & 63);
    const uint64_t span = ~uint64_t{0} >> (64 - n);
    const auto w = static_cast<size_t>(from >> 6);
    bits_[w & (kWords - 1)] |= span << lo;
    bits_[(w + 1) & (kWords - 1)] |= (span >> 1) >> (63 - lo);  // the part past `from`'s word
  }
  // Bits lo .. hi-1 (0 <= lo < hi <= 64).
  static uint64_t span_mask(int lo, int hi) { return (~uint64_t{0} >> (64 - (hi - lo))) << lo; }
  // Moves the top to `to`. The words the top enters, and the one after them, held clocks
  // kSlots - 64 or more older, which leave the ring: they are cleared whole (after a long idle gap
  // the whole ring is), so the clocks at or above the top are free.
  void advance(int64_t to) {
    const int64_t last = ((to - 1) >> 6) + 1;  // the word after the new top's
    if (to - top_ <= 64) {  // the top moves into its cleared next word at most: clear the one after
      word(last << 6) = 0;
    } else {
      const int64_t first = ((top_ - 1) >> 6) + 2;  // the words after the top's cleared one
      if (last - first + 1 >= kWords) {
        bits_.fill(0);
      } else {
        clear_words(first, last);
      }
    }
    top_ = to;
    floor_ = std::max<int64_t>(((top_ + 63) & ~int64_t{63}) + 64 - kSlots, 0);
  }
  // Clears the words of clocks [first << 6, (last + 1) << 6), fewer than a lap: at most two runs
  // of the array, each one fill (a word-by-word loop over the ring's wrap does not vectorise).
  void clear_words(int64_t first, int64_t last) {
    const auto count = static_cast<size_t>(last - first + 1);
    const auto start = static_cast<size_t>(first & (kWords - 1));
    const size_t head = std::min(count, static_cast<size_t>(kWords) - start);
    std::fill_n(bits_.begin() + static_cast<std::ptrdiff_t>(start), head, 0);
    std::fill_n(bits_.begin(), count - head, 0);
  }

  std::array<uint64_t, kWords> bits_{};
  int64_t top_ = 0;
  int64_t floor_ = 0;  // the oldest clock held: the ring holds whole words
};

}  // namespace blsim
