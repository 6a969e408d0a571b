// SPDX-License-Identifier: MIT
// The timing pass of a cascade on a stream: inputs arrive at given times (sim/arrival.h), wait in
// a bounded queue for the first stage (one arriving to a full queue is dropped), and each stage
// runs on its cluster. With overlap, every stage is its own SystemC process on its own cluster:
// the first stage takes input n+1 while a later stage still works on input n, and the clusters
// contend for the interconnect, the shared caches and DRAM; escalated inputs wait for the next
// stage in order (that queue is not bounded). Without overlap (or when two stages share a
// cluster) one process takes an input through all its stages before the next. Each cluster's
// operating point and resting state come from its governors (sim/governor.h); a cluster rests
// only when it has no queued work. The pass lasts until the last answer, and at least one mean
// arrival gap past the last arrival, so that every input carries the rest after it.
#pragma once

#include <vector>

#include "models/soc_spec.h"
#include "sim/cascade_sim.h"
#include "sim/governor.h"
#include "sim/run_trace.h"
#include "workloads/cascade/cascade_scores.h"

namespace blsim {

struct StreamPlan {
  std::vector<double> arrivals_s;  // one per input, non-decreasing
  size_t queue = 4;                // inputs waiting for the first stage (not counting the one served)
  double deadline_s = 0;           // 0: none
  bool overlap = true;
  GovernorSpec governor;
  std::string arrival_mode = "periodic";
  double arrival_rate_hz = 0;
};

// Runs `plan` over the samples of `scores` (one StageScores per plan stage; as many samples as
// arrivals) on a new SoC from `soc`, in a fresh simulation kernel. Fills `trace` when given.
CascadeSimResult simulate_stream(const SocSpec& soc, const CascadePlan& plan,
                                 const CascadeScores& scores, const StreamPlan& stream,
                                 RunTrace* trace = nullptr);

// Whether stages run as their own processes under `stream`: overlap asked and no two stages
// share a cluster.
bool stream_overlaps(const CascadePlan& plan, const StreamPlan& stream);

}  // namespace blsim
