// SPDX-License-Identifier: MIT
#include "models/dram_scheduler.h"

#include <algorithm>
#include <limits>

namespace blsim {
namespace {

constexpr int64_t kEmpty = std::numeric_limits<int64_t>::max();

struct Queued {
  size_t index;  // in the request stream, so also its age
  int64_t row;
};

// The requests queued at each bank, the one each would serve next, and a tournament over the
// banks that finds the first of those (leaves = banks, padded to a power of two).
class BankQueues {
 public:
  BankQueues(const DramTiming& dram, const std::vector<DramRequest>& requests, size_t banks)
      : dram_(dram), requests_(requests), queued_(banks) {
    while (leaves_ < banks) leaves_ *= 2;
    key_.assign(leaves_, kEmpty);
    pick_.assign(leaves_, 0);
    age_.assign(leaves_, 0);
    winner_.assign(2 * leaves_, 0);
    for (size_t b = 0; b < leaves_; ++b) winner_[leaves_ + b] = b;
    for (size_t i = leaves_; i-- > 1;) winner_[i] = winner_[2 * i];
  }

  void add(size_t bank, const Queued& q) {
    queued_[bank].push_back(q);
    if (key_[bank] & 1) choose(bank);  // none queued (kEmpty is odd) or a miss: it may hit
  }
  // Removes the bank's candidate, to be booked; call choose(bank) once it is.
  size_t take(size_t bank) {
    auto& q = queued_[bank];
    const size_t index = q[pick_[bank]].index;
    q.erase(q.begin() + static_cast<std::ptrdiff_t>(pick_[bank]));
    return index;
  }
  // A bank's candidate is its oldest row hit, else its oldest request; its key is the clock the
  // bank is ready for it (not before it arrives) x 2, + 1 for a row miss or conflict.
  void choose(size_t bank) {
    const auto& q = queued_[bank];
    if (q.empty()) {
      key_[bank] = kEmpty;
      replay(bank);
      return;
    }
    const DramTiming::BankReady ready = dram_.bank_ready(bank);
    size_t chosen = 0;
    while (chosen < q.size() && q[chosen].row != ready.open_row) ++chosen;
    const bool hit = chosen < q.size();
    if (!hit) chosen = 0;
    pick_[bank] = chosen;
    age_[bank] = q[chosen].index;
    key_[bank] = std::max(hit ? ready.hit_ck : ready.miss_ck, requests_[age_[bank]].arrival_ck) * 2 +
                 (hit ? 0 : 1);
    replay(bank);
  }
  void choose_all() {
    for (size_t b = 0; b < queued_.size(); ++b) choose(b);
  }
  // Whether bank a's candidate goes before bank b's: the lesser key, then the older.
  bool before(size_t a, size_t b) const {
    return key_[a] < key_[b] || (key_[a] == key_[b] && key_[a] != kEmpty && age_[a] < age_[b]);
  }
  size_t best() const { return winner_[1]; }  // the bank whose candidate goes first
  int64_t ready_ck(size_t bank) const { return key_[bank] >> 1; }

 private:
  void replay(size_t bank) {  // the matches on the bank's path to the root
    for (size_t i = (leaves_ + bank) / 2; i >= 1; i /= 2) {
      const size_t a = winner_[2 * i], b = winner_[2 * i + 1];
      winner_[i] = before(b, a) ? b : a;
    }
  }

  const DramTiming& dram_;
  const std::vector<DramRequest>& requests_;
  std::vector<std::vector<Queued>> queued_;  // per bank, oldest first
  std::vector<int64_t> key_;                 // per bank: its candidate's key (kEmpty: none)
  std::vector<size_t> pick_;                 // per bank: its candidate's place in queued_
  std::vector<size_t> age_;                  // per bank: its candidate's index in requests_
  size_t leaves_ = 1;
  std::vector<size_t> winner_;  // [1]: the first of all; [i]: the first of 2i and 2i + 1
};

}  // namespace

std::vector<DramRequestTimes> schedule_fr_fcfs(DramTiming& dram,
                                               const std::vector<DramRequest>& requests) {
  const DramSpec& spec = dram.spec();
  BankQueues queues(dram, requests,
                    static_cast<size_t>(spec.channels) * static_cast<size_t>(spec.ranks) *
                        static_cast<size_t>(spec.banks));
  const uint64_t capacity = dram.queue_capacity_bursts();
  const double tck = spec.tck_s();
  std::vector<DramRequestTimes> times(requests.size());
  uint64_t held = 0;     // bursts of the queued requests
  size_t waiting = 0;    // queued requests
  bool barrier = false;  // a request that crosses a row boundary is queued
  size_t next = 0;
  while (next < requests.size() || waiting > 0) {
    // Requests enter while there is room and they arrive by the time the best one is ready.
    while (next < requests.size() && !barrier) {
      const DramRequest& r = requests[next];
      const uint64_t bursts = dram.request_bursts(r.bytes);
      const bool crosses = dram.crosses_row(r.addr, r.bytes);
      if (waiting > 0 && (crosses || r.arrival_ck > queues.ready_ck(queues.best()) ||
                          held + bursts > capacity)) {
        break;
      }
      const DramTiming::Place place = dram.place_of(r.addr);
      queues.add(place.bank, {next, place.row});
      held += bursts;
      barrier = crosses;
      ++waiting;
      ++next;
    }
    const size_t best = queues.best();
    const size_t i = queues.take(best);
    const DramRequest& r = requests[i];
    const DramAccessResult a =
        dram.access(static_cast<double>(r.arrival_ck) * tck, r.addr, r.bytes, r.write);
    times[i] = {a.issue_ck, a.end_ck};
    held -= dram.request_bursts(r.bytes);
    --waiting;
    barrier = false;
    if (a.commands.wr > 0) {  // queued writes went to any bank
      queues.choose_all();
    } else {
      queues.choose(best);
    }
  }
  return times;
}

}  // namespace blsim
