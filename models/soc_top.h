// SPDX-License-Identifier: MIT
// The SoC: builds the big and little clusters, the interconnect and the LPDDR memory from a
// SocSpec and binds every socket (here and nowhere else). Keeps the ledger and answers how much
// energy everything has used up to now: clusters in any power state, interconnect, DRAM
// commands, DRAM background and refresh.
#pragma once

#include <memory>
#include <systemc>

#include "energy/energy_breakdown.h"
#include "energy/energy_ledger.h"
#include "models/compute_cluster.h"
#include "models/interconnect.h"
#include "models/lpddr_memory.h"
#include "models/soc_accounts.h"
#include "models/soc_spec.h"

namespace blsim {

class SocTop : public sc_core::sc_module {
 public:
  SocTop(sc_core::sc_module_name name, const SocSpec& spec);

  ComputeCluster& cluster(ClusterId id) { return id == ClusterId::kBig ? *big_ : *little_; }
  EnergyLedger& ledger() { return accounts_->ledger(); }
  const SocSpec& spec() const { return spec_; }
  LpddrMemory& memory() { return *memory_; }
  Interconnect& interconnect() { return *noc_; }

  // Energy of everything from time 0 to sc_time_stamp(), computed from the models' own counters
  // (not from the ledger). Layers still running on another thread count once they finish.
  EnergyBreakdown energy_so_far();
  // Books the resting spans of both clusters and the unclaimed DRAM background up to now, so
  // that the ledger rows add up to energy_so_far().
  void finish();

 private:
  SocSpec spec_;
  std::unique_ptr<LpddrMemory> memory_;
  std::unique_ptr<Interconnect> noc_;
  std::unique_ptr<SocAccounts> accounts_;
  std::unique_ptr<ComputeCluster> big_;
  std::unique_ptr<ComputeCluster> little_;
};

}  // namespace blsim
