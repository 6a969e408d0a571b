// SPDX-License-Identifier: MIT
// How data reaches memory. A cluster sees a MemoryPort: one call per transaction (a tile, never a
// burst), issued at an absolute time, returning when its data is done and what it cost on the
// way (DRAM commands and bytes, bytes in each shared cache level). Below the interconnect, each
// shared cache level and the DRAM are a LowerMemory, which also learns the requesting cluster
// (a cache level serves only the clusters that share it). The SystemC modules implement both
// over TLM; the fast-path estimate chains the plain timing models directly.
#pragma once

#include <array>
#include <cstdint>

#include "energy/dram_power.h"
#include "models/soc_spec.h"

namespace blsim {

struct TransferResult {
  double done_s = 0;
  DramCommandCounts commands;
  uint64_t dram_read_bytes = 0;   // including fills this transaction caused
  uint64_t dram_write_bytes = 0;  // including write-backs this transaction caused
  std::array<uint64_t, kMaxCacheLevels> cache_bytes{};  // bytes each shared level moved

  // Adds the costs (not the time) of a transaction made on this one's behalf.
  void add_costs(const TransferResult& o) {
    commands += o.commands;
    dram_read_bytes += o.dram_read_bytes;
    dram_write_bytes += o.dram_write_bytes;
    for (size_t i = 0; i < cache_bytes.size(); ++i) cache_bytes[i] += o.cache_bytes[i];
  }
};

class MemoryPort {
 public:
  virtual ~MemoryPort() = default;
  virtual TransferResult transfer(double issue_s, uint64_t addr, uint64_t bytes, bool write) = 0;
};

class LowerMemory {
 public:
  virtual ~LowerMemory() = default;
  virtual TransferResult access(double arrival_s, ClusterIndex cluster, uint64_t addr,
                                uint64_t bytes, bool write) = 0;
};

}  // namespace blsim
