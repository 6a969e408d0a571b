// SPDX-License-Identifier: MIT
// Speed of the DRAM model (DramTiming::access): requests per second for sequential and random
// 64-byte streams (the random one writes one request in eight) and 4 KiB tiles on LPDDR4-3200
// (the shipped memspec on one x16 channel, its 32-burst write queue), arrivals spaced so that the queue stays full.
// Target: >= 10 M requests per second, counted in 32-byte bursts for the tiles (128 a tile).
// Prints the rate of each stream and its ratio to the target at the end. Single-threaded.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>

#include "models/dram_timing.h"
#include "sim/command_line.h"
#include "sim/config.h"
#include "sim/soc_config.h"

namespace blsim {
namespace {

// The shipped LPDDR4-3200 memspec (configs/dram/lpddr4-3200.ini, its 32-burst write queue
// included) on one channel and one rank, read as `blsim dram` reads it.
DramSpec lpddr4() {
  const Config cfg = load_config(
      blsim_options(), {default_soc_preset()},
      {"dram.memspec=" + blsim_home() + "/configs/dram/lpddr4-3200.ini", "dram.channels=1",
       "dram.ranks=1"},
      blsim_home());
  return soc_spec_from(cfg).dram;
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
