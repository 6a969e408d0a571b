// SPDX-License-Identifier: MIT
// DramTiming's queues: the request queue a request waits in while it is full, and each channel's
// write queue (posted writes, drained at the high watermark, when the channel idles, or up to a
// write a read overlaps).
#include <algorithm>
#include <limits>

#include "models/dram_timing.h"

namespace blsim {

// ---- the request queue ---------------------------------------------------------------------

// The clock at which a slot of a full queue frees: the bursts of the requests it holds finish,
// those of each request one every data-bus slot up to its end, the earliest-ending request
// first (whose bursts it frees are taken off it).
int64_t DramTiming::queue_entry() {
  if (queue_bursts_ < queue_capacity_) return 0;
  int64_t entry = 0;
  const int64_t per_burst = std::max(ck_.burst, ck_.ccd);
  uint64_t excess = queue_bursts_ - queue_capacity_ + 1;  // bursts to free
  Held* first = queue_held_.data() + queue_head_;
  for (; excess > 0 && excess >= first->bursts; ++first) {  // whole requests
    entry = std::max(entry, first->end);
    excess -= first->bursts;
  }
  if (excess > 0) {  // part of one: its first bursts
    entry = std::max(entry, first->end - static_cast<int64_t>(first->bursts - excess) * per_burst);
    first->bursts -= excess;
  }
  queue_bursts_ = queue_capacity_ - 1;
  queue_head_ = static_cast<size_t>(first - queue_held_.data());
  return entry;
}

// Holds a request until its bursts finish. The held requests are kept in order of their ends
// from queue_head_ on, a new one before those that end when it does (so the newest of them
// frees its bursts first); most new requests end last or nearly so, so it is put in place from
// the back. One that ends no later than every held one (a posted write, done once queued) takes
// the slot before them, which the last freed request left.
void DramTiming::hold(const Held& h) {
  queue_bursts_ += h.bursts;
  if (queue_head_ > 0 &&
      (queue_head_ == queue_held_.size() || queue_held_[queue_head_].end >= h.end)) {
    queue_held_[--queue_head_] = h;
    return;
  }
  if (queue_head_ >= 64 && queue_head_ * 2 >= queue_held_.size()) {  // drop the freed ones
    queue_held_.erase(queue_held_.begin(),
                      queue_held_.begin() + static_cast<std::ptrdiff_t>(queue_head_));
    queue_head_ = 0;
  }
  queue_held_.push_back(h);
  Held* const first = queue_held_.data() + queue_head_;
  Held* at = queue_held_.data() + queue_held_.size() - 1;
  for (; at != first && (at - 1)->end >= h.end; --at) *at = *(at - 1);
  *at = h;
}

// ---- the write queue -------------------------------------------------------------------------

void DramTiming::drain(Channel& ch, int64_t from, uint64_t keep, size_t through_end,
                       Tally& result) {
  Tally side;  // the writes' own issue and end clocks are nobody's request's
  while (ch.writes_head < ch.writes.size() &&
         (ch.queued_bursts > keep || ch.writes_head < through_end)) {
    const PendingWrite w = ch.writes[ch.writes_head++];
    ch.queued_bursts -= w.bursts;
    const int64_t end = piece(std::max(from, w.arrival), w.addr, w.bursts, true, side);
    for (uint64_t k = 0; k < w.bursts; ++k) {
      ch.slot_free[(w.first_slot + k) % ch.slot_free.size()] = end;
    }
  }
  if (ch.writes_head == ch.writes.size()) {
    ch.writes.clear();
    ch.writes_head = 0;
    ch.filter.fill(0);
  }
  result.add_counts(side);
}

bool DramTiming::read_from_queue(Channel& ch, int64_t t, uint64_t addr, uint64_t bytes,
                                 Tally& result) {
  // The newest queued write that overlaps the read holds its newest bytes.
  for (size_t i = ch.writes.size(); i-- > ch.writes_head;) {
    const PendingWrite& w = ch.writes[i];
    if (w.addr >= addr + bytes || addr >= w.addr + w.bytes) continue;
    if (w.addr <= addr && addr + bytes <= w.addr + w.bytes) return true;
    drain(ch, t, std::numeric_limits<uint64_t>::max(), i + 1, result);
    return false;
  }
  return false;
}

}  // namespace blsim
