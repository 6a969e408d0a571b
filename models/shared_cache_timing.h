// SPDX-License-Identifier: MIT
// A shared cache level (a DSU L3, a system-level cache) as plain C++, used by the SystemC module
// and by the fast-path estimate alike.
// Residency model: the level holds DRAM addresses in 4 KiB blocks, fully associative with LRU
// replacement, for every cluster in its shared_by list (other clusters pass straight through).
// A read of a resident block hits; a read miss fetches the whole missing blocks from the level
// below and installs them; a write allocates its blocks without a fetch (activations are
// written whole; the untouched rest of a block at a buffer's edge is not modelled) and marks
// them dirty; evicting a dirty block writes it back below at that moment, on behalf
// of the transaction that evicted it. Weights, activations and network inputs are all just
// addresses: a network whose weights fit stays resident across layers and inferences until
// other data pushes it out; one larger than the level evicts its own first blocks before they
// are reused (LRU on a loop), so it never hits. Contents are kept while clusters sleep (the
// level's power is not gated in this model). Timing: every byte that a transaction reads or
// writes in the array occupies its port for bytes / bandwidth; a hit adds the level's latency.
#pragma once

#include <cstdint>
#include <list>
#include <unordered_map>

#include "models/interconnect_timing.h"
#include "models/memory_port.h"
#include "models/soc_spec.h"

namespace blsim {

constexpr uint64_t kCacheBlockBytes = 4096;

class SharedCacheTiming : public LowerMemory {
 public:
  // `level` is the index of this level in SocSpec::caches (its slot in TransferResult).
  SharedCacheTiming(const SharedCacheSpec& spec, size_t level);

  // The level below: the next shared level or DRAM. Must be set before the first access.
  void connect(LowerMemory& below) { below_ = &below; }

  TransferResult access(double arrival_s, ClusterIndex cluster, uint64_t addr, uint64_t bytes,
                        bool write) override;

  uint64_t bytes_moved() const { return bytes_moved_; }  // hits, fills, write-backs
  uint64_t hit_bytes() const { return hit_bytes_; }
  uint64_t miss_bytes() const { return miss_bytes_; }
  const SharedCacheSpec& spec() const { return spec_; }

 private:
  struct Block {
    std::list<uint64_t>::iterator lru;
    bool dirty = false;
  };
  bool touch(uint64_t block, bool write);     // true when resident (moved to most recent)
  void install(uint64_t block, bool dirty, double at_s, ClusterIndex cluster,
               TransferResult& result);        // evicts the least recent blocks as needed

  SharedCacheSpec spec_;
  size_t level_;
  uint64_t capacity_blocks_;
  InterconnectTiming port_;
  LowerMemory* below_ = nullptr;
  std::list<uint64_t> lru_;  // most recent first
  std::unordered_map<uint64_t, Block> blocks_;
  uint64_t bytes_moved_ = 0, hit_bytes_ = 0, miss_bytes_ = 0;
};

}  // namespace blsim
