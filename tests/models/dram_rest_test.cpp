// SPDX-License-Identifier: MIT
// LPDDR timing by hand, in DRAM clocks, for the memory at rest: power-down and self-refresh
// exits, all-bank and per-bank refresh (single banks and bank pairs), ranks refreshing in turn,
// background residency.
#include <gtest/gtest.h>

#include "models/dram_timing.h"
#include "tests/models/dram_test_spec.h"

namespace blsim {
namespace {

using namespace dram_test;

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

TEST(DramTiming, TwoRanksOfAChannelRefreshInTurn) {
  auto spec = lp4();
  spec.ranks = 2;  // rank = (addr / 16384) % 2: rank 1 from kRowStride on
  spec.powerdown_idle_s = 1;
  DramTiming dram(spec);
  const double ck = 0.625 * kNs;
  // Rank r refreshes from (r + 1) x 6246 / 2 on, every 6246: rank 0 at 3123 (to 3571), rank 1
  // at 6246 (to 6694). At 3200 rank 1 is free: ACT 3200, RD 3229, data ends 3229 + 28 + 8.
  auto r = dram.access(3200 * ck, kRowStride, 32, false);
  EXPECT_EQ(r.issue_ck, 3200);
  EXPECT_EQ(r.end_ck, 3265);
  // Rank 0 waits for its refresh: ACT 3571, RD 3600, data ends 3636.
  r = dram.access(3200 * ck, 0, 32, false);
  EXPECT_EQ(r.issue_ck, 3571);
  EXPECT_EQ(r.end_ck, 3636);
  // At 6300 it is rank 1 that refreshes: its bank 1 (a miss) waits to 6694, rank 0's does not.
  r = dram.access(6300 * ck, kRowStride + kBankStride, 32, false);
  EXPECT_EQ(r.issue_ck, 6694);
  EXPECT_EQ(r.end_ck, 6759);
  r = dram.access(6300 * ck, kBankStride, 32, false);
  EXPECT_EQ(r.issue_ck, 6300);
  EXPECT_EQ(r.end_ck, 6365);
  // Refreshes before 16000: rank 0 at 3123, 9369, 15615; rank 1 at 6246, 12492.
  EXPECT_EQ(dram.background_until(16000 * ck).refreshes, 5u);
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

}  // namespace
}  // namespace blsim
