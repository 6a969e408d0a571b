// SPDX-License-Identifier: MIT
#include "models/soc_top.h"

#include <tlm_utils/tlm_quantumkeeper.h>

#include "models/sim_time.h"

namespace blsim {

SocTop::SocTop(sc_core::sc_module_name name, const SocSpec& spec)
    : sc_core::sc_module(name), spec_(spec) {
  tlm_utils::tlm_quantumkeeper::set_global_quantum(from_seconds(spec_.sim.quantum_s));
  memory_ = std::make_unique<LpddrMemory>("memory", spec_.dram);
  noc_ = std::make_unique<Interconnect>("interconnect", spec_.noc);
  accounts_ = std::make_unique<SocAccounts>(spec_, memory_->timing());
  big_ = std::make_unique<ComputeCluster>("big", ClusterId::kBig, spec_, *accounts_);
  little_ = std::make_unique<ComputeCluster>("little", ClusterId::kLittle, spec_, *accounts_);

  big_->socket.bind(noc_->from_cluster[static_cast<size_t>(ClusterId::kBig)]);
  little_->socket.bind(noc_->from_cluster[static_cast<size_t>(ClusterId::kLittle)]);
  noc_->to_memory.bind(memory_->socket);
}

EnergyBreakdown SocTop::energy_so_far() {
  const double t_s = to_seconds(sc_core::sc_time_stamp());
  EnergyBreakdown e = big_->energy_so_far(t_s) + little_->energy_so_far(t_s);
  e.noc_j += static_cast<double>(noc_->timing().bytes()) * spec_.noc.energy_pj_per_byte * 1e-12;
  const DramTiming& dram = memory_->timing();
  DramCounters dc;
  dc.commands = dram.commands();
  dc.data_bytes = dram.data_bytes();
  e.dram_dyn_j += dram_energy_of(dc, spec_.dram.power).dram_dyn_j;
  e.dram_static_j += accounts_->dram_background_j(t_s);
  return e;
}

void SocTop::finish() {
  const double t_s = to_seconds(sc_core::sc_time_stamp());
  big_->close_rest(t_s);
  little_->close_rest(t_s);
  accounts_->close_dram_background(t_s);
}

}  // namespace blsim
