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

}  // namespace
}  // namespace blsim
