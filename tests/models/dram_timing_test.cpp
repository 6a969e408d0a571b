// SPDX-License-Identifier: MIT
// LPDDR timing by hand: row hit, miss and conflict latencies, refresh, channel bandwidth, and
// the energy per bit of a long sequential read against published LPDDR figures.
#include <gtest/gtest.h>

#include "models/dram_timing.h"
#include "models/layer_pricing.h"
#include "tests/models/soc_fixtures.h"

namespace blsim {
namespace {

using testing::round_dram;

constexpr uint64_t kRow = 4096;  // bytes of one row of round_dram()
constexpr double kNs = 1e-9;

TEST(DramTiming, RowMissThenHitThenConflict) {
  DramTiming dram(round_dram());
  // Miss: tRCD 18 + CL 12 x 1.25 = 15 ns, then one 5 ns burst.
  auto r = dram.access(0, 0, 32, false);
  EXPECT_NEAR(r.done_s, 38 * kNs, 1e-15);
  EXPECT_EQ(r.row_misses, 1u);
  EXPECT_EQ(r.commands.act, 1u);
  EXPECT_EQ(r.commands.rd, 1u);
  // Hit on the open row: CL + burst = 20 ns.
  r = dram.access(1000 * kNs, 64, 32, false);
  EXPECT_NEAR(r.done_s - 1000 * kNs, 20 * kNs, 1e-15);
  EXPECT_EQ(r.row_hits, 1u);
  EXPECT_EQ(r.commands.act, 0u);
  // Another row of bank 0 (8 row-chunks further): tRP 18 + tRCD 18 + CL 15 + burst 5 = 56 ns.
  r = dram.access(2000 * kNs, 8 * kRow, 32, false);
  EXPECT_NEAR(r.done_s - 2000 * kNs, 56 * kNs, 1e-15);
  EXPECT_EQ(r.row_conflicts, 1u);
  EXPECT_EQ(r.commands.pre, 1u);
}

TEST(DramTiming, BurstsStreamAtTheirSpacing) {
  DramTiming dram(round_dram());
  // 64 bursts of 32 B in one row: miss latency 33 ns to the first beat, then 64 x 5 ns.
  const auto r = dram.access(0, 0, 2048, false);
  EXPECT_NEAR(r.done_s, (33 + 64 * 5) * kNs, 1e-15);
  EXPECT_EQ(r.commands.rd, 64u);
}

TEST(DramTiming, RefreshBlocksTheRankAndClosesRows) {
  DramTiming dram(round_dram());
  dram.access(0, 0, 32, false);
  // At 3950 ns the rank is refreshing (3900 + tRFC 130); the row was closed: a miss from 4030 ns.
  const auto r = dram.access(3950 * kNs, 64, 32, false);
  EXPECT_EQ(r.row_misses, 1u);
  EXPECT_NEAR(r.done_s, (4030 + 38) * kNs, 1e-15);
  EXPECT_EQ(dram.background_until(10000 * kNs).refreshes, 2u);
}

TEST(DramTiming, WritesWaitForWriteRecoveryBeforePrecharge) {
  DramTiming dram(round_dram());
  auto r = dram.access(0, 0, 32, true);  // miss: 18 + WL 6 x 1.25 + 5 = 30.5 ns
  EXPECT_NEAR(r.done_s, 30.5 * kNs, 1e-15);
  // Conflict right away: PRE waits for tWR after the write (30.5 + 15 = 45.5 ns), which is
  // later than tRAS (42 ns after the ACT at 0); then tRP 18 + tRCD 18 + CL 15 + burst 5.
  r = dram.access(r.done_s, 8 * kRow, 32, false);
  EXPECT_NEAR(r.done_s, (45.5 + 18 + 18 + 15 + 5) * kNs, 1e-15);
}

TEST(DramTiming, BackgroundStatesCoverAllTime) {
  DramTiming dram(round_dram());
  dram.access(0, 0, 4096, false);
  const auto bg = dram.background_until(50e-6);
  EXPECT_NEAR(bg.states.total_s(), 50e-6, 1e-15);
  // Open row until the refresh at 3.9 us, power-down from 1 us after the transfer.
  EXPECT_GT(bg.states.act_powerdown_s, 0);
  EXPECT_GT(bg.states.pre_powerdown_s, 40e-6);
  EXPECT_EQ(bg.states.pre_standby_s, 0);
}

TEST(DramTiming, SequentialReadReachesNearPeakBandwidth) {
  auto spec = round_dram();
  spec.channels = 2;
  DramTiming dram(spec);
  const uint64_t bytes = 8 << 20;
  const auto r = dram.access(0, 0, bytes, false);
  const double peak = spec.peak_bandwidth_bytes_per_s();  // 1600e6 * 4 B * 2 = 12.8 GB/s
  EXPECT_NEAR(peak, 12.8e9, 1);
  // Refresh takes tRFC / tREFI = 130 / 3900 = 3.3% of the time (plus reopening rows); row
  // changes hide behind transfers from other banks.
  EXPECT_GE(r.done_s, 1.033 * bytes / peak);
  EXPECT_LT(r.done_s, 1.05 * bytes / peak);
  EXPECT_GT(dram.row_hits() + dram.row_misses(), 0u);
}

// Published DRAM energy per bit (docs/references.md): LPDDR3 interface about 3.7 pJ/bit
// (ISSCC 2012), LPDDR4 about 13-14 pJ/bit in total (simulated), and 1.3-2.6 nJ per 64-bit
// DRAM access, i.e. 20-40 pJ/bit, for commodity DDR (Horowitz, ISSCC 2014), which mobile DRAM
// undercuts. The device energy of a long sequential read (no I/O) must lie in 2..15 pJ/bit.
TEST(DramTiming, SequentialReadEnergyPerBitIsInPublishedRange) {
  auto spec = round_dram();
  DramTiming dram(spec);
  const uint64_t bytes = 16 << 20;
  const auto r = dram.access(0, 0, bytes, false);
  const auto bg = dram.background_until(r.done_s);
  DramCounters c;
  c.commands = dram.commands();
  c.commands.ref = bg.refreshes;
  c.data_bytes = dram.data_bytes();
  c.states = bg.states;
  const double pj_per_bit = dram_energy_of(c, spec.power).total_j() / (bytes * 8.0) * 1e12;
  EXPECT_GT(pj_per_bit, 2.0);
  EXPECT_LT(pj_per_bit, 15.0);
}

}  // namespace
}  // namespace blsim
