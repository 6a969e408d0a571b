// SPDX-License-Identifier: MIT
#include "models/dram_scheduler.h"

#include <algorithm>
#include <limits>

namespace blsim {
namespace {

struct Queued {
  size_t index;  // in the request stream, so also its age
  int64_t row;
};

// A bank's candidate ranked among all banks' candidates: its key in the high 64 bits, then its
// age, then the bank. The least rank goes first; ages are distinct, so ranks never tie, and the
// bank rides along so that the least rank names its bank. Compared without branches: which bank
// goes first is data, not a pattern a branch predictor can learn.
__extension__ using Rank = unsigned __int128;
// Banks of a DramTiming: at most 64 channels x 16 ranks x 1,024 banks (sim/dram_config.cpp's
// bounds), 2^20; ages below 2^44.
constexpr int kBankBits = 20;
// A bank's queued requests: at most 2^20 (dram.queue_bursts is at most 2^20 bursts a channel), so
// a slot fits in 20 bits beside an age.
constexpr int kSlotBits = 20;

Rank rank_of(int64_t key, uint64_t age, size_t bank) {
  return (Rank{static_cast<uint64_t>(key)} << 64) | (age << kBankBits) | bank;
}

// The requests queued at each bank, the one each would serve next, and a tournament over the
// banks that finds the first of those (leaves = banks, padded to a power of two; each match keeps
// the lesser rank). A bank's requests sit in its own run of slots, in no order (a taken one's
// slot gets the last one): their indices say their age.
class BankQueues {
 public:
  BankQueues(const DramTiming& dram, const std::vector<DramRequest>& requests, size_t banks)
      : dram_(dram), requests_(requests), slots_(banks * stride_), size_(banks, 0), pick_(banks, 0),
        ready_(banks), track_busy_(banks > kFewBanks), busy_at_(track_busy_ ? banks : 0, 0) {
    while (leaves_ < banks) leaves_ *= 2;
    rank_.assign(2 * leaves_, ~Rank{0});
  }

  // Queues a request (younger than every queued one) at its bank. The bank is as it was when its
  // candidate was chosen (only booking changes a bank, and booking chooses anew), so the
  // newcomer changes the choice only if the bank was empty or it is the first to hit the open row.
  void add(size_t bank, const Queued& q) {
    if (size_[bank] == stride_) widen();
    const size_t at = size_[bank]++;
    slots_[bank * stride_ + at] = q;
    if (at == 0) {
      if (track_busy_) {
        busy_at_[bank] = busy_.size();
        busy_.push_back(bank);
      }
      rechoose(bank);
    } else if ((key(bank) & 1) && q.row == ready_[bank].open_row) {
      // A hit unless a refresh closes the row before the newcomer arrives.
      const int64_t arrival = requests_[q.index].arrival_ck;
      const DramTiming::BankReady ready = dram_.bank_ready(bank, arrival);
      if (ready.open_row == q.row) {
        ready_[bank] = ready;
        set_candidate(bank, at, true, arrival);
        replay(bank);
      }
    }
  }
  // Removes the bank's candidate, to be booked; call rechoose(bank) once it is.
  size_t take(size_t bank) {
    Queued* q = &slots_[bank * stride_];
    const size_t index = q[pick_[bank]].index;
    q[pick_[bank]] = q[--size_[bank]];
    if (track_busy_ && size_[bank] == 0) {  // no longer busy: the last busy bank takes its place in the list
      busy_at_[busy_.back()] = busy_at_[bank];
      busy_[busy_at_[bank]] = busy_.back();
      busy_.pop_back();
    }
    return index;
  }
  // Chooses the bank's candidate anew and replays its matches.
  void rechoose(size_t bank) {
    choose(bank);
    replay(bank);
  }
  // Chooses every bank's candidate anew and replays the whole tournament. With many banks (more
  // than kFewBanks, up to 2^20), only `taken` (whose request was just booked) and the banks with
  // queued requests (the others have none to choose), each with its path: that costs what the
  // queued requests do.
  void rechoose_all(size_t taken) {
    const bool all = !track_busy_;
    const size_t n = all ? size_.size() : busy_.size() + 1;
    for (size_t k = 0; k < n; ++k) {  // one call of choose, kept inline on the hot path
      const size_t b = all ? k : k < busy_.size() ? busy_[k] : taken;
      choose(b);
      if (!all) replay(b);
    }
    if (all) {
      for (size_t i = leaves_; i-- > 1;) rank_[i] = std::min(rank_[2 * i], rank_[2 * i + 1]);
    }
  }
  size_t best() const { return static_cast<size_t>(rank_[1]) & ((size_t{1} << kBankBits) - 1); }
  int64_t best_ready_ck() const { return static_cast<int64_t>(rank_[1] >> 65); }

 private:
  // A bank's candidate is its oldest row hit (a request to the open row that arrives before a
  // refresh closes the row), else its oldest request; its key is the clock the bank is ready for
  // it (not before it arrives) x 2, + 1 for a row miss or conflict (all ones: none queued).
  void choose(size_t bank) {
    const size_t n = size_[bank];
    if (n == 0) {
      rank_[leaves_ + bank] = ~Rank{0};
      return;
    }
    const Queued* q = &slots_[bank * stride_];
    const int64_t open_row = dram_.open_row(bank);
    // The least of (age, slot) over the bank's requests, and over its hits, taken with min()
    // rather than branches: which request is oldest is data a branch predictor cannot learn.
    constexpr uint64_t kNone = ~uint64_t{0};
    uint64_t oldest_key = kNone, hit_key = kNone;
    for (size_t k = 0; k < n; ++k) {
      const uint64_t key = (static_cast<uint64_t>(q[k].index) << kSlotBits) | k;
      oldest_key = std::min(oldest_key, key);
      hit_key = std::min(hit_key, q[k].row == open_row ? key : kNone);
    }
    const size_t slot_mask = (size_t{1} << kSlotBits) - 1;
    const size_t oldest = static_cast<size_t>(oldest_key) & slot_mask;
    size_t hit = hit_key == kNone ? n : static_cast<size_t>(hit_key) & slot_mask;
    size_t pick = hit < n ? hit : oldest;
    int64_t arrival = requests_[q[pick].index].arrival_ck;
    ready_[bank] = dram_.bank_ready(bank, arrival);
    if (hit < n && ready_[bank].open_row < 0) {  // a refresh closes the row before the hit arrives
      hit = n;
      pick = oldest;
      arrival = requests_[q[oldest].index].arrival_ck;
      ready_[bank] = dram_.bank_ready(bank, arrival);
    }
    set_candidate(bank, pick, hit < n, arrival);
  }
  // The candidate in slot `at` of the bank, which arrives at `arrival`.
  void set_candidate(size_t bank, size_t at, bool hit, int64_t arrival) {
    pick_[bank] = at;
    const DramTiming::BankReady& ready = ready_[bank];
    const int64_t key = std::max(hit ? ready.hit_ck : ready.miss_ck, arrival) * 2 + (hit ? 0 : 1);
    rank_[leaves_ + bank] = rank_of(key, slots_[bank * stride_ + at].index, bank);
  }
  uint64_t key(size_t bank) const { return static_cast<uint64_t>(rank_[leaves_ + bank] >> 64); }
  void replay(size_t bank) {  // the matches on the bank's path to the root
    for (size_t i = (leaves_ + bank) / 2; i >= 1; i /= 2) {
      rank_[i] = std::min(rank_[2 * i], rank_[2 * i + 1]);
    }
  }
  void widen() {  // twice the slots for every bank
    std::vector<Queued> wider(slots_.size() * 2);
    for (size_t b = 0; b < size_.size(); ++b) {
      std::copy_n(&slots_[b * stride_], size_[b], &wider[b * 2 * stride_]);
    }
    slots_.swap(wider);
    stride_ *= 2;
  }

  const DramTiming& dram_;
  const std::vector<DramRequest>& requests_;
  size_t stride_ = 4;
  std::vector<Queued> slots_;                 // bank b's in [b * stride_, + size_[b])
  std::vector<size_t> size_;                  // per bank: its queued requests
  std::vector<size_t> pick_;                  // per bank: its candidate's slot
  std::vector<DramTiming::BankReady> ready_;  // per bank: its state when the candidate was chosen
  // Up to kFewBanks banks, every one is rechosen after a write drain (a few hundred steps, once
  // per drain); beyond, the banks with queued requests are tracked and only they are.
  static constexpr size_t kFewBanks = 256;
  bool track_busy_;
  std::vector<size_t> busy_at_;               // per busy bank: its place in busy_
  std::vector<size_t> busy_;                  // the banks with queued requests, in no order
  size_t leaves_ = 1;
  std::vector<Rank> rank_;  // [leaves_ + b]: bank b's candidate; [i]: the lesser of 2i and 2i + 1
};

}  // namespace

std::vector<DramRequestTimes> schedule_fr_fcfs(DramTiming& dram,
                                               const std::vector<DramRequest>& requests,
                                               const std::function<void(size_t)>& progress) {
  const DramSpec& spec = dram.spec();
  BankQueues queues(dram, requests,
                    static_cast<size_t>(spec.channels) * static_cast<size_t>(spec.ranks) *
                        static_cast<size_t>(spec.banks));
  const uint64_t capacity = dram.queue_capacity_bursts();
  const double tck = spec.tck_s();
  std::vector<DramRequestTimes> times(requests.size());
  uint64_t held = 0;     // bursts of the queued requests
  size_t waiting = 0;    // queued requests
  size_t booked = 0;     // requests booked
  bool barrier = false;  // a request that crosses a row boundary is queued
  size_t next = 0;
  struct {  // requests[next], decoded once
    size_t index = std::numeric_limits<size_t>::max();
    uint64_t bursts = 0;
    bool crosses = false;
  } incoming;
  while (next < requests.size() || waiting > 0) {
    // Requests enter while there is room and they arrive by the time the best one is ready.
    while (next < requests.size() && !barrier) {
      const DramRequest& r = requests[next];
      if (incoming.index != next) {
        incoming = {next, dram.request_bursts(r.bytes), dram.crosses_row(r.addr, r.bytes)};
      }
      if (waiting > 0 && (incoming.crosses || r.arrival_ck > queues.best_ready_ck() ||
                          held + incoming.bursts > capacity)) {
        break;
      }
      const DramTiming::Place place = dram.place_of(r.addr);
      queues.add(place.bank, {next, place.row});
      held += incoming.bursts;
      barrier = incoming.crosses;
      ++waiting;
      ++next;
    }
    const size_t best = queues.best();
    const size_t i = queues.take(best);
    const DramRequest& r = requests[i];
    const DramAccessResult a =
        dram.access(static_cast<double>(r.arrival_ck) * tck, r.addr, r.bytes, r.write);
    times[i] = {a.issue_ck, a.end_ck};
    ++booked;
    if (progress && ((booked & 4095) == 0 || r.bytes >= (uint64_t{1} << 20))) progress(booked);
    held -= dram.request_bursts(r.bytes);
    --waiting;
    barrier = false;
    if (a.commands.wr > 0) {  // queued writes went to any bank
      queues.rechoose_all(best);
    } else {
      queues.rechoose(best);
    }
  }
  if (progress) progress(requests.size());
  return times;
}

}  // namespace blsim
