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

EnergyBreakdown cluster_energy_of(const ClusterActivity& a, const ClusterPowerParams& p) {
  EnergyBreakdown e;
  const double stall_s = std::max(0.0, a.span_s - a.compute_s);
  // Stalled cores keep their clocks running (no WFI inside a kernel), at reduced activity.
  e.core_dyn_j = a.busy_cores * dynamic_power_w(p.dyn_coeff_uw_per_mhz_v2, a.volt_v, a.freq_mhz) *
                 (a.compute_s + p.stall_activity * stall_s);
  e.core_static_j = cluster_leakage_w(p, a.powered_cores, a.volt_v) * a.span_s;
  e.sram_j = static_cast<double>(a.l2_bytes) * p.l2_pj_per_byte * 1e-12;
  return e;
}

}  // namespace blsim
