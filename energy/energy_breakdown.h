// SPDX-License-Identifier: MIT
// Where energy went, in joules, by component. Breakdowns add up: layer -> inference -> run.
#pragma once

namespace blsim {

struct EnergyBreakdown {
  double core_dyn_j = 0;     // C*V^2*f switching energy of busy cores
  double core_static_j = 0;  // leakage of cores and uncore while powered
  double sram_j = 0;         // L2 / on-chip SRAM accesses
  double noc_j = 0;          // interconnect transfers
  double dram_dyn_j = 0;     // DRAM commands: ACT/PRE, RD/WR bursts
  double dram_static_j = 0;  // DRAM background (standby, power-down) and refresh

  double total_j() const {
    return core_dyn_j + core_static_j + sram_j + noc_j + dram_dyn_j + dram_static_j;
  }
  EnergyBreakdown& operator+=(const EnergyBreakdown& o) {
    core_dyn_j += o.core_dyn_j;
    core_static_j += o.core_static_j;
    sram_j += o.sram_j;
    noc_j += o.noc_j;
    dram_dyn_j += o.dram_dyn_j;
    dram_static_j += o.dram_static_j;
    return *this;
  }
  EnergyBreakdown& operator*=(double k) {
    core_dyn_j *= k;
    core_static_j *= k;
    sram_j *= k;
    noc_j *= k;
    dram_dyn_j *= k;
    dram_static_j *= k;
    return *this;
  }
};

inline EnergyBreakdown operator+(EnergyBreakdown a, const EnergyBreakdown& b) { return a += b; }
inline EnergyBreakdown operator*(EnergyBreakdown a, double k) { return a *= k; }

}  // namespace blsim
