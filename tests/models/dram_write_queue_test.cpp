// SPDX-License-Identifier: MIT
// The controller's write queue by hand, in DRAM clocks: drains at the high and low watermarks,
// reads ahead of queued writes, reads served from the queue, writes larger than the queue.
#include <gtest/gtest.h>

#include "models/dram_timing.h"
#include "tests/models/dram_test_spec.h"

namespace blsim {
namespace {

using namespace dram_test;

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

TEST(DramTiming, WriteTooLargeForTheSlotsLeftWaitsForTheOldestToDrain) {
  DramTiming dram(lp4_write_queue(4, 0));
  EXPECT_EQ(dram.access(0, 0, 96, true).end_ck, 0);  // three bursts queued, one slot left
  // Three more do not fit: the queued write is issued first (ACT 0, WR 29, 37, 45, data ends
  // 45 + 14 + 8 = 67) and frees its slots; the new write takes the free slot and two of those,
  // so the queue takes it at 67. It stays queued (three bursts, below the watermark).
  const auto r = dram.access(0, 96, 96, true);
  EXPECT_EQ(r.end_ck, 67);
  EXPECT_EQ(r.commands.act, 1u);
  EXPECT_EQ(r.commands.wr, 3u);
  EXPECT_EQ(dram.commands().wr, 3u);
}

TEST(DramTiming, WriteLargerThanTheQueueGoesDirectly) {
  DramTiming dram(lp4_write_queue(4, 0));
  // Eight bursts do not fit four slots: ACT 0, WR 29 + 8 i, data ends 85 + 14 + 8 = 107.
  const auto r = dram.access(0, 0, 256, true);
  EXPECT_EQ(r.commands.wr, 8u);
  EXPECT_EQ(r.end_ck, 107);
}

}  // namespace
}  // namespace blsim
