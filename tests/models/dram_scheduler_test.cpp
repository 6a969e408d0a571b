// SPDX-License-Identifier: MIT
// FR-FCFS booking order (schedule_fr_fcfs) by hand, in DRAM clocks of the LPDDR4-3200 test device
// (dram_test_spec.h): RL 28, BL16 = 8 clocks of data, tCCD 8, tRCD = tRP = 29, tRAS 68, tRTP 12.
// A, B, C are 32-byte reads: A and C in row 0 of bank 0, B in row 1 of bank 0.
#include <gtest/gtest.h>

#include <array>
#include <vector>

#include "models/dram_scheduler.h"
#include "tests/models/dram_test_spec.h"

namespace blsim {
namespace {

using namespace dram_test;

DramRequest read(int64_t arrival_ck, uint64_t addr, uint64_t bytes = 32) {
  return {arrival_ck, addr, bytes, false};
}

// The same requests booked one call at a time, in arrival order.
std::vector<DramRequestTimes> in_arrival_order(const DramSpec& spec,
                                               const std::vector<DramRequest>& requests) {
  DramTiming dram(spec);
  std::vector<DramRequestTimes> out;
  for (const auto& r : requests) {
    const DramAccessResult a =
        dram.access(static_cast<double>(r.arrival_ck) * spec.tck_s(), r.addr, r.bytes, r.write);
    out.push_back({a.issue_ck, a.end_ck});
  }
  return out;
}

void expect_same(const std::vector<DramRequestTimes>& a, const std::vector<DramRequestTimes>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].issue_ck, b[i].issue_ck) << i;
    EXPECT_EQ(a[i].end_ck, b[i].end_ck) << i;
  }
}

// A request's first command and last data beat.
void expect_clocks(const DramRequestTimes& t, int64_t issue_ck, int64_t end_ck) {
  EXPECT_EQ(t.issue_ck, issue_ck);
  EXPECT_EQ(t.end_ck, end_ck);
}

TEST(DramScheduler, RowHitPassesAnOlderConflictInItsBank) {
  // A: ACT 0, RD 29, data until 65. C hits A's row: RD at 29 + tCCD = 37, data until 73. B then
  // precharges at tRAS = 68, ACT 97, RD 126, data until 162. In arrival order C would reopen row
  // 0 after B: PRE 165, ACT 194, RD 223, data until 259.
  const std::vector<DramRequest> reqs = {read(0, 0), read(0, kRowStride), read(0, 32)};
  DramTiming dram(lp4());
  const auto r = schedule_fr_fcfs(dram, reqs);
  expect_clocks(r[0], 0, 65);
  expect_clocks(r[2], 37, 73);
  expect_clocks(r[1], 68, 162);
  EXPECT_EQ(dram.row_hits(), 1u);
  EXPECT_EQ(dram.row_conflicts(), 1u);
  EXPECT_EQ(in_arrival_order(lp4(), reqs)[2].end_ck, 259);
}

TEST(DramScheduler, ARowARefreshClosedIsNoHit) {
  // A opens row 0 of bank 0. B (bank 1) and C (row 0 of bank 0) arrive at 6300, inside the
  // all-bank refresh 6246..6694, which closed A's row: C is a miss like B, both banks are ready
  // at 6694, and the older goes first: B ACT 6694, RD 6723, data until 6759; C ACT 6694 + tRRD
  // = 6710, RD 6739, data until 6775. (Taken for a hit on the row A left open, C went first.)
  const std::vector<DramRequest> reqs = {read(0, 0), read(6300, kBankStride), read(6300, 32)};
  DramTiming dram(lp4());
  const auto r = schedule_fr_fcfs(dram, reqs);
  expect_clocks(r[1], 6694, 6759);
  expect_clocks(r[2], 6710, 6775);
  EXPECT_EQ(dram.row_hits(), 0u);
  expect_same(r, in_arrival_order(lp4(), reqs));
}

TEST(DramScheduler, OnlyRequestsArrivedBeforeTheBankIsReadyPass) {
  // B's bank is ready for its ACT at 97. C arriving at 50 is queued by then and passes (RD at 50,
  // data until 86); C arriving at 200 comes after B, as in arrival order, and reopens row 0:
  // PRE 200, ACT 229, RD 258, data until 294.
  {
    DramTiming dram(lp4());
    const auto r = schedule_fr_fcfs(dram, {read(0, 0), read(0, kRowStride), read(50, 32)});
    EXPECT_EQ(r[2].issue_ck, 50);
    EXPECT_EQ(r[2].end_ck, 86);
    EXPECT_EQ(r[1].end_ck, 162);
  }
  const std::vector<DramRequest> late = {read(0, 0), read(0, kRowStride), read(200, 32)};
  DramTiming dram(lp4());
  const auto r = schedule_fr_fcfs(dram, late);
  EXPECT_EQ(r[2].end_ck, 294);
  expect_same(r, in_arrival_order(lp4(), late));
}

TEST(DramScheduler, AFullQueueHoldsTheRestBack) {
  // A queue of one burst holds one request: nothing passes, C waits for B (data until 259).
  DramSpec spec = lp4();
  spec.queue_bursts = 1;
  const std::vector<DramRequest> reqs = {read(0, 0), read(0, kRowStride), read(0, 32)};
  DramTiming dram(spec);
  const auto r = schedule_fr_fcfs(dram, reqs);
  EXPECT_EQ(r[2].end_ck, 259);
  expect_same(r, in_arrival_order(spec, reqs));
}

TEST(DramScheduler, ARequestAcrossTwoRowsKeepsArrivalOrder) {
  // S ends bank 0's row 0 and starts bank 1's: nothing is queued with it, so C, queued after S,
  // cannot pass B (as it does in RowHitPassesAnOlderConflictInItsBank).
  const std::vector<DramRequest> reqs = {read(0, 0), read(0, kRowStride), read(0, kRow - 32, 64),
                                         read(0, 32)};
  DramTiming dram(lp4());
  const auto r = schedule_fr_fcfs(dram, reqs);
  EXPECT_GT(r[3].end_ck, r[1].end_ck);
  expect_same(r, in_arrival_order(lp4(), reqs));
}

TEST(DramScheduler, WritesKeepTheirOrderWithReadsOfTheirRow) {
  // W writes A's bytes after A: the read R of those bytes stays after W, as one row keeps order.
  const std::vector<DramRequest> reqs = {read(0, 0), read(0, kRowStride), {0, 0, 32, true},
                                         read(0, 0)};
  DramTiming dram(lp4());
  const auto r = schedule_fr_fcfs(dram, reqs);
  EXPECT_LT(r[2].issue_ck, r[3].issue_ck);
  EXPECT_LT(r[3].end_ck, r[1].end_ck);  // both pass the conflict
}

TEST(DramScheduler, ManyQueuedAtOneBankServeTheirHitsOldestFirstThenTheirConflicts) {
  // A opens row 0; then eight reads to bank 0 alternate row 1 (conflicts) and row 0 (hits), all
  // queued with A. The four hits follow A in age order, a tCCD apart: RD 37, 45, 53, 61. Then the
  // four conflicts, oldest first: PRE at the last RD + tRTP = 73, ACT 102, RD 131, 139, 147, 155.
  std::vector<DramRequest> reqs = {read(0, 0)};
  for (uint64_t k = 1; k <= 4; ++k) {
    reqs.push_back(read(0, kRowStride + 32 * k));
    reqs.push_back(read(0, 32 * k));
  }
  DramTiming dram(lp4());
  const auto r = schedule_fr_fcfs(dram, reqs);
  for (int k = 0; k < 4; ++k) {
    EXPECT_EQ(r[2 + 2 * k].issue_ck, 37 + 8 * k) << k;  // the hits
    EXPECT_EQ(r[1 + 2 * k].end_ck, 131 + 8 * k + 28 + 8) << k;  // the conflicts
  }
  EXPECT_EQ(r[1].issue_ck, 73);  // its PRE
  EXPECT_EQ(dram.row_hits(), 7u);
  EXPECT_EQ(dram.row_conflicts(), 1u);
}

// Address map, low to high bits: column, channel, bank, rank, row (with shifts for powers of two,
// divisions otherwise).
TEST(DramScheduler, PlaceFollowsTheAddressMap) {
  for (const int channels : {2, 3}) {
    DramSpec spec = lp4();
    spec.channels = channels;
    spec.ranks = 2;
    const DramTiming dram(spec);
    const uint64_t ch = static_cast<uint64_t>(channels);
    for (const auto& [channel, bank, rank, row] :
         std::vector<std::array<uint64_t, 4>>{{0, 0, 0, 0}, {1, 5, 1, 7}, {ch - 1, 7, 0, 3}}) {
      const uint64_t addr = (((row * 2 + rank) * 8 + bank) * ch + channel) * kRow + 96;
      const DramTiming::Place p = dram.place_of(addr);
      EXPECT_EQ(p.bank, (channel * 2 + rank) * 8 + bank) << channels << " " << addr;
      EXPECT_EQ(p.row, static_cast<int64_t>(row)) << channels << " " << addr;
    }
  }
}

TEST(DramScheduler, ReportsProgressEvery4096RequestsEachLargeOneAndTheEnd) {
  std::vector<DramRequest> reqs;
  for (int64_t i = 0; i < 10000; ++i) reqs.push_back(read(i * 16, static_cast<uint64_t>(i) * 64));
  reqs.push_back(read(200000, 0, uint64_t{1} << 20));  // 1 MiB: reported on its own
  reqs.push_back(read(300000, 0));
  DramTiming dram(lp4());
  std::vector<size_t> calls;
  const auto times = schedule_fr_fcfs(dram, reqs, [&](size_t booked) { calls.push_back(booked); });
  EXPECT_EQ(calls, (std::vector<size_t>{4096, 8192, 10001, 10002}));
  // The same bookings as without a callback.
  DramTiming plain(lp4());
  expect_same(times, schedule_fr_fcfs(plain, reqs));
}

}  // namespace
}  // namespace blsim
