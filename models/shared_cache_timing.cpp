// SPDX-License-Identifier: MIT
#include "models/shared_cache_timing.h"

#include <algorithm>
#include <stdexcept>

namespace blsim {

SharedCacheTiming::SharedCacheTiming(const SharedCacheSpec& spec, size_t level)
    : spec_(spec),
      level_(level),
      capacity_blocks_(spec.bytes / kCacheBlockBytes),
      port_(InterconnectSpec{spec.bandwidth_bytes_per_s, spec.latency_s, spec.pj_per_byte}) {
  if (level >= kMaxCacheLevels) throw std::logic_error("too many shared cache levels");
}

bool SharedCacheTiming::touch(uint64_t block, bool write) {
  const auto it = blocks_.find(block);
  if (it == blocks_.end()) return false;
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  it->second.dirty = it->second.dirty || write;
  return true;
}

void SharedCacheTiming::install(uint64_t block, bool dirty, double at_s, ClusterIndex cluster,
                                TransferResult& result) {
  if (capacity_blocks_ == 0) return;
  while (blocks_.size() >= capacity_blocks_) {
    const uint64_t victim = lru_.back();
    const bool victim_dirty = blocks_.at(victim).dirty;
    lru_.pop_back();
    blocks_.erase(victim);
    if (victim_dirty) {
      // The write-back occupies this level's port and the memory below, but the transaction
      // that caused it does not wait for it.
      port_.reserve(at_s, kCacheBlockBytes);
      bytes_moved_ += kCacheBlockBytes;
      result.cache_bytes[level_] += kCacheBlockBytes;
      result.add_costs(below_->access(at_s, cluster, victim * kCacheBlockBytes,
                                      kCacheBlockBytes, true));
    }
  }
  lru_.push_front(block);
  blocks_.emplace(block, Block{lru_.begin(), dirty});
}

TransferResult SharedCacheTiming::access(double arrival_s, ClusterIndex cluster, uint64_t addr,
                                         uint64_t bytes, bool write) {
  if (!spec_.serves(cluster) || bytes == 0) return below_->access(arrival_s, cluster, addr, bytes, write);
  TransferResult result;
  // Every byte of the transaction is read or written in the array (a hit, or a fill / write).
  const double slot_start_s = port_.reserve(arrival_s, bytes);
  const double lookup_s = slot_start_s + spec_.latency_s;
  bytes_moved_ += bytes;
  result.cache_bytes[level_] += bytes;
  double done_s = port_.slot_end_s() + spec_.latency_s;

  // Walk the blocks; contiguous runs of missing read bytes are fetched as one transaction each.
  const uint64_t end = addr + bytes;
  uint64_t run_begin = 0, run_bytes = 0;
  auto fetch_run = [&]() {
    if (run_bytes == 0) return;
    const TransferResult r = below_->access(lookup_s, cluster, run_begin, run_bytes, false);
    result.add_costs(r);
    done_s = std::max(done_s, r.done_s);
    run_bytes = 0;
  };
  for (uint64_t block = addr / kCacheBlockBytes; block * kCacheBlockBytes < end; ++block) {
    const uint64_t b = std::max(addr, block * kCacheBlockBytes);
    const uint64_t e = std::min(end, (block + 1) * kCacheBlockBytes);
    if (touch(block, write)) {
      hit_bytes_ += e - b;
      fetch_run();
      continue;
    }
    miss_bytes_ += e - b;
    if (!write) {  // a read fills the whole block from below
      if (run_bytes == 0) run_begin = block * kCacheBlockBytes;
      run_bytes += kCacheBlockBytes;
    }
    install(block, write, lookup_s, cluster, result);
  }
  fetch_run();
  result.done_s = done_s;
  return result;
}

}  // namespace blsim
