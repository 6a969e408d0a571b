// SPDX-License-Identifier: MIT
// The SoC: builds one compute cluster per entry of the spec, the interconnect, one module per
// shared cache level and the LPDDR memory, and binds every socket (here and nowhere else):
// clusters -> interconnect -> first cache level -> ... -> DRAM. Keeps the ledger and answers
// how much energy everything has used up to now: clusters in any power state, interconnect,
// shared caches, DRAM commands, DRAM background and refresh.
#pragma once

#include <memory>
#include <systemc>
#include <vector>

#include "energy/energy_breakdown.h"
#include "energy/energy_ledger.h"
#include "models/compute_cluster.h"
#include "models/interconnect.h"
#include "models/lpddr_memory.h"
#include "models/shared_cache.h"
#include "models/soc_accounts.h"
#include "models/soc_spec.h"

namespace blsim {

class SocTop : public sc_core::sc_module {
 public:
  SocTop(sc_core::sc_module_name name, const SocSpec& spec);

  ComputeCluster& cluster(ClusterIndex c) { return *clusters_.at(c); }
  size_t cluster_count() const { return clusters_.size(); }
  EnergyLedger& ledger() { return accounts_->ledger(); }
  const SocSpec& spec() const { return spec_; }
  LpddrMemory& memory() { return *memory_; }
  Interconnect& interconnect() { return *noc_; }
  const SharedCache& cache(size_t level) const { return *caches_.at(level); }

  // Energy of everything from time 0 to sc_time_stamp(), computed from the models' own counters
  // (not from the ledger). Layers still running on another thread count once they finish.
  EnergyBreakdown energy_so_far();
  // Books the resting spans of every cluster and the unclaimed background up to now, so that
  // the ledger rows add up to energy_so_far().
  void finish();

 private:
  const SocSpec spec_;  // constant: the clusters keep a reference to it
  std::unique_ptr<LpddrMemory> memory_;
  std::unique_ptr<Interconnect> noc_;
  std::unique_ptr<SocAccounts> accounts_;
  std::vector<std::unique_ptr<SharedCache>> caches_;
  std::vector<std::unique_ptr<ComputeCluster>> clusters_;
};

}  // namespace blsim
