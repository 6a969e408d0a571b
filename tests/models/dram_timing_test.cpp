// SPDX-License-Identifier: MIT
// LPDDR timing by hand, in DRAM clocks: pipelined row hits, the request queue, bank conflicts
// (tRAS, tRTP, tWR, tRP), tRRD and tFAW, the command bus, write/read turnarounds; then channel
// bandwidth and the energy per bit of a long sequential read against published LPDDR figures.
// The memory at rest (power-down, refresh) is in dram_rest_test.cpp, the write queue in
// dram_write_queue_test.cpp.
#include <gtest/gtest.h>

#include "models/dram_timing.h"
#include "models/layer_pricing.h"
#include "tests/models/dram_test_spec.h"
#include "tests/models/soc_fixtures.h"

namespace blsim {
namespace {

using namespace dram_test;
using testing::round_dram;

TEST(DramTiming, ClocksComeFromTheMemspec) {
  const DramTiming dram(lp4());
  const auto& c = dram.clocks();
  EXPECT_EQ(c.rcd, 29);
  EXPECT_EQ(c.rp, 29);
  EXPECT_EQ(c.ras, 68);
  EXPECT_EQ(c.rtp, 12);
  EXPECT_EQ(c.rrd, 16);
  EXPECT_EQ(c.faw, 64);
  EXPECT_EQ(c.burst, 8);
  EXPECT_EQ(c.refi, 6246);
  EXPECT_EQ(c.rfc, 448);
  EXPECT_EQ(c.pd_idle, 1600);
}

TEST(DramTiming, SixteenReadsToOneRowPipeline) {
  DramTiming dram(lp4());
  // ACT at 0, RD at tRCD = 29, then a RD every tCCD = 8: the 16th at 29 + 15 x 8 = 149, its
  // data ends RL 28 + 8 later, at 185.
  DramAccessResult r;
  for (uint64_t i = 0; i < 16; ++i) {
    r = dram.access(0, i * 32, 32, false);
    EXPECT_EQ(r.issue_ck, i == 0 ? 0 : 29 + 8 * static_cast<int64_t>(i)) << i;
    EXPECT_EQ(r.end_ck, 65 + 8 * static_cast<int64_t>(i)) << i;
  }
  EXPECT_EQ(r.end_ck, 185);
  EXPECT_EQ(dram.commands().act, 1u);
  EXPECT_EQ(dram.commands().rd, 16u);
  EXPECT_EQ(dram.commands().pre, 0u);
  EXPECT_EQ(dram.row_hits(), 15u);
  EXPECT_EQ(dram.row_misses(), 1u);
}

TEST(DramTiming, OneTransactionStreamsItsBursts) {
  DramTiming dram(lp4());
  // A whole 2 KiB row: 64 bursts, RD at 29 + 8 i, the last at 533, data until 533 + 36.
  const auto r = dram.access(0, 0, 2048, false);
  EXPECT_EQ(r.end_ck, 569);
  EXPECT_NEAR(r.done_s, 569 * 0.625 * kNs, 1e-15);
  EXPECT_EQ(r.commands.rd, 64u);
}

TEST(DramTiming, AFullQueueTakesTheNextRequestWhenABurstFinishes) {
  // The queue holds 64 bursts on one channel.
  auto spec = lp4();
  spec.queue_bursts = 64;
  DramTiming dram(spec);
  // 63 bursts to bank 0: ACT 0, RD 29 + 8 i, data [57 + 8 i, 65 + 8 i), the last ends at 561.
  EXPECT_EQ(dram.access(0, 0, 63 * 32, false).end_ck, 561);
  // One more to bank 1 fills the queue without waiting: ACT at tRRD = 16; the data bus is
  // booked until 561, so its RD goes at 533 and its data ends at 569.
  const auto second = dram.access(0, kBankStride, 32, false);
  EXPECT_EQ(second.issue_ck, 16);
  EXPECT_EQ(second.end_ck, 569);
  // A third waits for a free slot: the first burst to finish is the first of the 63, at
  // 561 - 62 x 8 = 65, and the request's ACT goes there.
  const auto third = dram.access(0, 2 * kBankStride, 32, false);
  EXPECT_EQ(third.issue_ck, 65);
}

TEST(DramTiming, BankConflictAfterReadsWaitsForReadToPrecharge) {
  DramTiming dram(lp4());
  for (uint64_t i = 0; i < 16; ++i) dram.access(0, i * 32, 32, false);  // last RD at 149
  // PRE at max(ACT + tRAS = 68, last RD + tRTP = 161) = 161, ACT at 161 + tRP = 190, RD at
  // 190 + tRCD = 219, data ends 219 + 28 + 8 = 255.
  const auto r = dram.access(0, kRowStride, 32, false);
  EXPECT_EQ(r.row_conflicts, 1u);
  EXPECT_EQ(r.commands.pre, 1u);
  EXPECT_EQ(r.commands.act, 1u);
  EXPECT_EQ(r.issue_ck, 161);
  EXPECT_EQ(r.end_ck, 255);
}

TEST(DramTiming, EarlyConflictWaitsForTras) {
  DramTiming dram(lp4());
  dram.access(0, 0, 32, false);  // ACT 0, RD 29
  // PRE at tRAS = 68 (RD + tRTP = 41 is earlier), ACT 97, RD 126, data ends 162.
  const auto r = dram.access(0, kRowStride, 32, false);
  EXPECT_EQ(r.issue_ck, 68);
  EXPECT_EQ(r.end_ck, 162);
}

TEST(DramTiming, ConflictAfterWriteWaitsForWriteRecovery) {
  DramTiming dram(lp4());
  auto r = dram.access(0, 0, 32, true);  // ACT 0, WR 29, data 43..51
  EXPECT_EQ(r.end_ck, 51);
  // PRE at max(tRAS 68, data end 51 + tWR 29 = 80) = 80, ACT 109, RD 138, data ends 174.
  r = dram.access(0, kRowStride, 32, false);
  EXPECT_EQ(r.issue_ck, 80);
  EXPECT_EQ(r.end_ck, 174);
}

TEST(DramTiming, EightActivatesUnderTfaw) {
  auto spec = lp4();
  spec.trrd_s = 4 * 0.625 * kNs;  // tRRD 4 < tFAW / 4, so that tFAW binds
  DramTiming dram(spec);
  // ACTs at 0, 4, 8, 12; the fifth waits for the first + tFAW = 64: 64, 68, 72, 76.
  const int64_t acts[8] = {0, 4, 8, 12, 64, 68, 72, 76};
  // RDs: 29, then every tCCD (37, 45, 53) until tRCD binds again: 93, 101, 109, 117.
  const int64_t ends[8] = {65, 73, 81, 89, 129, 137, 145, 153};
  for (uint64_t b = 0; b < 8; ++b) {
    const auto r = dram.access(0, b * kBankStride, 32, false);
    EXPECT_EQ(r.issue_ck, acts[b]) << b;
    EXPECT_EQ(r.end_ck, ends[b]) << b;
  }
  EXPECT_EQ(dram.commands().act, 8u);
}

TEST(DramTiming, TfawHoldsForWindowsAroundAnActBookedBetweenOthers) {
  auto spec = lp4();
  spec.trrd_s = 4 * 0.625 * kNs;  // tRRD 4 < tFAW / 4, so that tFAW binds
  DramTiming dram(spec);
  const double ck = 0.625 * kNs;
  // Later arrivals first: ACTs at 40 and 50, then 0 and 10 before them (four in 50 clocks).
  EXPECT_EQ(dram.access(40 * ck, 0 * kBankStride, 32, false).issue_ck, 40);
  EXPECT_EQ(dram.access(50 * ck, 1 * kBankStride, 32, false).issue_ck, 50);
  EXPECT_EQ(dram.access(0, 2 * kBankStride, 32, false).issue_ck, 0);
  EXPECT_EQ(dram.access(10 * ck, 3 * kBankStride, 32, false).issue_ck, 10);
  // An ACT at 20 would make five in [0, 50], a window shorter than tFAW = 64 that starts
  // before it and ends after it; it waits for 0 + tFAW = 64, where 10, 40 and 50 are the only
  // ACTs within tFAW of it.
  EXPECT_EQ(dram.access(20 * ck, 4 * kBankStride, 32, false).issue_ck, 64);
}

TEST(DramTiming, ActivatesKeepTrrd) {
  DramTiming dram(lp4());  // tRRD 16 = tFAW / 4
  for (uint64_t b = 0; b < 6; ++b) {
    const auto r = dram.access(0, b * kBankStride, 32, false);
    EXPECT_EQ(r.issue_ck, 16 * static_cast<int64_t>(b)) << b;
  }
}

TEST(DramTiming, CommandBusHoldsEachCommandForCmdCk) {
  auto spec = lp4();
  spec.trrd_s = 0;
  spec.tfaw_s = 0;
  spec.cmd_ck = 4;
  DramTiming dram(spec);
  // Request i: ACT at 4 i (clocks 4i..4i+3), RD at 29 + 8 i (tCCD). The eighth ACT would take
  // clocks 28..31, but RD 0 holds 29..32: it goes at 33, RD 7 still at 29 + 56 = 85.
  for (uint64_t b = 0; b < 8; ++b) {
    const auto r = dram.access(0, b * kBankStride, 32, false);
    EXPECT_EQ(r.issue_ck, b < 7 ? 4 * static_cast<int64_t>(b) : 33) << b;
    EXPECT_EQ(r.end_ck, 65 + 8 * static_cast<int64_t>(b)) << b;
  }
}

TEST(DramTiming, WriteToReadTurnaround) {
  DramTiming dram(lp4());
  dram.access(0, 0, 32, true);  // WR at 29, data ends 51
  // RD waits for write data end + tWTR = 51 + 16 = 67; data ends 67 + 36 = 103.
  const auto r = dram.access(0, 32, 32, false);
  EXPECT_EQ(r.row_hits, 1u);
  EXPECT_EQ(r.issue_ck, 67);
  EXPECT_EQ(r.end_ck, 103);
}

TEST(DramTiming, ReadToWriteTurnaround) {
  DramTiming dram(lp4());
  dram.access(0, 0, 32, false);  // RD at 29, data ends 65
  // Write data may start 2 clocks after the read data: WR at 65 + 2 - WL 14 = 53, ends 75.
  const auto r = dram.access(0, 32, 32, true);
  EXPECT_EQ(r.issue_ck, 53);
  EXPECT_EQ(r.end_ck, 75);
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
