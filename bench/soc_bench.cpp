// SPDX-License-Identifier: MIT
// Speed of the SoC model: simulated inferences per second of a LeNet-sized MNIST network on the
// big cluster (event-driven SystemC run and fast-path estimate), beside the functional run of
// the same network on as many images. The target: simulating costs at most half the functional
// run. The network file is $BLSIM_BENCH_NET or workloads/nets/mnist-big.onnx; without it the
// simulation uses the tests' hand-built cost of the same shape and the functional benchmark is
// skipped.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <systemc>

#include "models/fresh_kernel.h"
#include "models/network_estimate.h"
#include "models/soc_top.h"
#include "sim/command_line.h"
#include "sim/soc_config.h"
#include "tests/models/soc_fixtures.h"
#include "workloads/graph.h"

namespace blsim {
namespace {

constexpr int kInferences = 2000;

std::string net_path() {
  if (const char* env = std::getenv("BLSIM_BENCH_NET"); env != nullptr && *env != '\0') return env;
  return (std::filesystem::path(blsim_home()) / "workloads" / "nets" / "mnist-big.onnx").string();
}

struct Workload {
  SocSpec soc;
  NetworkCost net;
  std::optional<Graph> graph;
};

const Workload& workload() {
  static const Workload w = [] {
    Workload w;
    w.soc = soc_spec_from(load_config(blsim_options(), {default_soc_preset()}, {}, blsim_home()));
    if (std::filesystem::is_regular_file(net_path())) {
      w.graph.emplace(Graph::load(net_path()));
      w.net = w.graph->cost();
    } else {
      w.net = testing::lenet_cost();
    }
    return w;
  }();
  return w;
}

class Runner : public sc_core::sc_module {
 public:
  SC_HAS_PROCESS(Runner);
  Runner(sc_core::sc_module_name name, SocTop& soc, const NetworkCost& net, ClusterIndex id, int n)
      : sc_core::sc_module(name), soc_(soc), net_(net), id_(id), n_(n) {
    SC_THREAD(run);
  }

 private:
  void run() {
    ComputeCluster& cluster = soc_.cluster(id_);
    for (int i = 0; i < n_; ++i) cluster.run_network(net_, "mnist-big", "bench");
    soc_.finish();
  }
  SocTop& soc_;
  const NetworkCost& net_;
  ClusterIndex id_;
  int n_;
};

void simulate(benchmark::State& state, ClusterIndex id) {
  const Workload& w = workload();
  for (auto _ : state) {
    fresh_simulation_kernel();
    SocTop soc("soc", w.soc);
    Runner runner("runner", soc, w.net, id, kInferences);
    sc_core::sc_start();
    benchmark::DoNotOptimize(soc.ledger().total().total_j());
  }
  state.counters["inferences_per_s"] =
      benchmark::Counter(static_cast<double>(kInferences) * state.iterations(),
                         benchmark::Counter::kIsRate);
}

void BM_Simulate2000InferencesBig(benchmark::State& state) { simulate(state, 0); }
void BM_Simulate2000InferencesLittle(benchmark::State& state) {
  simulate(state, 1);
}

void BM_EstimateNetwork(benchmark::State& state) {
  const Workload& w = workload();
  for (auto _ : state) {
    benchmark::DoNotOptimize(estimate_network(w.soc, 0, w.net, "mnist-big"));
  }
}

// The functional run the simulation is compared with: 2000 MNIST-sized images in one batch.
void BM_Functional2000Images(benchmark::State& state) {
  const Workload& w = workload();
  if (!w.graph) {
    state.SkipWithError(("no network at " + net_path()).c_str());
    return;
  }
  Shape shape = w.graph->inputs().at(0).shape;
  shape[0] = kInferences;
  for (auto& d : shape) d = d < 0 ? 1 : d;
  Tensor input(shape);
  for (auto _ : state) benchmark::DoNotOptimize(w.graph->run(input));
  state.counters["inferences_per_s"] = benchmark::Counter(
      static_cast<double>(kInferences) * state.iterations(), benchmark::Counter::kIsRate);
}

BENCHMARK(BM_Simulate2000InferencesBig)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Simulate2000InferencesLittle)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EstimateNetwork)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Functional2000Images)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace blsim

// sc_main is required by the SystemC library we link; the benchmarks run from it.
int sc_main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
