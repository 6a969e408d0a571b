// SPDX-License-Identifier: MIT
// The core model by hand: GEMM shapes after im2col, the register-blocking efficiency of a layer's
// shape, the cores a layer keeps busy, the memory-level-parallelism ceiling, which bound holds,
// and the thermal RC step.
#include <gtest/gtest.h>

#include <cmath>

#include "models/cluster_thermal.h"
#include "models/core_model.h"
#include "models/layer_plan.h"
#include "models/tile_schedule.h"
#include "tests/models/soc_fixtures.h"

namespace blsim {
namespace {

using testing::layer;

LayerCost conv3x3(int64_t in_channels, int64_t out_channels, int64_t hw) {
  const uint64_t macs = static_cast<uint64_t>(out_channels * hw * hw * in_channels * 9);
  LayerCost l = layer("c", "Conv", OpKind::kConv, macs, 2 * macs, 0, 0, 0);
  l.output_shape = {1, out_channels, hw, hw};
  return l;
}

LayerCost fully_connected(int64_t in, int64_t out) {
  const uint64_t macs = static_cast<uint64_t>(in * out);
  LayerCost l = layer("fc", "Gemm", OpKind::kGemm, macs, 2 * macs, macs * 4, in * 4, out * 4);
  l.output_shape = {1, out};
  return l;
}

ClusterSpec blocked_cluster() {
  ClusterSpec c = testing::round_cluster("big", 4, 1000, 4);
  c.gemm_mr = 4;
  c.gemm_nr = 4;
  c.gemm_k_overhead = 8;
  return c;
}

TEST(CoreModel, GemmShapeAfterIm2col) {
  const GemmShape conv = gemm_shape(conv3x3(16, 32, 14));
  EXPECT_EQ(conv.m, 196);       // output pixels
  EXPECT_EQ(conv.n, 32);        // output channels
  EXPECT_EQ(conv.k, 16 * 9);    // input channels x kernel
  const GemmShape fc = gemm_shape(fully_connected(784, 128));
  EXPECT_EQ(fc.m, 1);
  EXPECT_EQ(fc.n, 128);
  EXPECT_EQ(fc.k, 784);
  EXPECT_EQ(gemm_shape(layer("r", "Relu", OpKind::kEltwise, 0, 100, 0, 400, 400)).k, 0);
}

TEST(CoreModel, ShapeEfficiencyByHand) {
  const ClusterSpec c = blocked_cluster();
  // One input channel: K = 9 against 8 K steps of overhead per call; M = 196 and N = 32 fill
  // 4 x 4 blocks exactly.
  EXPECT_NEAR(shape_efficiency(conv3x3(1, 32, 14), c), 9.0 / 17.0, 1e-12);
  // 64 input channels: K = 576.
  EXPECT_NEAR(shape_efficiency(conv3x3(64, 32, 14), c), 576.0 / 584.0, 1e-12);
  // Batch-1 fully-connected: a GEMV kernel, no row padding; N = 10 fills 10 of 12 columns.
  EXPECT_NEAR(shape_efficiency(fully_connected(784, 10), c), 10.0 / 12.0 * 784.0 / 792.0, 1e-12);
  // Two rows do use a 4-row block: half of it is padding.
  LayerCost two_rows = fully_connected(784, 12);
  two_rows.output_shape = {2, 12};
  two_rows.macs *= 2;
  EXPECT_NEAR(shape_efficiency(two_rows, c), 0.5 * 784.0 / 792.0, 1e-12);
  // Shapeless kinds keep their per-kind efficiency.
  EXPECT_EQ(shape_efficiency(layer("r", "Relu", OpKind::kEltwise, 0, 100, 0, 400, 400), c), 1);
  // So a deep convolution computes faster per MAC than a shallow one.
  const LayerCost shallow = conv3x3(1, 32, 14), deep = conv3x3(64, 32, 14);
  EXPECT_GT(layer_compute_cycles(shallow, c) / shallow.macs,
            1.5 * layer_compute_cycles(deep, c) / deep.macs);
}

TEST(CoreModel, CoresUsedFollowTheBlocks) {
  ClusterSpec c = blocked_cluster();
  EXPECT_EQ(cores_used(conv3x3(16, 32, 14), c), 4);
  EXPECT_EQ(cores_used(fully_connected(784, 8), c), 2);  // 1 row block x 2 column blocks
  EXPECT_EQ(cores_used(layer("f", "Flatten", OpKind::kFree, 0, 0, 0, 8, 8), c), 0);
  // Fork/join only when more than one core works.
  c.fork_join_s = 3e-6;
  EXPECT_EQ(layer_fork_join_s(conv3x3(16, 32, 14), c), 3e-6);
  c.cores = 1;
  EXPECT_EQ(layer_fork_join_s(conv3x3(16, 32, 14), c), 0);
}

TEST(CoreModel, SmallLayersRunOnOneCore) {
  ClusterSpec c = blocked_cluster();
  c.fork_join_s = 3e-6;
  // 4 cores at 1 GHz, 4 MACs/cycle at efficiency 0.5: a core does 2e9 slots/s, an eltwise FLOP
  // is half a slot; four cores are worth 1 + 3 x 0.5 = 2.5. One core (F / 4e9 s) wins while
  // F / 4e9 <= F / 1e10 + 3 us, i.e. F <= 20,000 FLOPs.
  const auto relu = [](uint64_t flops) {
    LayerCost l = layer("r", "Relu", OpKind::kEltwise, 0, flops, 0, flops * 4, flops * 4);
    l.output_shape = {1, static_cast<int64_t>(flops)};
    return l;
  };
  EXPECT_EQ(cores_used(relu(16), c), 1);
  EXPECT_EQ(layer_fork_join_s(relu(16), c), 0);
  EXPECT_EQ(cores_used(relu(20000), c), 1);
  EXPECT_EQ(cores_used(relu(20008), c), 4);
  EXPECT_EQ(layer_fork_join_s(relu(20008), c), 3e-6);
  EXPECT_NEAR(layer_compute_cycles(relu(16), c), 8.0 / 2.0, 1e-12);  // 8 slots on one core
  // A GEMM spreads over its blocks when that pays: 784 x 64 MACs take 25.3 us on one core and
  // 10.1 + 3 us on four; 784 x 8 (2 column blocks) take 3.2 us on one, 2.1 + 3 us on two.
  EXPECT_EQ(cores_used(fully_connected(784, 64), c), 4);
  EXPECT_EQ(cores_used(fully_connected(784, 8), c), 1);
}

TEST(CoreModel, LineFillsBoundTheBandwidth) {
  SocSpec soc = testing::round_soc();
  ClusterSpec& c = soc.clusters[testing::kBig];
  EXPECT_EQ(mlp_bytes_per_s(c, soc, 1), 0);  // no MSHR count: no bound
  c.mshrs = 6;
  c.line_bytes = 64;
  c.miss_path_s = 40e-9;
  const DramSpec& d = soc.dram;
  const double latency_s =
      40e-9 + soc.noc.latency_s + d.trcd_s + (d.cl_ck + d.burst_length() / 2.0) * d.tck_s();
  EXPECT_NEAR(line_fill_latency_s(c, soc), latency_s, 1e-15);
  EXPECT_NEAR(mlp_bytes_per_s(c, soc, 1), 6 * 64 / latency_s, 1e-3);
  EXPECT_NEAR(mlp_bytes_per_s(c, soc, 2), 2 * 6 * 64 / latency_s, 1e-3);
  c.port_bytes_per_s = 1e9;  // the cluster's port caps the cores
  EXPECT_EQ(mlp_bytes_per_s(c, soc, 4), 1e9);
}

// A port that answers every transfer at once: only the ceiling can slow it.
class InstantPort : public MemoryPort {
 public:
  TransferResult transfer(double issue_s, uint64_t, uint64_t bytes, bool write) override {
    TransferResult r;
    r.done_s = issue_s;
    (write ? r.dram_write_bytes : r.dram_read_bytes) = bytes;
    return r;
  }
};

TEST(CoreModel, TheCeilingPacesTheTiles) {
  LayerTraffic t;
  t.weight_read_bytes = 1 << 20;
  InstantPort port;
  LayerWork work;
  work.compute_s = 10e-6;
  work.core_s = 10e-6;
  EXPECT_NEAR(run_layer_tiles(0, work, t, 65536, port).time_s(), 10e-6, 1e-12);
  work.ceiling_bytes_per_s = 1e9;  // 1 MiB at 1 GB/s: 1.05 ms, however the tiles overlap
  EXPECT_GE(run_layer_tiles(0, work, t, 65536, port).time_s(), (1 << 20) / 1e9);
  // The L2 bound occupies the cores like arithmetic does.
  work.ceiling_bytes_per_s = 0;
  work.core_s = 50e-6;
  EXPECT_NEAR(run_layer_tiles(0, work, t, 65536, port).time_s(), 50e-6, 1e-12);
}

TEST(CoreModel, TheLongestBoundHolds) {
  BoundTimes b;
  EXPECT_EQ(b.bound(), LayerBound::kNone);
  b.compute_s = 1;
  EXPECT_EQ(b.bound(), LayerBound::kCompute);
  b.l2_s = 2;
  EXPECT_EQ(b.bound(), LayerBound::kL2);
  b.dram_s = 3;
  EXPECT_EQ(b.bound(), LayerBound::kDramBandwidth);
  b.mlp_s = 4;
  EXPECT_EQ(b.bound(), LayerBound::kLatency);
  EXPECT_STREQ(layer_bound_name(LayerBound::kLatency), "MLP");
}

TEST(ClusterThermal, ExactStepTowardsAmbientPlusPR) {
  ThermalSpec s;
  s.ambient_c = 30;
  s.r_k_per_w = 10;
  s.c_j_per_k = 0.5;  // tau = 5 s
  ClusterThermal t(s);
  EXPECT_EQ(t.temp_c(), 30);
  t.advance(5, 2);  // settles at 50 degC; one time constant covers 1 - 1/e of the way
  EXPECT_NEAR(t.temp_c(), 50 - 20 * std::exp(-1.0), 1e-9);
  // Two half steps are one whole step.
  ClusterThermal halves(s);
  halves.advance(2.5, 2);
  halves.advance(2.5, 2);
  EXPECT_NEAR(halves.temp_c(), t.temp_c(), 1e-9);
  // With no power it cools back to ambient.
  t.advance(1000, 0);
  EXPECT_NEAR(t.temp_c(), 30, 1e-9);
  // The mean over a span lies between its ends.
  ClusterThermal m(s);
  const double mean = m.mean_temp_c(5, 2);
  EXPECT_GT(mean, 30);
  EXPECT_LT(mean, 50 - 20 * std::exp(-1.0));
}

TEST(ClusterThermal, LeakageFollowsTheJunction) {
  ThermalSpec s;
  s.ambient_c = 25;
  s.r_k_per_w = 20;
  s.c_j_per_k = 0.1;  // tau = 2 s
  ClusterPowerParams p;
  p.leak_ref_c = 25;
  p.leak_doubling_k = 20;
  ClusterThermal t(s);
  // A short span starts at ambient: factor about 1.
  EXPECT_NEAR(t.span(1e-6, 1e-6, 1e-6, p), 1, 1e-5);
  // A long hot span: 2 W for 100 s settles 40 K up, leakage x 4 at the end.
  t.span(100, 200, 0, p);
  EXPECT_NEAR(t.temp_c(), 65, 1e-6);
  EXPECT_NEAR(t.span(1e-6, 0, 0, p), 4, 1e-4);
}

}  // namespace
}  // namespace blsim
