// SPDX-License-Identifier: MIT
// What happened over simulated time in one timing pass, for power-over-time outputs
// (states.csv, VCD, Perfetto timelines). The timing pass fills it when asked; writers read it.
// Plain data: no SystemC. Times are simulated seconds from the start of the pass.
#pragma once

#include <string>
#include <vector>

#include "energy/energy_breakdown.h"

namespace blsim {

// One interval of a cluster's power state and operating point. A cluster's intervals tile
// [0, RunTrace::end_s]: sorted, no gap, no overlap. `state` is a power-state name
// ("active", "idle", "parked", "off") or "wake" while a wake-up is under way.
struct StateInterval {
  size_t cluster = 0;
  double start_s = 0;
  double end_s = 0;
  std::string state;
  double freq_mhz = 0;
  double volt_v = 0;
  double power_w = 0;  // the cluster's average power over the interval (cores, L2, leakage)
};

// One piece of work on a cluster: a layer of a network, a gate check, a wake-up. Slices of one
// cluster do not overlap.
struct ActivitySlice {
  size_t cluster = 0;
  double start_s = 0;
  double end_s = 0;
  std::string kind;   // "layer", "gate", "wake"
  std::string stage;  // ledger stage column, e.g. "stage1"
  std::string net;
  std::string layer;  // layer name for "layer"; empty otherwise
  size_t input = 0;   // index of the input it served
  EnergyBreakdown energy;  // as booked in the ledger for this slice (DRAM included)
  double dram_bytes = 0;   // bytes moved to and from DRAM by this slice
};

struct RunTrace {
  std::vector<std::string> clusters;  // names, by cluster index
  std::vector<StateInterval> states;  // every cluster's intervals, in time order per cluster
  std::vector<ActivitySlice> slices;  // in time order per cluster
  double end_s = 0;                   // the pass's simulated time
};

}  // namespace blsim
