// SPDX-License-Identifier: MIT
#include "models/network_estimate.h"

#include <memory>

#include "models/cluster_thermal.h"
#include "models/dram_level.h"
#include "models/interconnect_timing.h"
#include "models/memory_port.h"
#include "models/network_run.h"
#include "models/shared_cache_timing.h"
#include "models/soc_accounts.h"

namespace blsim {
namespace {

// The path Interconnect, SharedCache and LpddrMemory take over TLM, without TLM.
class PlainPort : public MemoryPort {
 public:
  PlainPort(const SocSpec& soc, ClusterIndex cluster, DramTiming& dram)
      : cluster_(cluster), noc_(soc.noc), dram_level_(dram) {
    for (size_t i = 0; i < soc.caches.size(); ++i) {
      caches_.push_back(std::make_unique<SharedCacheTiming>(soc.caches[i], i));
    }
    for (size_t i = 0; i < caches_.size(); ++i) {
      caches_[i]->connect(i + 1 < caches_.size() ? static_cast<LowerMemory&>(*caches_[i + 1])
                                                 : dram_level_);
    }
  }
  TransferResult transfer(double issue_s, uint64_t addr, uint64_t bytes, bool write) override {
    LowerMemory& top = caches_.empty() ? static_cast<LowerMemory&>(dram_level_) : *caches_[0];
    return noc_.carry(issue_s, bytes, [&](double arrival_s) {
      return top.access(arrival_s, cluster_, addr, bytes, write);
    });
  }

 private:
  ClusterIndex cluster_;
  InterconnectTiming noc_;
  DramLevel dram_level_;
  std::vector<std::unique_ptr<SharedCacheTiming>> caches_;
};

}  // namespace

NetworkEstimate estimate_network(const SocSpec& soc, ClusterIndex cluster, const NetworkCost& net,
                                 const std::string& net_name) {
  DramTiming dram(soc.dram);
  SocAccounts accounts(soc, dram);
  PlainPort port(soc, cluster, dram);
  const ClusterSpec& spec = soc.cluster(cluster);

  NetworkEstimate est;
  est.cluster = cluster;
  est.net = net_name;
  InferenceEstimate one;
  // The cluster's junction starts at ambient and follows its thermal model, as in the SoC model.
  ClusterThermal thermal(spec.thermal);
  NetworkRunContext ctx{soc, cluster, spec.initial_point(), accounts, port, nullptr,
                        [&](const LedgerRow& priced, const EnergyBreakdown& own) {
                          LedgerRow row = priced;
                          row.energy.core_static_j *= thermal.span(
                              row.time_s, own.core_dyn_j, own.core_static_j, spec.power);
                          one.energy += row.energy;
                          one.layers.push_back(row);
                        }};
  bool resident = false;
  double t = 0;
  for (int inference = 0; inference < 3; ++inference) {
    one = InferenceEstimate{};
    const NetworkRunResult r = run_network_layers(ctx, net, net_name, "", t, resident);
    one.time_s = r.end_s - t;
    t = r.end_s;
    resident = r.weights_fit;
    est.weights_fit = r.weights_fit;
    if (inference == 0) est.cold = one;
    if (inference == 2) est.warm = one;
  }
  return est;
}

}  // namespace blsim
