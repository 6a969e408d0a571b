// SPDX-License-Identifier: MIT
// Fast path for sweeps: the per-layer time and energy of one network on one cluster, found by
// running the same per-layer loop (models/network_run.h) over private, uncontended copies of the
// interconnect, shared cache and DRAM timing (no kernel). Three inferences run back to back: the
// first is "cold" (weights come from DRAM), the third is the steady "warm" one (weights resident
// in L2 or a shared cache if they fit, DRAM rows and refresh phase settled). Serial runs of the
// SoC agree within 1% (tested). Leakage follows the cluster's thermal model from ambient, as
// in the SoC model.
#pragma once

#include <string>
#include <vector>

#include "energy/energy_breakdown.h"
#include "energy/energy_ledger.h"
#include "models/soc_spec.h"
#include "workloads/layer_cost.h"

namespace blsim {

struct InferenceEstimate {
  std::vector<LedgerRow> layers;  // one per layer, as the ledger would book them
  double time_s = 0;
  EnergyBreakdown energy;
};

struct NetworkEstimate {
  ClusterIndex cluster = 0;
  std::string net;
  bool weights_fit = false;  // the warm inference finds its weights in L2
  InferenceEstimate cold;    // first inference after the cluster was off (or another net ran)
  InferenceEstimate warm;    // every following inference of the same network
};

// At the cluster's configured operating point.
NetworkEstimate estimate_network(const SocSpec& soc, ClusterIndex cluster, const NetworkCost& net,
                                 const std::string& net_name);

}  // namespace blsim
