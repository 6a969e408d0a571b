// SPDX-License-Identifier: MIT
// DRAM energy by the IDD method, checked against hand arithmetic on Micron LPDDR3 currents.
#include <gtest/gtest.h>

#include "energy/dram_power.h"

namespace blsim {
namespace {

DramPowerParams lpddr3() {
  DramPowerParams p;
  p.rail[0] = DramRailCurrents{1.8, 0.015, 0.002, 0.0006, 0.002, 0.0012, 0.005, 0.010, 0.040};
  p.rail[1] = DramRailCurrents{1.2, 0.080, 0.038, 0.00087, 0.045, 0.00815, 0.260, 0.284, 0.160};
  p.devices_per_rank = 1;
  p.tck_s = 1.25e-9;
  p.burst_length = 8;
  p.tras_s = 42e-9;
  p.trp_s = 18e-9;
  p.trfc_s = 130e-9;
  p.io_pj_per_bit = 2;
  return p;
}

TEST(DramPower, ReadBurstEnergyFromIdd) {
  // BL8 at tCK 1.25 ns: 4 clocks = 5 ns of burst.
  // VDD1: 1.8 V * (5 - 2) mA * 5 ns = 27 pJ; VDD2: 1.2 V * (260 - 45) mA * 5 ns = 1290 pJ.
  EXPECT_NEAR(dram_read_energy_j(lpddr3()), 1317e-12, 1e-15);
  // Write: 1.8 * 8 mA * 5 ns = 72 pJ; 1.2 * 239 mA * 5 ns = 1434 pJ.
  EXPECT_NEAR(dram_write_energy_j(lpddr3()), 1506e-12, 1e-15);
}

TEST(DramPower, ActivateAndPrechargeSplitIdd0) {
  // ACT: (IDD0 - IDD3N) over tRAS 42 ns: 1.8 * 13 mA * 42 + 1.2 * 35 mA * 42 = 982.8 + 1764 pJ.
  EXPECT_NEAR(dram_act_energy_j(lpddr3()), 2746.8e-12, 1e-15);
  // PRE: (IDD0 - IDD2N) over tRP 18 ns: 1.8 * 13 * 18 + 1.2 * 42 * 18 = 421.2 + 907.2 pJ.
  EXPECT_NEAR(dram_pre_energy_j(lpddr3()), 1328.4e-12, 1e-15);
  // Together the whole IDD0 cycle above standby: 1.8 * (15*60 - 2*42 - 2*18) + 1.2 * (80*60 -
  // 45*42 - 38*18) = 1404 + 2671.2 pJ.
  EXPECT_NEAR(dram_act_energy_j(lpddr3()) + dram_pre_energy_j(lpddr3()), 4075.2e-12, 1e-15);
}

TEST(DramPower, PrechargeBilledOnlyWhenIssued) {
  DramCounters c;
  c.commands.act = 2;
  c.commands.pre = 1;
  const auto p = lpddr3();
  EXPECT_NEAR(dram_energy_of(c, p).dram_dyn_j, 2 * 2746.8e-12 + 1328.4e-12, 1e-18);
}

TEST(DramPower, PerBankRefreshAndSelfRefresh) {
  auto p = lpddr3();
  p.trfcpb_s = 60e-9;
  p.rail[0].idd5pb_a = 0.010;
  p.rail[1].idd5pb_a = 0.070;
  p.rail[0].idd6_a = 0.0008;
  p.rail[1].idd6_a = 0.0015;
  // REFpb: 1.8 * (10 - 2) mA * 60 ns + 1.2 * (70 - 45) mA * 60 ns = 864 + 1800 pJ.
  EXPECT_NEAR(dram_per_bank_refresh_energy_j(p), 2664e-12, 1e-15);
  DramStateTimes s;
  s.self_refresh_s = 1e-3;
  // 1 ms at IDD6: 1.8 * 0.8 mA + 1.2 * 1.5 mA = 3.24 mW -> 3.24 uJ; refreshes are the device's.
  EXPECT_NEAR(dram_background_energy_j(s, 0, p), 3.24e-6, 1e-15);
  p.per_bank_refresh = true;
  EXPECT_NEAR(dram_background_energy_j(DramStateTimes{}, 8, p), 8 * 2664e-12, 1e-18);
  // With the per-bank interval known (tREFI / banks = 480 ns), IDD5PB is that interval's average
  // current: VDD (IDD5PB 480 - IDD2N (480 - 60) - IDD3N 60) mA ns per rail:
  // 1.8 * (4800 - 840 - 120) + 1.2 * (33600 - 15960 - 2700) = 6912 + 17928 pJ.
  p.trefipb_s = 480e-9;
  EXPECT_NEAR(dram_per_bank_refresh_energy_j(p), 24840e-12, 1e-15);
}

TEST(DramPower, RefreshAndBackground) {
  // REF: 1.8 * 38 mA * 130 ns + 1.2 * 115 mA * 130 ns = 8892 + 17940 pJ.
  EXPECT_NEAR(dram_refresh_energy_j(lpddr3()), 26832e-12, 1e-15);
  DramCounters c;
  c.states.act_standby_s = 1e-6;
  c.states.pre_powerdown_s = 2e-6;
  c.commands.ref = 2;
  const EnergyBreakdown e = dram_energy_of(c, lpddr3());
  const double act_stby_w = 1.8 * 0.002 + 1.2 * 0.045;
  const double pre_pd_w = 1.8 * 0.0006 + 1.2 * 0.00087;
  EXPECT_NEAR(e.dram_static_j, act_stby_w * 1e-6 + pre_pd_w * 2e-6 + 2 * 26832e-12, 1e-18);
  EXPECT_EQ(e.dram_dyn_j, 0);
}

TEST(DramPower, CommandsAndIoAreDynamic) {
  DramCounters c;
  c.commands.act = 3;
  c.commands.rd = 10;
  c.commands.wr = 4;
  c.data_bytes = 448;
  const auto p = lpddr3();
  const EnergyBreakdown e = dram_energy_of(c, p);
  EXPECT_NEAR(e.dram_dyn_j,
              3 * dram_act_energy_j(p) + 10 * dram_read_energy_j(p) +
                  4 * dram_write_energy_j(p) + 448 * 8 * 2e-12,
              1e-18);
  EXPECT_EQ(e.dram_static_j, 0);
}

TEST(DramPower, DevicesPerRankMultiply) {
  auto p = lpddr3();
  const double one = dram_read_energy_j(p);
  p.devices_per_rank = 2;
  EXPECT_NEAR(dram_read_energy_j(p), 2 * one, 1e-18);
}

}  // namespace
}  // namespace blsim
