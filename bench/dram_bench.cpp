// SPDX-License-Identifier: MIT
// Speed of the DRAM model (DramTiming::access): requests per second for sequential and random
// 64-byte streams (the random one writes one request in eight) and 4 KiB tiles on LPDDR4-3200
// (one x16 channel, a 32-burst write queue), arrivals spaced so that the queue stays full.
// Target: >= 10 M requests per second, counted in 32-byte bursts for the tiles (128 a tile).
// Prints the rate of each stream and its ratio to the target at the end. Single-threaded.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>

#include "models/dram_timing.h"

namespace blsim {
namespace {

DramSpec lpddr4() {  // configs/dram/lpddr4-3200.ini
  DramSpec d;
  d.type = "LPDDR4-3200";
  d.data_rate_mtps = 3200;
  d.banks = 8;
  d.rows = 49152;
  d.columns = 1024;
  d.device_width_bits = 16;
  d.cl_ck = 28;
  d.wl_ck = 14;
  d.tccd_ck = 8;
  d.trcd_s = 18.125e-9;
  d.twr_s = 18.125e-9;
  d.trtp_s = 7.5e-9;
  d.trrd_s = 10e-9;
  d.tfaw_s = 40e-9;
  d.twtr_s = 10e-9;
  d.txp_s = 7.5e-9;
  d.txsr_s = 287.5e-9;
  d.cmd_ck = 4;
  d.trefi_s = 3903.75e-9;
  d.powerdown_idle_s = 1e-6;
  d.write_queue_high_bursts = 32;
  d.write_queue_low_bursts = 0;
  d.power.tck_s = 0.625e-9;
  d.power.burst_length = 16;
  d.power.tras_s = 42.5e-9;
  d.power.trp_s = 18.125e-9;
  d.power.trfc_s = 280e-9;
  d.power.trfcpb_s = 140e-9;
  return d;
}

std::map<std::string, double>& rates() {
  static std::map<std::string, double> r;
  return r;
}

void run(benchmark::State& state, const std::string& name, bool random, uint64_t bytes) {
  DramTiming dram(lpddr4());
  uint64_t x = 1, i = 0;
  double t = 0;
  for (auto _ : state) {
    uint64_t addr = i * bytes;
    if (random) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      addr = ((x >> 20) % (uint64_t{1} << 24)) * 64;
    }
    benchmark::DoNotOptimize(dram.access(t, addr, bytes, (i & 7) == 7 && random));
    t += static_cast<double>(bytes) / 6.4e9;  // arrivals at the channel's peak rate
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
  rates()[name] = 0;  // filled from the items counter in main
}

void BM_Seq64(benchmark::State& s) { run(s, "seq64", false, 64); }
void BM_Rand64(benchmark::State& s) { run(s, "rand64", true, 64); }
void BM_Tile4k(benchmark::State& s) { run(s, "tile4k", false, 4096); }
BENCHMARK(BM_Seq64);
BENCHMARK(BM_Rand64);
BENCHMARK(BM_Tile4k);

class RateReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs) {
      const auto it = r.counters.find("items_per_second");
      if (it != r.counters.end()) rates()[r.benchmark_name()] = it->second;
    }
    ConsoleReporter::ReportRuns(runs);
  }
};

}  // namespace
}  // namespace blsim

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  blsim::RateReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  constexpr double kTarget = 10e6;  // requests (tiles: bursts) per second
  for (const auto& [name, rate] : blsim::rates()) {
    if (rate <= 0) continue;
    const bool tile = name.find("Tile") != std::string::npos;
    const double units = tile ? rate * 128 : rate;  // a 4 KiB tile is 128 bursts of 32 bytes
    std::printf("%-10s %8.2f M %s/s  %.2fx the 10 M target (%s)\n", name.c_str(), units / 1e6,
                tile ? "bursts" : "requests", units / kTarget, units >= kTarget ? "met" : "NOT met");
  }
  benchmark::Shutdown();
  return 0;
}
