// SPDX-License-Identifier: MIT
#include "models/network_estimate.h"

#include <algorithm>

#include "models/dram_timing.h"
#include "models/interconnect_timing.h"
#include "models/layer_plan.h"
#include "models/layer_pricing.h"
#include "models/memory_port.h"
#include "models/soc_accounts.h"
#include "models/tile_schedule.h"

namespace blsim {
namespace {

// The path Interconnect::b_transport and LpddrMemory::b_transport take, without TLM.
class PlainPort : public MemoryPort {
 public:
  PlainPort(InterconnectTiming& noc, DramTiming& dram) : noc_(noc), dram_(dram) {}
  TransferResult transfer(double issue_s, uint64_t addr, uint64_t bytes, bool write) override {
    const double slot_start_s = noc_.reserve(issue_s, bytes);
    const DramAccessResult r =
        dram_.access(slot_start_s + noc_.latency_s(), addr, bytes, write);
    return TransferResult{std::max(r.done_s, noc_.slot_end_s() + noc_.latency_s()), r.commands};
  }

 private:
  InterconnectTiming& noc_;
  DramTiming& dram_;
};

}  // namespace

NetworkEstimate estimate_network(const SocSpec& soc, ClusterId cluster, const NetworkCost& net,
                                 const std::string& net_name) {
  const ClusterSpec& spec = soc.cluster(cluster);
  DramTiming dram(soc.dram);
  InterconnectTiming noc(soc.noc);
  SocAccounts accounts(soc, dram);
  PlainPort port(noc, dram);

  uint64_t largest_working_set = 1;
  for (const auto& l : net.layers) {
    largest_working_set = std::max(largest_working_set, l.input_bytes + l.output_bytes);
  }
  // Same region keys and order as ComputeCluster::run_network on a fresh SoC.
  const uint64_t weight_base = accounts.region("weights:" + net_name, net.total_param_bytes());
  const uint64_t act_base = accounts.region(
      std::string("act:") + cluster_name(cluster) + ":" + net_name, 2 * largest_working_set);

  NetworkEstimate est;
  est.cluster = cluster;
  est.net = net_name;
  bool resident = false;
  double t = 0;
  for (int inference = 0; inference < 3; ++inference) {
    const NetworkPlan plan = plan_network(net, spec, resident, weight_base, act_base);
    InferenceEstimate one;
    const double start_s = t;
    for (size_t i = 0; i < net.layers.size(); ++i) {
      const LayerCost& layer = net.layers[i];
      const LayerRun run = run_layer_tiles(t, layer_compute_time_s(layer, spec), plan.layers[i],
                                           soc.sim.tile_bytes, port);
      LedgerRow row = price_layer(layer, plan.layers[i], run, soc,
                                  RowLabel{"", net_name, cluster, layer.name, layer.op_type});
      row.energy.dram_static_j = accounts.claim_dram_background(run.start_s, run.end_s);
      one.energy += row.energy;
      one.layers.push_back(row);
      t = run.end_s;
    }
    one.time_s = t - start_s;
    resident = plan.weights_fit;
    est.weights_fit = plan.weights_fit;
    if (inference == 0) est.cold = one;
    if (inference == 2) est.warm = one;
  }
  return est;
}

}  // namespace blsim
