// SPDX-License-Identifier: MIT
// How a layer reaches memory: one call per transaction (a tile, never a burst), issued at an
// absolute time, returning when its data is done and which DRAM commands it caused. The SystemC
// cluster implements it over TLM; the fast-path estimator over the plain timing models.
#pragma once

#include <cstdint>

#include "energy/dram_power.h"

namespace blsim {

struct TransferResult {
  double done_s = 0;
  DramCommandCounts commands;
};

class MemoryPort {
 public:
  virtual ~MemoryPort() = default;
  virtual TransferResult transfer(double issue_s, uint64_t addr, uint64_t bytes, bool write) = 0;
};

}  // namespace blsim
