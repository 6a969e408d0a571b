// SPDX-License-Identifier: MIT
// The fast path of a serial cascade, for sweeps: instead of simulating every input, each stage's
// network is simulated once per hardware point (models/network_estimate: a cold and a warm
// inference on its cluster) and the inputs are composed from those costs in order: wake-ups and
// rests priced by models/power_states, gate checks by price_cycles, the DRAM's background while no
// layer runs from its standby and power-down currents, shared-cache leakage over time. The same
// thresholds, runtime controller and rest states apply, input by input, so threshold changes are
// arithmetic. It agrees with simulate_cascade within 1% in energy and latency (tested).
// It leaves the ledger empty (sweeps report totals) and does not apply where the event-driven
// model matters: shared cache levels that cannot hold every network at once (their residency
// depends on the order of networks), which fast_path_applies() tells.
#pragma once

#include <functional>
#include <string>

#include "models/network_estimate.h"
#include "models/soc_spec.h"
#include "sim/cascade_sim.h"
#include "workloads/cascade/cascade_scores.h"

namespace blsim {

// Whether estimate_cascade stands for simulate_cascade on this SoC and plan; if not, `why`.
bool fast_path_applies(const SocSpec& soc, const CascadePlan& plan, std::string* why);

// How the fast path gets a network's estimate on a cluster (estimate_network, or a memo of it).
using NetworkEstimator = std::function<const NetworkEstimate&(
    ClusterIndex cluster, const NetworkCost& cost, const std::string& net_name)>;

// simulate_cascade's result (without ledger rows) from composed per-layer costs.
CascadeSimResult estimate_cascade(const SocSpec& soc, const CascadePlan& plan,
                                  const CascadeScores& scores, const NetworkEstimator& estimate);
CascadeSimResult estimate_cascade(const SocSpec& soc, const CascadePlan& plan,
                                  const CascadeScores& scores);

}  // namespace blsim
