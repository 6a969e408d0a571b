// SPDX-License-Identifier: MIT
// Power of a CPU cluster: dynamic C*V^2*f per busy core (Linux energy-model coefficient) and
// leakage per core and uncore that scales as V^k and exponentially with junction temperature
// (doubling every leak_doubling_k kelvin above or below leak_ref_c, where the leakage numbers were
// measured). Clock-gated idle keeps leakage; power-gated off draws nothing. Pure functions:
// models count time (and temperature, models/cluster_thermal.h), these price it.
#pragma once

#include <cstdint>

#include "energy/energy_breakdown.h"

namespace blsim {

struct ClusterPowerParams {
  double dyn_coeff_uw_per_mhz_v2 = 0;  // C of one core, uW/MHz/V^2
  double core_leak_w_at_1v = 0;        // leakage of one powered core at 1 V
  double uncore_leak_w_at_1v = 0;      // L2, snoop control, cluster logic at 1 V
  double leak_v_exponent = 1;          // P_leak(V) = P_leak(1 V) * V^k
  double leak_ref_c = 25;              // junction temperature the leakage numbers hold at
  double leak_doubling_k = 0;          // leakage doubles every this many kelvin (0: no T effect)
  double stall_activity = 1;           // fraction of dynamic power while cores wait on memory
  double l2_pj_per_byte = 0;           // L2 access energy per byte moved
};

// Dynamic power of one busy core at (V, f): C[uW/MHz/V^2] * V^2 * f[MHz] * 1e-6.
double dynamic_power_w(double dyn_coeff_uw_per_mhz_v2, double volt_v, double freq_mhz);

// Leakage at volt_v of a block that leaks w_at_1v at 1 V.
double leakage_power_w(double w_at_1v, double v_exponent, double volt_v);

// Leakage of the whole powered cluster (all cores and uncore) at leak_ref_c: also its clock-gated
// idle power. Multiply by leakage_temp_factor() for another temperature.
double cluster_leakage_w(const ClusterPowerParams& p, int cores, double volt_v);

// Leakage at junction temperature temp_c relative to leak_ref_c: 2^((T - Tref) / doubling).
double leakage_temp_factor(const ClusterPowerParams& p, double temp_c);

// Leakage energy while the rail ramps linearly from v0 to v1 during ramp_s (at leak_ref_c):
// the integral of P(1 V) V(t)^k.
double ramp_leakage_j(const ClusterPowerParams& p, int cores, double v0, double v1,
                      double ramp_s);

// What a cluster did during one busy span (a layer, a gate check).
struct ClusterActivity {
  int busy_cores = 0;       // cores clocked and working
  int powered_cores = 0;    // cores leaking (the whole cluster while it is awake)
  double freq_mhz = 0;
  double volt_v = 0;
  double compute_s = 0;     // time the cores do arithmetic
  double span_s = 0;        // wall time of the span (>= compute_s; the rest is memory stall)
  uint64_t l2_bytes = 0;    // bytes read or written in L2
  double leak_factor = 1;   // leakage_temp_factor() at the span's junction temperature
};

// Core dynamic, core static and SRAM parts of the span's energy.
EnergyBreakdown cluster_energy_of(const ClusterActivity& a, const ClusterPowerParams& p);

}  // namespace blsim
