// SPDX-License-Identifier: MIT
// A shared cache level by hand: hits, misses fetched from below, write-allocate without a fetch,
// dirty write-backs on eviction, LRU order, and clusters that do not share it passing through.
#include <gtest/gtest.h>

#include <vector>

#include "models/shared_cache_timing.h"

namespace blsim {
namespace {

// Records every access that reaches it; each takes 100 ns from its arrival.
class RecordingMemory : public LowerMemory {
 public:
  struct Access {
    double arrival_s;
    uint64_t addr, bytes;
    bool write;
  };
  TransferResult access(double arrival_s, ClusterIndex, uint64_t addr, uint64_t bytes,
                        bool write) override {
    log.push_back({arrival_s, addr, bytes, write});
    TransferResult r;
    r.done_s = arrival_s + 100e-9;
    (write ? r.dram_write_bytes : r.dram_read_bytes) = bytes;
    return r;
  }
  std::vector<Access> log;
};

// 4 blocks of 4 KiB, 4 GB/s (1 ns per 4 bytes), 10 ns hit latency, shared by cluster 0 only.
SharedCacheSpec four_blocks() {
  SharedCacheSpec s;
  s.name = "l3";
  s.bytes = 4 * kCacheBlockBytes;
  s.shared_by = {0};
  s.bandwidth_bytes_per_s = 4e9;
  s.latency_s = 10e-9;
  s.pj_per_byte = 1;
  return s;
}

TEST(SharedCache, MissFetchesFromBelowThenHits) {
  RecordingMemory dram;
  SharedCacheTiming cache(four_blocks(), 1);
  cache.connect(dram);
  const TransferResult miss = cache.access(0, 0, 0, 8192, false);
  ASSERT_EQ(dram.log.size(), 1u);
  EXPECT_EQ(dram.log[0].bytes, 8192u);
  EXPECT_NEAR(dram.log[0].arrival_s, 10e-9, 1e-15);     // after the lookup
  // The port streams 8 KiB in 2048 ns, longer than the fill from below (10 + 100 ns).
  EXPECT_NEAR(miss.done_s, 2048e-9 + 10e-9, 1e-15);
  EXPECT_EQ(miss.dram_read_bytes, 8192u);
  EXPECT_EQ(miss.cache_bytes[1], 8192u);
  // The same bytes again: a hit, no access below.
  const TransferResult hit = cache.access(10e-6, 0, 0, 8192, false);
  EXPECT_EQ(dram.log.size(), 1u);
  EXPECT_EQ(hit.dram_read_bytes, 0u);
  EXPECT_NEAR(hit.done_s, 10e-6 + 2048e-9 + 10e-9, 1e-15);
  EXPECT_EQ(cache.hit_bytes(), 8192u);
  EXPECT_EQ(cache.miss_bytes(), 8192u);
}

TEST(SharedCache, WritesAllocateAndDirtyBlocksAreWrittenBackWhenEvicted) {
  RecordingMemory dram;
  SharedCacheTiming cache(four_blocks(), 0);
  cache.connect(dram);
  cache.access(0, 0, 0, kCacheBlockBytes, true);  // block 0, dirty, no fetch
  EXPECT_TRUE(dram.log.empty());
  cache.access(1e-6, 0, 1 * kCacheBlockBytes, 3 * kCacheBlockBytes, false);  // blocks 1..3
  ASSERT_EQ(dram.log.size(), 1u);
  // Block 4 evicts the least recent, block 0, which is dirty: one 4 KiB write-back.
  const TransferResult r = cache.access(2e-6, 0, 4 * kCacheBlockBytes, kCacheBlockBytes, false);
  ASSERT_EQ(dram.log.size(), 3u);
  EXPECT_TRUE(dram.log[1].write);
  EXPECT_EQ(dram.log[1].addr, 0u);
  EXPECT_EQ(dram.log[1].bytes, kCacheBlockBytes);
  EXPECT_EQ(r.dram_write_bytes, kCacheBlockBytes);
  EXPECT_EQ(r.dram_read_bytes, kCacheBlockBytes);
  // Blocks 1..4 are resident now, block 0 is not.
  cache.access(3e-6, 0, 1 * kCacheBlockBytes, 4 * kCacheBlockBytes, false);
  EXPECT_EQ(dram.log.size(), 3u);
  cache.access(4e-6, 0, 0, 1, false);
  EXPECT_EQ(dram.log.size(), 4u);
}

TEST(SharedCache, ALoopLargerThanTheLevelNeverHits) {
  RecordingMemory dram;
  SharedCacheTiming cache(four_blocks(), 0);
  cache.connect(dram);
  for (int pass = 0; pass < 3; ++pass) {
    cache.access(pass * 1e-5, 0, 0, 5 * kCacheBlockBytes, false);  // 5 blocks through 4
  }
  EXPECT_EQ(cache.hit_bytes(), 0u);
  EXPECT_EQ(cache.miss_bytes(), 15 * kCacheBlockBytes);
}

TEST(SharedCache, ClustersThatDoNotShareItPassStraightThrough) {
  RecordingMemory dram;
  SharedCacheTiming cache(four_blocks(), 0);
  cache.connect(dram);
  for (int i = 0; i < 2; ++i) {
    const TransferResult r = cache.access(i * 1e-6, 1, 0, 4096, false);
    EXPECT_NEAR(r.done_s, i * 1e-6 + 100e-9, 1e-15);
    EXPECT_EQ(r.cache_bytes[0], 0u);
  }
  EXPECT_EQ(dram.log.size(), 2u);
  EXPECT_EQ(cache.bytes_moved(), 0u);
}

}  // namespace
}  // namespace blsim
