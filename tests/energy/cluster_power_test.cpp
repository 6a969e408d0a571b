// SPDX-License-Identifier: MIT
// Cluster power by hand: C*V^2*f, leakage scaling, and energy rising with voltage.
#include <gtest/gtest.h>

#include "energy/cluster_power.h"

namespace blsim {
namespace {

ClusterPowerParams params() {
  ClusterPowerParams p;
  p.dyn_coeff_uw_per_mhz_v2 = 100;
  p.core_leak_w_at_1v = 0.1;
  p.uncore_leak_w_at_1v = 0.05;
  p.leak_v_exponent = 3;
  p.stall_activity = 0.5;
  p.l2_pj_per_byte = 5;
  return p;
}

TEST(ClusterPower, DynamicPowerIsCVSquaredF) {
  // 100 uW/MHz/V^2 * 1.1^2 V^2 * 1000 MHz = 121000 uW.
  EXPECT_NEAR(dynamic_power_w(100, 1.1, 1000), 0.121, 1e-12);
}

TEST(ClusterPower, SpanEnergyByHand) {
  ClusterActivity a;
  a.busy_cores = 4;
  a.powered_cores = 4;
  a.freq_mhz = 1000;
  a.volt_v = 1.1;
  a.compute_s = 1e-3;
  a.span_s = 3e-3;  // 2 ms memory stall at half activity
  a.l2_bytes = 1000;
  const EnergyBreakdown e = cluster_energy_of(a, params());
  EXPECT_NEAR(e.core_dyn_j, 4 * 0.121 * (1e-3 + 0.5 * 2e-3), 1e-15);
  const double leak_w = (4 * 0.1 + 0.05) * 1.1 * 1.1 * 1.1;
  EXPECT_NEAR(e.core_static_j, leak_w * 3e-3, 1e-15);
  EXPECT_NEAR(e.sram_j, 1000 * 5e-12, 1e-20);
  EXPECT_EQ(e.noc_j + e.dram_dyn_j + e.dram_static_j, 0);
}

TEST(ClusterPower, SameWorkCostsMoreAtHigherVoltage) {
  ClusterActivity a;
  a.busy_cores = 2;
  a.powered_cores = 4;
  a.freq_mhz = 1400;
  a.compute_s = 1e-3;
  a.span_s = 1.2e-3;
  double previous_j = 0;
  for (double v : {0.8, 0.9, 1.0, 1.1, 1.2, 1.3}) {
    a.volt_v = v;
    const double e_j = cluster_energy_of(a, params()).total_j();
    EXPECT_GT(e_j, previous_j) << v;
    previous_j = e_j;
  }
}

TEST(ClusterPower, LeakageScalesAsVoltagePower) {
  EXPECT_NEAR(leakage_power_w(0.2, 3, 0.5), 0.025, 1e-15);
  EXPECT_NEAR(cluster_leakage_w(params(), 2, 1.0), 0.25, 1e-15);
}

TEST(ClusterPower, LeakageDoublesEveryDoublingInterval) {
  ClusterPowerParams p = params();
  EXPECT_EQ(leakage_temp_factor(p, 90), 1);  // no temperature dependence configured
  p.leak_ref_c = 40;
  p.leak_doubling_k = 25;
  EXPECT_NEAR(leakage_temp_factor(p, 40), 1, 1e-15);
  EXPECT_NEAR(leakage_temp_factor(p, 90), 4, 1e-12);
  EXPECT_NEAR(leakage_temp_factor(p, 15), 0.5, 1e-12);
  ClusterActivity a;
  a.powered_cores = 4;
  a.volt_v = 1;
  a.span_s = 1e-3;
  a.leak_factor = 4;
  EXPECT_NEAR(cluster_energy_of(a, p).core_static_j, 4 * 0.45 * 1e-3, 1e-15);
}

TEST(ClusterPower, RampLeakageIntegratesTheRisingVoltage) {
  // 0.45 W at 1 V, V^3: from 0.5 V to 1 V in 1 ms the integral of V^3 is
  // 1 ms x (1 - 0.0625) / (4 x 0.5) = 0.46875 ms, so 0.2109375 mJ.
  EXPECT_NEAR(ramp_leakage_j(params(), 4, 0.5, 1.0, 1e-3), 0.45 * 0.46875e-3, 1e-15);
  // Less than leaking at the top voltage the whole time, more than at the bottom one.
  EXPECT_LT(ramp_leakage_j(params(), 4, 0.5, 1.0, 1e-3), cluster_leakage_w(params(), 4, 1.0) * 1e-3);
  EXPECT_GT(ramp_leakage_j(params(), 4, 0.5, 1.0, 1e-3), cluster_leakage_w(params(), 4, 0.5) * 1e-3);
  EXPECT_NEAR(ramp_leakage_j(params(), 4, 0.8, 0.8, 1e-3), cluster_leakage_w(params(), 4, 0.8) * 1e-3,
              1e-15);
  EXPECT_EQ(ramp_leakage_j(params(), 4, 0.5, 1.0, 0), 0);
}

}  // namespace
}  // namespace blsim
