// SPDX-License-Identifier: MIT
// FR-FCFS order for a stream of requests known in advance (a trace replayed by `blsim dram`).
// DramTiming books each request when it is called, at the first clock every constraint allows,
// so the order of the calls is the order in which requests claim the buses and the ACT slots.
// Booked in arrival order, a request to a busy bank claims an ACT slot far ahead and the ACTs
// booked after it cannot use the tFAW/tRRD slots around it. A controller holding several
// requests serves first the one whose bank is ready first. schedule_fr_fcfs keeps the requests
// the controller's queue would hold and books, each time, the one whose bank is ready first (row
// hits before misses, then the oldest), from DramTiming::bank_ready:
//   - the queue holds dram.queue_bursts bursts per channel; a request enters once there is room
//     and it has arrived by the ready clock of the request about to be booked;
//   - each bank serves its row hits first, oldest first, then its oldest request; requests of
//     one row keep their order, so a read never passes an older write to its bytes;
//   - a request that crosses a row boundary (it touches two banks) enters an empty queue, and
//     nothing enters after it until it is booked: such requests keep arrival order.
// Requests that never queue together (one at a time) are booked exactly in arrival order.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "models/dram_timing.h"

namespace blsim {

struct DramRequest {
  int64_t arrival_ck;  // DRAM clock at which it reaches the controller (non-decreasing)
  uint64_t addr;
  uint64_t bytes;
  bool write;
};

struct DramRequestTimes {
  int64_t issue_ck;  // its first command (DramAccessResult::issue_ck)
  int64_t end_ck;    // its last data beat (DramAccessResult::end_ck)
};

// Books `requests` (in arrival order) on `dram`; returns each one's clocks, in the same order.
// Commands, rows and bytes add up in `dram` as with DramTiming::access. `progress`, if given, is
// called with the number of requests booked so far after every 4,096th request and after every
// request of 1 MiB or more (each of those takes long to book), and once at the end.
std::vector<DramRequestTimes> schedule_fr_fcfs(
    DramTiming& dram, const std::vector<DramRequest>& requests,
    const std::function<void(size_t booked)>& progress = {});

}  // namespace blsim
