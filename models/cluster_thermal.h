// SPDX-License-Identifier: MIT
// The junction temperature of one cluster as a single thermal RC to ambient: heat capacity C
// (J/K) charged by the cluster's power, drained through R (K/W) to the ambient temperature:
//     C dT/dt = P - (T - T_ambient) / R.
// Over a span of constant power the step is exact: T approaches T_ambient + P R with time
// constant R C. Clusters are not coupled to each other (each has its own path to ambient). A
// cluster starts at ambient. With R = 0 the junction stays at ambient.
// A span's leakage is priced at its mean junction temperature (the exact mean of the exponential
// approach under the span's power), so long and short spans integrate alike.
#pragma once

#include <cmath>

#include "energy/cluster_power.h"

namespace blsim {

struct ThermalSpec {
  double ambient_c = 25;   // temperature the cluster settles at when it dissipates nothing
  double r_k_per_w = 0;    // thermal resistance to ambient
  double c_j_per_k = 0;    // heat capacity
};

class ClusterThermal {
 public:
  explicit ClusterThermal(const ThermalSpec& spec) : spec_(spec), temp_c_(spec.ambient_c) {}

  double temp_c() const { return temp_c_; }

  // Mean temperature over a span of span_s at power_w starting now.
  double mean_temp_c(double span_s, double power_w) const {
    if (span_s <= 0 || spec_.r_k_per_w <= 0) return temp_c_;
    const double settle_c = spec_.ambient_c + power_w * spec_.r_k_per_w;
    if (spec_.c_j_per_k <= 0) return settle_c;
    const double tau_s = spec_.r_k_per_w * spec_.c_j_per_k;
    return settle_c + (temp_c_ - settle_c) * tau_s / span_s * -std::expm1(-span_s / tau_s);
  }

  // A span of the cluster: dyn_j of switching and leak_ref_j of leakage at the leakage reference
  // temperature. Returns the leakage factor of the span (at its mean temperature, under the power
  // the span has at the starting temperature) and advances the junction.
  double span(double span_s, double dyn_j, double leak_ref_j, const ClusterPowerParams& p) {
    const double factor = span_factor(span_s, dyn_j, leak_ref_j, p);
    if (span_s > 0) advance(span_s, (dyn_j + leak_ref_j * factor) / span_s);
    return factor;
  }
  // The factor span() would return, without advancing.
  double span_factor(double span_s, double dyn_j, double leak_ref_j,
                     const ClusterPowerParams& p) const {
    if (span_s <= 0) return leakage_temp_factor(p, temp_c_);
    const double start_w = (dyn_j + leak_ref_j * leakage_temp_factor(p, temp_c_)) / span_s;
    return leakage_temp_factor(p, mean_temp_c(span_s, start_w));
  }

  // The cluster dissipated power_w for span_s.
  void advance(double span_s, double power_w) {
    if (span_s <= 0 || spec_.r_k_per_w <= 0) return;
    const double settle_c = spec_.ambient_c + power_w * spec_.r_k_per_w;
    if (spec_.c_j_per_k <= 0) {
      temp_c_ = settle_c;
      return;
    }
    const double tau_s = spec_.r_k_per_w * spec_.c_j_per_k;
    temp_c_ = settle_c + (temp_c_ - settle_c) * std::exp(-span_s / tau_s);
  }

 private:
  ThermalSpec spec_;
  double temp_c_;
};

}  // namespace blsim
