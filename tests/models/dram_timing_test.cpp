// SPDX-License-Identifier: MIT
// LPDDR timing by hand, in DRAM clocks: pipelined row hits, the request queue, bank conflicts (tRAS, tRTP, tWR,
// tRP), tRRD and tFAW, the command bus, write/read turnarounds, power-down and self-refresh
// exits, all-bank and per-bank refresh, background residency; then channel bandwidth and the
// energy per bit of a long sequential read against published LPDDR figures.
#include <gtest/gtest.h>

#include "models/dram_timing.h"
#include "models/layer_pricing.h"
#include "tests/models/soc_fixtures.h"

namespace blsim {
namespace {

using testing::round_dram;

constexpr double kNs = 1e-9;

// LPDDR4-3200 as configs/dram/lpddr4-3200.ini, in clocks of tCK = 0.625 ns: RL 28, WL 14,
// tCCD 8, BL16 (8 clocks of data, 32 B on a x16 channel), tRCD = tRP = tWR = 29, tRAS 68,
// tRTP 12, tRRD 16, tFAW 64, tWTR 16, tXP 12, tXSR 460, tRFCab 448, tRFCpb 224, tREFI 6246.
// One channel, one rank, 8 banks, 2 KiB rows: bank = (addr / 2048) % 8, row = addr / 16384.
// The command bus takes one command per clock unless a test says otherwise.
DramSpec lp4() {
  DramSpec d;
  d.type = "LPDDR4-3200";
  d.data_rate_mtps = 3200;
  d.banks = 8;
  d.rows = 49152;
  d.columns = 1024;
  d.device_width_bits = 16;
  d.cl_ck = 28;
  d.wl_ck = 14;
  d.tccd_ck = 8;
  const double ck = 0.625 * kNs;
  d.trcd_s = 29 * ck;
  d.twr_s = 29 * ck;
  d.trtp_s = 12 * ck;
  d.trrd_s = 16 * ck;
  d.tfaw_s = 64 * ck;
  d.twtr_s = 16 * ck;
  d.txp_s = 12 * ck;
  d.txsr_s = 460 * ck;
  d.cmd_ck = 1;
  d.trefi_s = 6246 * ck;
  d.powerdown_idle_s = 1000 * kNs;  // 1600 clocks
  d.power.tck_s = ck;
  d.power.burst_length = 16;
  d.power.tras_s = 68 * ck;
  d.power.trp_s = 29 * ck;
  d.power.trfc_s = 448 * ck;
  d.power.trfcpb_s = 224 * ck;
  d.power.rail[0] = DramRailCurrents{1.8, 0.0035, 0.002, 0.0012, 0.00225, 0.0012, 0.00225,
                                     0.00225, 0.010, 0.0025, 0.0006};
  d.power.rail[1] = DramRailCurrents{1.1, 0.045, 0.027, 0.003, 0.030, 0.009, 0.275, 0.210,
                                     0.090, 0.045, 0.0012};
  return d;
}

constexpr uint64_t kRow = 2048;
constexpr uint64_t kBankStride = kRow;      // next bank, same row index
constexpr uint64_t kRowStride = 8 * kRow;   // same bank, next row

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

TEST(DramTiming, PowerDownExitCostsTxp) {
  DramTiming dram(lp4());
  dram.access(0, 0, 32, false);  // data ends 65
  // Idle from 65, power-down from 65 + 1600 = 1665. At 1000 the rank is awake: RD at 1000.
  auto r = dram.access(1000 * 0.625 * kNs, 32, 32, false);
  EXPECT_EQ(r.end_ck, 1036);
  // Idle from 1036, power-down from 2636; a request at 2700 waits tXP 12: RD at 2712.
  r = dram.access(2700 * 0.625 * kNs, 64, 32, false);
  EXPECT_EQ(r.issue_ck, 2712);
  EXPECT_EQ(r.end_ck, 2748);
}

TEST(DramTiming, AllBankRefreshBlocksTheRankAndClosesRows) {
  DramTiming dram(lp4());
  dram.access(0, 0, 32, false);
  // Refresh at tREFI 6246 for tRFCab 448; every bank waits until 6694. Bank 0's row was
  // closed for the refresh (its PRE billed to the next request): miss, ACT 6694, RD 6723.
  auto r = dram.access(6300 * 0.625 * kNs, 32, 32, false);
  EXPECT_EQ(r.row_misses, 1u);
  EXPECT_EQ(r.commands.pre, 1u);
  EXPECT_EQ(r.issue_ck, 6694);
  EXPECT_EQ(r.end_ck, 6759);
  r = dram.access(6300 * 0.625 * kNs, kBankStride, 32, false);  // bank 1 too: ACT at 6694 + 16
  EXPECT_EQ(r.issue_ck, 6710);
}

TEST(DramTiming, PerBankRefreshBlocksOnlyItsBank) {
  auto spec = lp4();
  spec.power.per_bank_refresh = true;
  DramTiming dram(spec);
  // tREFIpb = 6246 / 8 = 780 (floor); bank b refreshes from (b + 1) x 780 for tRFCpb 224.
  EXPECT_EQ(dram.clocks().refi, 780);
  EXPECT_EQ(dram.clocks().rfc, 224);
  dram.access(0, 0, 32, false);  // bank 0, row 0
  // Bank 1 is not refreshing at 800 (its refresh is at 1560): ACT 800, RD 829.
  auto r = dram.access(800 * 0.625 * kNs, kBankStride, 32, false);
  EXPECT_EQ(r.issue_ck, 800);
  EXPECT_EQ(r.end_ck, 865);
  // Bank 0 refreshes 780..1004; its row was closed: ACT 1004, RD 1033, data ends 1069.
  r = dram.access(800 * 0.625 * kNs, 0, 32, false);
  EXPECT_EQ(r.row_misses, 1u);
  EXPECT_EQ(r.issue_ck, 1004);
  EXPECT_EQ(r.end_ck, 1069);
  // Per-bank refreshes counted: starts at 780 k < 8000 for k >= 1: 10.
  EXPECT_EQ(dram.background_until(8000 * 0.625 * kNs).refreshes, 10u);
}

TEST(DramTiming, PerBankRefreshOfBankPairsBlocksBothBanksOfThePair) {
  auto spec = lp4();
  spec.power.per_bank_refresh = true;
  spec.power.banks_per_refresh = 2;  // as LPDDR5 in 16-bank mode: a refresh takes b and b + 4 here
  DramTiming dram(spec);
  // Four pairs: tREFIpb = 6246 / 4 = 1561 (floor); banks 0 and 4 refresh from 1561 for tRFCpb
  // 224 (to 1785), banks 1 and 5 from 3122.
  EXPECT_EQ(dram.clocks().refi, 1561);
  dram.access(0, 0, 32, false);  // bank 0, row 0: ACT 0
  // Bank 4 waits for its pair's refresh: ACT 1785, RD 1814, data ends 1814 + 28 + 8.
  auto r = dram.access(1600 * 0.625 * kNs, 4 * kBankStride, 32, false);
  EXPECT_EQ(r.issue_ck, 1785);
  EXPECT_EQ(r.end_ck, 1850);
  // Bank 1 is free at 1600: ACT 1600, RD 1629.
  r = dram.access(1600 * 0.625 * kNs, kBankStride, 32, false);
  EXPECT_EQ(r.issue_ck, 1600);
  EXPECT_EQ(r.end_ck, 1665);
  // Bank 0's row was closed by the same refresh: ACT after it and tRRD after bank 4's, 1801.
  r = dram.access(1600 * 0.625 * kNs, 0, 32, false);
  EXPECT_EQ(r.row_misses, 1u);
  EXPECT_EQ(r.issue_ck, 1801);
  EXPECT_EQ(r.end_ck, 1866);
  // One refresh command a pair: starts at 1561 k < 8000 for k >= 1: 5.
  EXPECT_EQ(dram.background_until(8000 * 0.625 * kNs).refreshes, 5u);
}

TEST(DramTiming, IdleRankRefreshesAtActiveStandbyBetweenPowerDowns) {
  DramTiming dram(lp4());
  const double ck = 0.625 * kNs;
  // No requests for 16000 clocks (10 us): precharge standby for the 1600-clock timeout, then
  // power-down; it wakes for the refreshes at 6246 and 12492 (448 clocks each at IDD3N) and
  // powers down 1600 clocks after each.
  const auto bg = dram.background_until(16000 * ck);
  EXPECT_EQ(bg.refreshes, 2u);
  EXPECT_NEAR(bg.states.act_standby_s, 896 * ck, 1e-15);
  EXPECT_NEAR(bg.states.pre_standby_s, 3 * 1600 * ck, 1e-15);
  EXPECT_NEAR(bg.states.pre_powerdown_s, (4646 + 4198 + 1460) * ck, 1e-15);
  EXPECT_EQ(bg.states.act_powerdown_s, 0);
  EXPECT_NEAR(bg.states.total_s(), 16000 * ck, 1e-15);
}

TEST(DramTiming, LongIdleFastForwardMatchesStepByStep) {
  DramTiming whole(lp4());
  DramTiming steps(lp4());
  const double ck = 0.625 * kNs;
  const auto a = whole.background_until(1e6 * ck);
  DramBackground b;
  for (int i = 1; i <= 1000; ++i) b = steps.background_until(1000.0 * i * ck);
  EXPECT_EQ(a.refreshes, b.refreshes);
  EXPECT_NEAR(a.states.act_standby_s, b.states.act_standby_s, 1e-15);
  EXPECT_NEAR(a.states.pre_standby_s, b.states.pre_standby_s, 1e-15);
  EXPECT_NEAR(a.states.pre_powerdown_s, b.states.pre_powerdown_s, 1e-15);
  EXPECT_EQ(a.refreshes, 160u);  // 1e6 / 6246
}

TEST(DramTiming, SelfRefreshAfterItsIdleTime) {
  auto spec = lp4();
  spec.selfrefresh_idle_s = 5000 * kNs;  // 8000 clocks
  DramTiming dram(spec);
  const double ck = 0.625 * kNs;
  // 0..1600 standby, 1600..6246 power-down, refresh 6246..6694, standby 6694..8000, then
  // self-refresh: entering, an all-bank refresh 8000..8448 (tRFC at active standby), then IDD6;
  // the scheduled refreshes at 12492, 18738, 24984 and 31230 are the device's.
  auto bg = dram.background_until(32000 * ck);
  EXPECT_EQ(bg.refreshes, 1u);
  EXPECT_EQ(bg.entry_refreshes, 1u);
  EXPECT_NEAR(bg.states.self_refresh_s, (24000 - 448) * ck, 1e-15);
  EXPECT_NEAR(bg.states.pre_standby_s, (1600 + 1306) * ck, 1e-15);
  EXPECT_NEAR(bg.states.act_standby_s, 2 * 448 * ck, 1e-15);
  // A request at 32000 waits tXSR 460: ACT 32460, RD 32489, data ends 32525.
  const auto r = dram.access(32000 * ck, 0, 32, false);
  EXPECT_EQ(r.issue_ck, 32460);
  EXPECT_EQ(r.end_ck, 32525);
}

// The write queue: 4 burst slots here (dram.write_queue_high_bursts = 4), drained whole.
DramSpec lp4_write_queue(int high, int low) {
  DramSpec d = lp4();
  d.write_queue_high_bursts = high;
  d.write_queue_low_bursts = low;
  return d;
}

TEST(DramTiming, WriteQueueDrainsAtItsHighWatermark) {
  DramTiming dram(lp4_write_queue(4, 0));
  for (uint64_t i = 0; i < 3; ++i) {  // posted: done at arrival, nothing issued yet
    const auto r = dram.access(0, 32 * i, 32, true);
    EXPECT_EQ(r.end_ck, 0);
    EXPECT_EQ(r.commands.act + r.commands.wr, 0u);
  }
  // The fourth fills the queue: ACT 0, WR 29, 37, 45, 53 (tCCD 8); data ends 51, 59, 67, 75.
  const auto r = dram.access(0, 96, 32, true);
  EXPECT_EQ(r.end_ck, 0);
  EXPECT_EQ(r.commands.act, 1u);
  EXPECT_EQ(r.commands.wr, 4u);
  EXPECT_EQ(r.row_misses, 1u);
  EXPECT_EQ(r.row_hits, 3u);
  // A fifth write takes the slot of the first, free once its data is written at 51.
  EXPECT_EQ(dram.access(0, 128, 32, true).end_ck, 51);
  // A read to the open row: its RD waits for the last write data (75) + tWTR 16 = 91.
  const auto rd = dram.access(0, 512, 32, false);
  EXPECT_EQ(rd.issue_ck, 91);
  EXPECT_EQ(rd.end_ck, 127);
  EXPECT_EQ(dram.commands().wr, 4u);  // the fifth write still waits in the queue
}

TEST(DramTiming, WriteQueueLowWatermarkKeepsTheNewestWrites) {
  DramTiming dram(lp4_write_queue(4, 2));
  for (uint64_t i = 0; i < 3; ++i) dram.access(0, 32 * i, 32, true);
  const auto r = dram.access(0, 96, 32, true);  // drains the two oldest: WR 29, 37
  EXPECT_EQ(r.commands.wr, 2u);
  // Data of the second write ends 59: a request after it finds the channel idle and the two
  // newest writes drained first (WR 59 and 67), billed to that request.
  const auto later = dram.access(100 * 0.625 * kNs, kBankStride, 32, false);
  EXPECT_EQ(later.commands.wr, 2u);
  EXPECT_EQ(dram.commands().wr, 4u);
  dram.background_until(1e-6);  // accounting only: issues nothing
  EXPECT_EQ(dram.commands().wr, 4u);
}

TEST(DramTiming, ReadsGoAheadOfQueuedWrites) {
  DramTiming dram(lp4_write_queue(4, 0));
  dram.access(0, 0, 32, true);  // queued
  // Bank 1 read at once: ACT 0, RD 29, data ends 29 + 28 + 8 = 65 (no tWTR: no write yet).
  const auto rd = dram.access(0, kBankStride, 32, false);
  EXPECT_EQ(rd.issue_ck, 0);
  EXPECT_EQ(rd.end_ck, 65);
  EXPECT_EQ(dram.commands().wr, 0u);
  // A request after the channel went idle (65) finds the write drained from 65: ACT 65 (tRRD
  // kept), WR 94, data 108 .. 116; the read to its row then waits 116 + tWTR 16 = 132.
  const auto r = dram.access(100 * 0.625 * kNs, 32, 32, false);
  EXPECT_EQ(r.commands.wr, 1u);
  EXPECT_EQ(r.issue_ck, 132);
  EXPECT_EQ(r.end_ck, 168);
}

TEST(DramTiming, ReadOfAQueuedWriteIsServedFromTheQueue) {
  DramTiming dram(lp4_write_queue(4, 0));
  dram.access(0, 0, 64, true);  // two bursts queued
  const auto hit = dram.access(0, 32, 32, false);  // all its bytes are in the queue
  EXPECT_EQ(hit.end_ck, 0);
  EXPECT_EQ(hit.commands.act + hit.commands.rd + hit.commands.wr, 0u);
  // [32, 96) overlaps the write in part: the write goes first (ACT 0, WR 29, 37, data to 59),
  // then RD at 59 + tWTR 16 = 75 and 83, data ends 83 + 28 + 8 = 119.
  const auto r = dram.access(0, 32, 64, false);
  EXPECT_EQ(r.commands.wr, 2u);
  EXPECT_EQ(r.commands.rd, 2u);
  EXPECT_EQ(r.issue_ck, 75);
  EXPECT_EQ(r.end_ck, 119);
}

TEST(DramTiming, WriteLargerThanTheQueueGoesDirectly) {
  DramTiming dram(lp4_write_queue(4, 0));
  // Eight bursts do not fit four slots: ACT 0, WR 29 + 8 i, data ends 85 + 14 + 8 = 107.
  const auto r = dram.access(0, 0, 256, true);
  EXPECT_EQ(r.commands.wr, 8u);
  EXPECT_EQ(r.end_ck, 107);
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
