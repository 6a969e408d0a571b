// SPDX-License-Identifier: MIT
// What the SoC simulation adds to a cascade run: the whole `blsim run` (no cache) against the
// functional pass of its networks alone over the same inputs (validation and test splits), both
// measured in this one process. Prints the ratio; the target is <= 1.5.
// Usage: run_bench [--cascade FILE]  (default: configs/cascade/mnist.ini)
#include <benchmark/benchmark.h>
#include <systemc>

#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "sim/cascade_spec.h"
#include "sim/command_line.h"
#include "sim/commands.h"
#include "sim/functional_pass.h"
#include "sim/soc_config.h"
#include "workloads/datasets/dataset.h"
#include "workloads/graph.h"

namespace {

std::string g_cascade;

void BM_FunctionalPass(benchmark::State& state) {
  const blsim::Config cfg =
      blsim::load_config(blsim::blsim_options(), {blsim::default_soc_preset(), g_cascade}, {},
                         blsim::blsim_home());
  const blsim::CascadeSpec spec = blsim::cascade_spec_from(cfg);
  const std::string dir = cfg.path(spec.dataset == "mnist" ? "data.mnist_dir" : "data.fashion_dir");
  for (auto _ : state) {
    // Same work as the run's functional pass: load, then every network on both splits.
    size_t samples = 0;
    for (const char* split : {"val", "test"}) {
      const blsim::Dataset data = blsim::load_dataset(spec.dataset, blsim::parse_split(split), dir);
      for (const auto& stage : spec.stages) {
        const blsim::Graph graph = blsim::Graph::load(stage.net_path);
        blsim::FunctionalPassOptions fp;
        fp.batch = spec.batch;
        fp.use_cache = false;
        const blsim::ClassScores s = blsim::class_scores(stage.net_path, graph, data, fp);
        benchmark::DoNotOptimize(s.probs.data());
        samples += data.size();
      }
    }
    state.counters["inferences"] = static_cast<double>(samples);
  }
}

void BM_Run(benchmark::State& state) {
  const std::string out = "/tmp/blsim-run-bench";
  for (auto _ : state) {
    std::ostringstream sink;
    auto* old = std::cout.rdbuf(sink.rdbuf());
    blsim::cmd_run({"--cascade", g_cascade, "--no-cache", "--out", out});
    std::cout.rdbuf(old);
  }
}

BENCHMARK(BM_FunctionalPass)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Run)->Unit(benchmark::kMillisecond)->Iterations(3);

// Keeps each benchmark's real time so the ratio can be printed after the table.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs) {
      real_[r.benchmark_name()] = r.GetAdjustedRealTime();
      cpu_[r.benchmark_name()] = r.GetAdjustedCPUTime();
    }
    ConsoleReporter::ReportRuns(runs);
  }
  std::map<std::string, double> real_, cpu_;
};

}  // namespace

int sc_main(int argc, char** argv) {
  g_cascade = blsim::blsim_home() + "/configs/cascade/mnist.ini";
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::string(argv[i]) == "--cascade" && i + 1 < argc) {
      g_cascade = argv[++i];
    } else {
      rest.push_back(argv[i]);
    }
  }
  int n = static_cast<int>(rest.size());
  benchmark::Initialize(&n, rest.data());
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const std::string fp = "BM_FunctionalPass/iterations:3", run = "BM_Run/iterations:3";
  if (reporter.cpu_[fp] > 0 && reporter.real_[fp] > 0) {
    // Both are single-threaded: CPU time is the figure a busy machine disturbs least.
    std::printf("\ncascade %s\nrun / functional pass = %.3f by CPU time, %.3f by wall time "
                "(target <= 1.5)\n",
                g_cascade.c_str(), reporter.cpu_[run] / reporter.cpu_[fp],
                reporter.real_[run] / reporter.real_[fp]);
  }
  return 0;
}
