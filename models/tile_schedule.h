// SPDX-License-Identifier: MIT
// One layer executed as tiles with double buffering: the DMA fetches tile i+1 while the cores
// compute tile i (so compute and transfer overlap and the slower one sets the pace), and each
// tile's output is written back after it is computed. Weights and inputs stream as one sequence
// cut into tiles of at most tile_bytes; every tile is one transaction per region it touches.
#pragma once

#include <array>
#include <cstdint>

#include "energy/dram_power.h"
#include "models/layer_plan.h"
#include "models/memory_port.h"

namespace blsim {

struct LayerRun {
  double start_s = 0;
  double end_s = 0;
  double compute_s = 0;
  uint64_t noc_bytes = 0;         // requested by the cluster: what crosses the interconnect
  uint64_t dram_read_bytes = 0;   // what reached DRAM (less than requested when a cache hits)
  uint64_t dram_write_bytes = 0;
  uint64_t transactions = 0;
  DramCommandCounts commands;
  std::array<uint64_t, kMaxCacheLevels> cache_bytes{};

  double time_s() const { return end_s - start_s; }
};

LayerRun run_layer_tiles(double start_s, double compute_s, const LayerTraffic& traffic,
                         uint64_t tile_bytes, MemoryPort& port);

}  // namespace blsim
