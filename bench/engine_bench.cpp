// SPDX-License-Identifier: MIT
// Speed of the DNN engine: whole-network inference (LeNet-5; a 32/64-channel CNN) per batch size,
// the two kernels that dominate it (im2col convolution, fully connected rows), model checking,
// and a 3x3 conv and a 1024^3 Gemm through the engine beside Eigen's raw GEMM of the same M, N, K
// in the same run (ratios printed at the end; the conv target is >= 0.6). Single-threaded.
#include <benchmark/benchmark.h>

#include <Eigen/Core>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "tests/workloads/pseudo_random.h"
#include "workloads/graph_builder.h"
#include "workloads/ops/conv.h"
#include "workloads/ops/gemm.h"

namespace blsim {
namespace {

void BM_LeNet5(benchmark::State& state) {
  const Graph graph = lenet5_builder(1).build();
  const int64_t batch = state.range(0);
  const Tensor x = pseudo_random({batch, 1, 28, 28}, 7);
  for (auto _ : state) benchmark::DoNotOptimize(graph.run(x));
  state.SetItemsProcessed(state.iterations() * batch);
  state.counters["MACs/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * batch) * 416520.0, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_LeNet5)->Arg(1)->Arg(16)->Arg(256)->Unit(benchmark::kMicrosecond);

// A two-conv CNN like the "big" cascade stages: conv3x3 c1 (pad 1) / pool / conv3x3 c2 (pad 1) /
// pool / FC fc / FC 10 / Softmax on 28x28 inputs. Weights are arbitrary: only speed matters here.
Graph cnn(int64_t c1, int64_t c2, int64_t fc) {
  GraphBuilder b;
  b.input("x", {-1, 1, 28, 28}).output("y", {-1, 10});
  b.initializer("w1", pseudo_random({c1, 1, 3, 3}, 1)).initializer("b1", pseudo_random({c1}, 2));
  b.initializer("w2", pseudo_random({c2, c1, 3, 3}, 3)).initializer("b2", pseudo_random({c2}, 4));
  b.initializer("w3", pseudo_random({fc, c2 * 49}, 5)).initializer("b3", pseudo_random({fc}, 6));
  b.initializer("w4", pseudo_random({10, fc}, 7)).initializer("b4", pseudo_random({10}, 8));
  const NamedAttributes conv = {{"kernel_shape", ints_attr({3, 3})},
                                {"pads", ints_attr({1, 1, 1, 1})}};
  const NamedAttributes pool = {{"kernel_shape", ints_attr({2, 2})},
                                {"strides", ints_attr({2, 2})}};
  b.node("Conv", {"x", "w1", "b1"}, {"c1"}, conv).node("Relu", {"c1"}, {"r1"});
  b.node("MaxPool", {"r1"}, {"p1"}, pool);
  b.node("Conv", {"p1", "w2", "b2"}, {"c2"}, conv).node("Relu", {"c2"}, {"r2"});
  b.node("MaxPool", {"r2"}, {"p2"}, pool).node("Flatten", {"p2"}, {"f"});
  b.node("Gemm", {"f", "w3", "b3"}, {"g1"}, {{"transB", int_attr(1)}}).node("Relu", {"g1"}, {"r3"});
  b.node("Gemm", {"r3", "w4", "b4"}, {"g2"}, {{"transB", int_attr(1)}});
  b.node("Softmax", {"g2"}, {"y"}, {{"axis", int_attr(1)}});
  return b.build();
}

void BM_Cnn32x64(benchmark::State& state) {
  const Graph graph = cnn(32, 64, 128);
  const double macs = static_cast<double>(graph.cost().total_macs());
  const int64_t batch = state.range(0);
  const Tensor x = pseudo_random({batch, 1, 28, 28}, 9);
  for (auto _ : state) benchmark::DoNotOptimize(graph.run(x));
  state.SetItemsProcessed(state.iterations() * batch);
  state.counters["MACs/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * batch) * macs, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Cnn32x64)->Arg(1)->Arg(16)->Arg(256)->Unit(benchmark::kMicrosecond);

// One conv layer: channels in -> out, k x k, on size x size with "same" padding, batch 1.
void BM_Conv(benchmark::State& state) {
  const int64_t cin = state.range(0), cout = state.range(1), k = state.range(2),
                size = state.range(3);
  const Tensor x = pseudo_random({1, cin, size, size}, 1);
  const Tensor w = pseudo_random({cout, cin, k, k}, 2);
  const Tensor b = pseudo_random({cout}, 3);
  Window3 win;
  for (int d = 0; d < 3; ++d) {
    const bool real = d > 0;
    win.in[d] = win.out[d] = real ? size : 1;
    win.kernel[d] = real ? k : 1;
    win.stride[d] = win.dilation[d] = 1;
    win.pad_begin[d] = win.pad_end[d] = real ? (k - 1) / 2 : 0;
  }
  Tensor y({1, cout, size, size});
  for (auto _ : state) {
    conv_forward(win, 1, x, w, &b, y);
    benchmark::ClobberMemory();
  }
  const double macs = static_cast<double>(cout * size * size * cin * k * k);
  state.counters["MACs/s"] = benchmark::Counter(static_cast<double>(state.iterations()) * macs,
                                                benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Conv)->Args({6, 16, 5, 14})->Args({32, 64, 3, 28})->Unit(benchmark::kMicrosecond);

// A fully connected layer (Gemm with transB) over a batch of rows.
void BM_FullyConnected(benchmark::State& state) {
  const int64_t batch = state.range(0), in = state.range(1), out = state.range(2);
  const Tensor a = pseudo_random({batch, in}, 4);
  const Tensor w = pseudo_random({out, in}, 5);
  const Tensor c = pseudo_random({out}, 6);
  Tensor y({batch, out});
  for (auto _ : state) {
    gemm_forward(a, w, &c, false, true, 1.0f, 1.0f, y);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * batch);
  state.counters["MACs/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * batch * in * out), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FullyConnected)
    ->Args({1, 400, 120})
    ->Args({256, 400, 120})
    ->Args({256, 1024, 1024})
    ->Unit(benchmark::kMicrosecond);

// Checking a model: protobuf -> Graph with shape inference, and the cost table.
void BM_BuildAndCost(benchmark::State& state) {
  const GraphBuilder builder = lenet5_builder(1);
  for (auto _ : state) benchmark::DoNotOptimize(builder.build().cost());
}
BENCHMARK(BM_BuildAndCost)->Unit(benchmark::kMicrosecond);

// The engine against raw GEMM. A 3x3 conv (pad 1) of C -> C channels on S x S images, batch B,
// is the GEMM M = C, K = 9C, N = B S^2; both sides count 2 M N K FLOPs (the bias is left out).
constexpr int64_t kConvChannels = 64, kConvSize = 56, kConvBatch = 8;
constexpr int64_t kGemmSize = 1024;

void set_gflops(benchmark::State& state, double flops_per_iteration) {
  state.counters["GFLOP/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * flops_per_iteration * 1e-9,
                         benchmark::Counter::kIsRate);
}

using MatrixR = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

void raw_gemm(benchmark::State& state, int64_t m, int64_t n, int64_t k) {
  const MatrixR a = MatrixR::Random(m, k);
  const MatrixR b = MatrixR::Random(k, n);
  MatrixR c(m, n);
  for (auto _ : state) {
    c.noalias() = a * b;
    benchmark::ClobberMemory();
  }
  set_gflops(state, 2.0 * static_cast<double>(m * n * k));
}

void BM_Conv3x3Engine(benchmark::State& state) {
  const int64_t c = kConvChannels, s = kConvSize;
  GraphBuilder b;
  b.input("x", {-1, c, s, s}).output("y", {-1, c, s, s});
  b.initializer("w", pseudo_random({c, c, 3, 3}, 1)).initializer("b", pseudo_random({c}, 2));
  b.node("Conv", {"x", "w", "b"}, {"y"},
         {{"kernel_shape", ints_attr({3, 3})}, {"pads", ints_attr({1, 1, 1, 1})}});
  const Graph graph = b.build();
  const Tensor x = pseudo_random({kConvBatch, c, s, s}, 3);
  for (auto _ : state) benchmark::DoNotOptimize(graph.run(x));
  set_gflops(state, 2.0 * static_cast<double>(c * 9 * c * kConvBatch * s * s));
}
BENCHMARK(BM_Conv3x3Engine)->Unit(benchmark::kMillisecond);

void BM_Conv3x3RawGemm(benchmark::State& state) {
  raw_gemm(state, kConvChannels, kConvBatch * kConvSize * kConvSize, 9 * kConvChannels);
}
BENCHMARK(BM_Conv3x3RawGemm)->Unit(benchmark::kMillisecond);

void BM_GemmEngine(benchmark::State& state) {
  const int64_t n = kGemmSize;
  GraphBuilder b;
  b.input("a", {-1, n}).output("y", {-1, n});
  b.initializer("w", pseudo_random({n, n}, 4));
  b.node("Gemm", {"a", "w"}, {"y"});
  const Graph graph = b.build();
  const Tensor a = pseudo_random({n, n}, 5);
  for (auto _ : state) benchmark::DoNotOptimize(graph.run(a));
  set_gflops(state, 2.0 * static_cast<double>(n * n * n));
}
BENCHMARK(BM_GemmEngine)->Unit(benchmark::kMillisecond);

void BM_GemmRaw(benchmark::State& state) { raw_gemm(state, kGemmSize, kGemmSize, kGemmSize); }
BENCHMARK(BM_GemmRaw)->Unit(benchmark::kMillisecond);

// Keeps each benchmark's GFLOP/s so the engine/raw ratios can be printed after the table; with
// --benchmark_repetitions the median of the repetitions is used.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs) {
      const auto it = r.counters.find("GFLOP/s");
      if (it == r.counters.end()) continue;
      if (r.run_type == Run::RT_Iteration) {
        samples_[r.run_name.str()].push_back(it->second.value);
      } else if (r.aggregate_name == "median") {
        medians_[r.run_name.str()] = it->second.value;
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }

  void print_ratio(const char* what, const std::string& engine, const std::string& raw) const {
    const double e = gflops(engine), r = gflops(raw);
    if (e <= 0 || r <= 0) return;
    std::printf("%s: engine %.2f GFLOP/s, raw GEMM %.2f GFLOP/s, ratio %.3f\n", what, e, r, e / r);
  }

 private:
  double gflops(const std::string& name) const {
    const auto m = medians_.find(name);
    if (m != medians_.end()) return m->second;
    const auto s = samples_.find(name);
    if (s == samples_.end() || s->second.empty()) return 0;
    std::vector<double> v = s->second;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  }

  std::map<std::string, std::vector<double>> samples_;
  std::map<std::string, double> medians_;
};

}  // namespace
}  // namespace blsim

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  blsim::RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  std::printf("\n");
  reporter.print_ratio("conv 3x3 64->64 56x56 batch 8 (target >= 0.6)", "BM_Conv3x3Engine",
                       "BM_Conv3x3RawGemm");
  reporter.print_ratio("gemm 1024x1024x1024", "BM_GemmEngine", "BM_GemmRaw");
  return 0;
}
