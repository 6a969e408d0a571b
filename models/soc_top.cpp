// SPDX-License-Identifier: MIT
#include "models/soc_top.h"

#include <tlm_utils/tlm_quantumkeeper.h>

#include "energy/transfer_power.h"
#include "models/sim_time.h"

namespace blsim {

SocTop::SocTop(sc_core::sc_module_name name, const SocSpec& spec)
    : sc_core::sc_module(name), spec_(spec) {
  tlm_utils::tlm_quantumkeeper::set_global_quantum(from_seconds(spec_.sim.quantum_s));
  memory_ = std::make_unique<LpddrMemory>("memory", spec_.dram);
  noc_ = std::make_unique<Interconnect>("interconnect", spec_.noc, spec_.clusters.size());
  accounts_ = std::make_unique<SocAccounts>(spec_, memory_->timing());
  for (size_t i = 0; i < spec_.caches.size(); ++i) {
    caches_.push_back(std::make_unique<SharedCache>(spec_.caches[i].name.c_str(),
                                                    spec_.caches[i], i));
  }
  for (size_t c = 0; c < spec_.clusters.size(); ++c) {
    clusters_.push_back(std::make_unique<ComputeCluster>(spec_.clusters[c].name.c_str(), c, spec_,
                                                         *accounts_));
  }

  // Every socket is bound here, in cluster order (the interconnect's port index is the cluster
  // index), then down the memory path.
  for (auto& cluster : clusters_) cluster->socket.bind(noc_->from_clusters);
  if (caches_.empty()) {
    noc_->to_memory.bind(memory_->socket);
  } else {
    noc_->to_memory.bind(caches_.front()->socket);
    for (size_t i = 0; i + 1 < caches_.size(); ++i) caches_[i]->to_next.bind(caches_[i + 1]->socket);
    caches_.back()->to_next.bind(memory_->socket);
  }
}

EnergyBreakdown SocTop::energy_so_far() {
  const double t_s = to_seconds(sc_core::sc_time_stamp());
  EnergyBreakdown e;
  for (const auto& cluster : clusters_) e += cluster->energy_so_far(t_s);
  e.noc_j += noc_energy_j(noc_->timing().bytes(), spec_.noc.energy_pj_per_byte);
  for (const auto& cache : caches_) {
    e.sram_j += cache_access_energy_j(cache->timing().bytes_moved(), cache->timing().spec().pj_per_byte);
  }
  const DramTiming& dram = memory_->timing();
  DramCounters dc;
  dc.commands = dram.commands();
  dc.data_bytes = dram.data_bytes();
  e.dram_dyn_j += dram_energy_of(dc, spec_.dram.power).dram_dyn_j;
  e += accounts_->background_j(t_s);
  return e;
}

void SocTop::finish() {
  const double t_s = to_seconds(sc_core::sc_time_stamp());
  for (auto& cluster : clusters_) cluster->close_rest(t_s);
  accounts_->close_background(t_s);
}

}  // namespace blsim
