// SPDX-License-Identifier: MIT
// Speed of the DRAM model (DramTiming::access): requests per second for sequential and random
// 64-byte streams (the random one writes one request in eight) and 4 KiB tiles on LPDDR4-3200
// (the shipped memspec on one x16 channel, its 32-burst write queue), arrivals spaced so that the
// queue stays full; and the random stream booked in FR-FCFS order (schedule_fr_fcfs), as
// `blsim dram` replays a trace.
// Target: >= 10 M requests per second, counted in 32-byte bursts for the tiles (128 a tile).
// Prints the median and best rate of each stream over five repetitions and the median's ratio to
// the target at the end, then the host's speed at a chain of dependent integer adds (one a clock
// on current x86 cores; best of five), so that rates from different machines can be compared in
// host clocks a request. Single-threaded.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "bench/dram_spec.h"
#include "models/dram_scheduler.h"
#include "models/dram_timing.h"

namespace blsim {
namespace {

// The shipped LPDDR4-3200 memspec (configs/dram/lpddr4-3200.ini, its 32-burst write queue
// included) on one channel and one rank, read as `blsim dram` reads it.
DramSpec lpddr4() { return shipped_dram_spec("lpddr4-3200.ini", 1, 1); }

// Rates of every repetition of each benchmark (the machine is shared and noisy: the summary
// gives the median and the best of them).
std::map<std::string, std::vector<double>>& rates() {
  static std::map<std::string, std::vector<double>> r;
  return r;
}

void run(benchmark::State& state, bool random, uint64_t bytes) {
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
}

// The random stream as `blsim dram` replays it: the whole stream given to schedule_fr_fcfs, which
// books the queued requests in FR-FCFS order (one iteration: 65,536 requests on a fresh memory).
void BM_Rand64Queued(benchmark::State& state) {
  const DramSpec spec = lpddr4();
  std::vector<DramRequest> requests;
  uint64_t x = 1;
  for (uint64_t i = 0; i < (uint64_t{1} << 16); ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto arrival = static_cast<int64_t>(static_cast<double>(i) * 64 / 6.4e9 / spec.tck_s());
    requests.push_back({arrival, ((x >> 20) % (uint64_t{1} << 24)) * 64, 64, (i & 7) == 7});
  }
  for (auto _ : state) {
    DramTiming dram(spec);
    benchmark::DoNotOptimize(schedule_fr_fcfs(dram, requests));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(requests.size()));
}

void BM_Seq64(benchmark::State& s) { run(s, false, 64); }
void BM_Rand64(benchmark::State& s) { run(s, true, 64); }
void BM_Tile4k(benchmark::State& s) { run(s, false, 4096); }
BENCHMARK(BM_Seq64);
BENCHMARK(BM_Rand64);
BENCHMARK(BM_Tile4k);
BENCHMARK(BM_Rand64Queued)->Unit(benchmark::kMillisecond);

class RateReporter : public benchmark::ConsoleReporter {
 public:
  explicit RateReporter(bool color) : ConsoleReporter(color ? OO_ColorTabular : OO_Tabular) {}
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs) {
      const auto it = r.counters.find("items_per_second");
      if (r.run_type == Run::RT_Iteration && it != r.counters.end()) {
        rates()[r.run_name.function_name].push_back(it->second);
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }
};

// Dependent adds a second (a clock proxy: each add waits for the one before), best of five runs
// of 2^28; 0 where the chain cannot be written (not x86-64).
double dependent_adds_per_second() {
#if defined(__x86_64__)
  constexpr uint64_t kAdds = uint64_t{1} << 28;
  double best = 0;
  for (int run = 0; run < 5; ++run) {
    uint64_t x = 0;
    const auto start = std::chrono::steady_clock::now();
    for (uint64_t i = 0; i < kAdds / 8; ++i) {  // eight a step, so that the loop's own count and
      __asm__ volatile(                          // branch stay off the chain's critical path
          "add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\t"
          "add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0"
          : "+r"(x));
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    benchmark::DoNotOptimize(x);
    best = std::max(best, static_cast<double>(kAdds) / took.count());
  }
  return best;
#else
  return 0;
#endif
}

}  // namespace
}  // namespace blsim

int main(int argc, char** argv) {
  // Five repetitions unless the command line asks otherwise.
  std::vector<char*> args(argv, argv + argc);
  std::string reps = "--benchmark_repetitions=5";
  bool has_reps = false;
  for (int i = 1; i < argc; ++i) has_reps |= std::string(argv[i]).rfind("--benchmark_repetitions", 0) == 0;
  if (!has_reps) args.push_back(reps.data());
  argc = static_cast<int>(args.size());
  argv = args.data();
  // Colours as Google Benchmark's own console: --benchmark_color=true|false, else (auto) only on
  // a terminal.
  bool color = isatty(fileno(stdout)) != 0;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i], flag = "--benchmark_color=";
    if (a.rfind(flag, 0) != 0) continue;
    const std::string v = a.substr(flag.size());
    if (v == "true" || v == "yes" || v == "1") color = true;
    if (v == "false" || v == "no" || v == "0") color = false;
  }
  benchmark::Initialize(&argc, argv);
  blsim::RateReporter reporter(color);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  constexpr double kTarget = 10e6;  // requests (tiles: bursts) per second
  for (auto [name, runs] : blsim::rates()) {
    if (runs.empty()) continue;
    std::sort(runs.begin(), runs.end());
    const bool tile = name.find("Tile") != std::string::npos;
    const double per = tile ? 128 : 1;  // a 4 KiB tile is 128 bursts of 32 bytes
    const double median = runs[runs.size() / 2] * per, best = runs.back() * per;
    std::printf("%-10s median %6.2f M %s/s (best of %zu: %6.2f M)  %.2fx the 10 M target (%s)\n",
                name.c_str(), median / 1e6, tile ? "bursts" : "requests", runs.size(), best / 1e6,
                median / kTarget, median >= kTarget ? "met" : "NOT met");
  }
  if (const double adds = blsim::dependent_adds_per_second(); adds > 0) {
    std::printf("host       %6.2f G dependent adds/s (a clock proxy)", adds / 1e9);
    const auto random = blsim::rates().find("BM_Rand64");
    if (random != blsim::rates().end() && !random->second.empty()) {
      std::vector<double> runs = random->second;
      std::sort(runs.begin(), runs.end());
      std::printf(": BM_Rand64's median is %.0f of them a request", adds / runs[runs.size() / 2]);
    }
    std::printf("\n");
  }
  benchmark::Shutdown();
  return 0;
}
