// SPDX-License-Identifier: MIT
// One inference of a network on a cluster, layer by layer: plan which bytes cross to memory,
// run each layer's tiles through a MemoryPort, price the layer and claim its share of the SoC's
// background energy. The one per-layer loop of the SystemC cluster (whose port is TLM and whose
// hook keeps the simulation kernel in step) and of the fast-path estimate (plain timing models).
#pragma once

#include <functional>
#include <string>

#include "energy/energy_ledger.h"
#include "models/memory_port.h"
#include "models/soc_accounts.h"
#include "models/soc_spec.h"
#include "workloads/layer_cost.h"

namespace blsim {

struct NetworkRunContext {
  const SocSpec& soc;
  ClusterIndex cluster;
  const OperatingPoint& opp;
  SocAccounts& accounts;
  MemoryPort& port;
  // Called after each layer's tiles, before its background claim (the SystemC cluster catches up
  // with the kernel there, so that other clusters' transactions up to that time are in).
  std::function<void(double end_s)> after_layer;
  // Receives each priced layer row, and the cluster's own part of its energy (cores, L2).
  std::function<void(const LedgerRow& row, const EnergyBreakdown& own)> book;
};

struct NetworkRunResult {
  double end_s = 0;
  bool weights_fit = false;  // the weights stay in L2 for the next inference
};

// weights_in_l2: the cluster's L2 still holds this network's weights from an earlier inference.
NetworkRunResult run_network_layers(const NetworkRunContext& ctx, const NetworkCost& net,
                                    const std::string& net_name, const std::string& stage,
                                    double start_s, bool weights_in_l2);

}  // namespace blsim
