// SPDX-License-Identifier: MIT
#include "energy/cluster_power.h"

#include <algorithm>
#include <cmath>

namespace blsim {

double dynamic_power_w(double dyn_coeff_uw_per_mhz_v2, double volt_v, double freq_mhz) {
  return dyn_coeff_uw_per_mhz_v2 * 1e-6 * volt_v * volt_v * freq_mhz;
}

double leakage_power_w(double w_at_1v, double v_exponent, double volt_v) {
  return w_at_1v * std::pow(volt_v, v_exponent);
}

double cluster_leakage_w(const ClusterPowerParams& p, int cores, double volt_v) {
  return cores * leakage_power_w(p.core_leak_w_at_1v, p.leak_v_exponent, volt_v) +
         leakage_power_w(p.uncore_leak_w_at_1v, p.leak_v_exponent, volt_v);
}

double leakage_temp_factor(const ClusterPowerParams& p, double temp_c) {
  if (p.leak_doubling_k <= 0) return 1;
  return std::exp2((temp_c - p.leak_ref_c) / p.leak_doubling_k);
}

double ramp_leakage_j(const ClusterPowerParams& p, int cores, double v0, double v1,
                      double ramp_s) {
  if (ramp_s <= 0) return 0;
  const double k = p.leak_v_exponent;
  const double w_at_1v = cores * p.core_leak_w_at_1v + p.uncore_leak_w_at_1v;
  if (std::fabs(v1 - v0) < 1e-12) return w_at_1v * std::pow(v0, k) * ramp_s;
  // V(t) = v0 + (v1 - v0) t / ramp_s: the integral of V^k dt is
  // ramp_s (v1^(k+1) - v0^(k+1)) / ((k+1)(v1 - v0)).
  return w_at_1v * ramp_s * (std::pow(v1, k + 1) - std::pow(v0, k + 1)) / ((k + 1) * (v1 - v0));
}

EnergyBreakdown cluster_energy_of(const ClusterActivity& a, const ClusterPowerParams& p) {
  EnergyBreakdown e;
  const double stall_s = std::max(0.0, a.span_s - a.compute_s);
  // Stalled cores keep their clocks running (no WFI inside a kernel), at reduced activity.
  e.core_dyn_j = a.busy_cores * dynamic_power_w(p.dyn_coeff_uw_per_mhz_v2, a.volt_v, a.freq_mhz) *
                 (a.compute_s + p.stall_activity * stall_s);
  e.core_static_j = cluster_leakage_w(p, a.powered_cores, a.volt_v) * a.leak_factor * a.span_s;
  e.sram_j = static_cast<double>(a.l2_bytes) * p.l2_pj_per_byte * 1e-12;
  return e;
}

}  // namespace blsim
