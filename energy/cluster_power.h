// SPDX-License-Identifier: MIT
// Power of a CPU cluster: dynamic C*V^2*f per busy core (Linux energy-model coefficient) and
// leakage per core and uncore that scales as V^k. Clock-gated idle keeps leakage; power-gated
// off draws nothing. Pure functions: models count time, these price it.
#pragma once

#include <cstdint>

#include "energy/energy_breakdown.h"

namespace blsim {

struct ClusterPowerParams {
  double dyn_coeff_uw_per_mhz_v2 = 0;  // C of one core, uW/MHz/V^2
  double core_leak_w_at_1v = 0;        // leakage of one powered core at 1 V
  double uncore_leak_w_at_1v = 0;      // L2, snoop control, cluster logic at 1 V
  double leak_v_exponent = 1;          // P_leak(V) = P_leak(1 V) * V^k
  double stall_activity = 1;           // fraction of dynamic power while cores wait on memory
  double l2_pj_per_byte = 0;           // L2 access energy per byte moved
};

// Dynamic power of one busy core at (V, f): C[uW/MHz/V^2] * V^2 * f[MHz] * 1e-6.
double dynamic_power_w(double dyn_coeff_uw_per_mhz_v2, double volt_v, double freq_mhz);

// Leakage at volt_v of a block that leaks w_at_1v at 1 V.
double leakage_power_w(double w_at_1v, double v_exponent, double volt_v);

// Leakage of the whole powered cluster (all cores and uncore): also its clock-gated idle power.
double cluster_leakage_w(const ClusterPowerParams& p, int cores, double volt_v);

// What a cluster did during one busy span (a layer, a gate check).
struct ClusterActivity {
  int busy_cores = 0;       // cores clocked and working
  int powered_cores = 0;    // cores leaking (the whole cluster while it is awake)
  double freq_mhz = 0;
  double volt_v = 0;
  double compute_s = 0;     // time the cores do arithmetic
  double span_s = 0;        // wall time of the span (>= compute_s; the rest is memory stall)
  uint64_t l2_bytes = 0;    // bytes read or written in L2
};

// Core dynamic, core static and SRAM parts of the span's energy.
EnergyBreakdown cluster_energy_of(const ClusterActivity& a, const ClusterPowerParams& p);

}  // namespace blsim
