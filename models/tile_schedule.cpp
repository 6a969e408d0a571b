// SPDX-License-Identifier: MIT
#include "models/tile_schedule.h"

#include <algorithm>

namespace blsim {
namespace {

uint64_t ceil_div(uint64_t a, uint64_t b) { return (a + b - 1) / b; }

// Byte range [begin, end) of tile i when `total` bytes are cut into n near-equal tiles.
uint64_t tile_begin(uint64_t total, uint64_t n, uint64_t i) { return total * i / n; }

class TileIo {
 public:
  TileIo(MemoryPort& port, LayerRun& run, double ceiling_bytes_per_s)
      : port_(port), run_(run), ceiling_bytes_per_s_(ceiling_bytes_per_s) {}

  // Transfers [begin, end) of the stream weights-then-inputs; returns when the data is in.
  double read(double issue_s, const LayerTraffic& t, uint64_t begin, uint64_t end) {
    double done_s = issue_s;
    const uint64_t w = t.weight_read_bytes;
    if (begin < w) done_s = std::max(done_s, move(issue_s, t.weight_addr + begin, std::min(end, w) - begin, false));
    if (end > w) {
      const uint64_t b = std::max(begin, w) - w;
      done_s = std::max(done_s, move(issue_s, t.input_addr + b, end - w - b, false));
    }
    return done_s;
  }

  double move(double issue_s, uint64_t addr, uint64_t bytes, bool write) {
    if (bytes == 0) return issue_s;
    const TransferResult r = port_.transfer(issue_s, addr, bytes, write);
    double done_s = r.done_s;
    if (ceiling_bytes_per_s_ > 0) {
      // The cores' line fills in flight are one pipe shared by every transfer of the layer.
      const double start_s = std::max(issue_s, ceiling_free_s_);
      ceiling_free_s_ = start_s + static_cast<double>(bytes) / ceiling_bytes_per_s_;
      done_s = std::max(done_s, ceiling_free_s_);
    }
    run_.commands += r.commands;
    ++run_.transactions;
    run_.noc_bytes += bytes;
    run_.dram_read_bytes += r.dram_read_bytes;
    run_.dram_write_bytes += r.dram_write_bytes;
    for (size_t i = 0; i < run_.cache_bytes.size(); ++i) run_.cache_bytes[i] += r.cache_bytes[i];
    return done_s;
  }

 private:
  MemoryPort& port_;
  LayerRun& run_;
  double ceiling_bytes_per_s_;
  double ceiling_free_s_ = 0;
};

}  // namespace

LayerRun run_layer_tiles(double start_s, const LayerWork& work, const LayerTraffic& traffic,
                         uint64_t tile_bytes, MemoryPort& port) {
  LayerRun run;
  run.start_s = start_s;
  run.compute_s = work.compute_s;
  TileIo io(port, run, work.ceiling_bytes_per_s);
  const uint64_t read_total = traffic.weight_read_bytes + traffic.input_read_bytes;
  const uint64_t write_total = traffic.output_write_bytes;
  const uint64_t n = std::max<uint64_t>(
      {1, ceil_div(read_total, tile_bytes), ceil_div(write_total, tile_bytes)});
  const double tile_compute_s = std::max(work.compute_s, work.core_s) / static_cast<double>(n);

  double loaded_s = io.read(start_s, traffic, 0, tile_begin(read_total, n, 1));
  double computed_s = start_s;  // end of the previous tile's compute
  double written_s = start_s;
  for (uint64_t i = 0; i < n; ++i) {
    const double compute_start_s = std::max(loaded_s, computed_s);
    double next_loaded_s = compute_start_s;
    if (i + 1 < n) {
      // The buffer for tile i+1 is the one tile i-1 used: free once tile i-1 is computed.
      const double issue_s = std::max(loaded_s, computed_s);
      next_loaded_s = io.read(issue_s, traffic, tile_begin(read_total, n, i + 1),
                              tile_begin(read_total, n, i + 2));
    }
    computed_s = compute_start_s + tile_compute_s;
    const uint64_t wb = tile_begin(write_total, n, i);
    const uint64_t we = tile_begin(write_total, n, i + 1);
    written_s = std::max(written_s, io.move(computed_s, traffic.output_addr + wb, we - wb, true));
    loaded_s = next_loaded_s;
  }
  run.end_s = std::max(computed_s, written_s);
  return run;
}

}  // namespace blsim
