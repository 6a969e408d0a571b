// SPDX-License-Identifier: MIT
// One layer executed as tiles with double buffering: the DMA fetches tile i+1 while the cores
// compute tile i (so compute and transfer overlap and the slower one sets the pace), and each
// tile's output is written back after it is computed. No transfer finishes faster than the cores'
// memory-level parallelism allows (LayerWork::ceiling_bytes_per_s). Weights and inputs stream as one sequence
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

// What the cores need for a layer: arithmetic time, time the cores are occupied (at least the
// arithmetic; more when L2 bandwidth binds, plus the fork/join), and the ceiling on the bandwidth their line fills
// reach (memory-level parallelism and the cluster's port; 0: none), shared by all the layer's
// transfers.
struct LayerWork {
  double compute_s = 0;
  double core_s = 0;
  double ceiling_bytes_per_s = 0;
};

LayerRun run_layer_tiles(double start_s, const LayerWork& work, const LayerTraffic& traffic,
                         uint64_t tile_bytes, MemoryPort& port);

}  // namespace blsim
