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

// The requests queued at each bank and the one each would serve next.
class BankQueues {
 public:
  BankQueues(const DramTiming& dram, const std::vector<DramRequest>& requests, size_t banks)
      : dram_(dram),
        requests_(requests),
        queued_(banks),
        key_(banks, kEmpty),
        pick_(banks, 0),
        age_(banks, 0) {}

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
  }
  // Whether bank a's candidate goes before bank b's: the lesser key, then the older.
  bool before(size_t a, size_t b) const {
    return key_[a] < key_[b] || (key_[a] == key_[b] && key_[a] != kEmpty && age_[a] < age_[b]);
  }
  size_t best() const {  // the bank whose candidate goes first
    size_t best = 0;
    for (size_t b = 1; b < key_.size(); ++b) {
      if (before(b, best)) best = b;
    }
    return best;
  }
  int64_t ready_ck(size_t bank) const { return key_[bank] >> 1; }

 private:
  const DramTiming& dram_;
  const std::vector<DramRequest>& requests_;
  std::vector<std::vector<Queued>> queued_;  // per bank, oldest first
  std::vector<int64_t> key_;                 // per bank: its candidate's key (kEmpty: none)
  std::vector<size_t> pick_;                 // per bank: its candidate's place in queued_
  std::vector<size_t> age_;                  // per bank: its candidate's index in requests_
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
  size_t best = 0;
  while (next < requests.size() || waiting > 0) {
    // Requests enter while there is room and they arrive by the time the best one is ready.
    while (next < requests.size() && !barrier) {
      const DramRequest& r = requests[next];
      const uint64_t bursts = dram.request_bursts(r.bytes);
      const bool crosses = dram.crosses_row(r.addr, r.bytes);
      if (waiting > 0 && (crosses || r.arrival_ck > queues.ready_ck(best) ||
                          held + bursts > capacity)) {
        break;
      }
      const DramTiming::Place place = dram.place_of(r.addr);
      queues.add(place.bank, {next, place.row});
      held += bursts;
      barrier = crosses;
      if (waiting++ == 0 || queues.before(place.bank, best)) best = place.bank;
      ++next;
    }
    const size_t i = queues.take(best);
    const DramRequest& r = requests[i];
    const DramAccessResult a =
        dram.access(static_cast<double>(r.arrival_ck) * tck, r.addr, r.bytes, r.write);
    times[i] = {a.issue_ck, a.end_ck};
    held -= dram.request_bursts(r.bytes);
    --waiting;
    barrier = false;
    queues.choose(best);
    best = queues.best();
  }
  return times;
}

}  // namespace blsim
