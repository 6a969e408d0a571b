// SPDX-License-Identifier: MIT
// Prices one executed layer (or gate check) into a ledger row: cluster energy from its busy
// time at the cluster's current operating point, SRAM from L2 and shared-cache bytes,
// interconnect from bytes moved, DRAM commands from the counts its transactions returned.
// Background energy is added by the caller (it depends on what else ran).
#pragma once

#include <string>

#include "energy/energy_ledger.h"
#include "models/layer_plan.h"
#include "models/soc_spec.h"
#include "models/tile_schedule.h"

namespace blsim {

struct RowLabel {
  std::string stage;
  std::string net;
  ClusterIndex cluster = 0;
  std::string layer;
  std::string op;
};

struct PricedLayer {
  LedgerRow row;
  EnergyBreakdown cluster;  // the cluster's own part of row.energy: cores and L2
};
PricedLayer price_layer(const LayerCost& layer, const LayerTraffic& traffic, const LayerRun& run,
                        const SocSpec& soc, const OperatingPoint& opp, const RowLabel& label);

// `cycles` of work on one core of the cluster, the others awake but idle (the gate check).
LedgerRow price_cycles(double cycles, const SocSpec& soc, const OperatingPoint& opp,
                       const RowLabel& label);

}  // namespace blsim
