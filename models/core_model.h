// SPDX-License-Identifier: MIT
// How fast a cluster's cores can work through one layer, before any memory traffic is simulated:
// - Shape. A dense layer is a GEMM after im2col: M = output pixels (1 for a fully-connected layer
//   at batch 1), N = output channels, K = MACs / (M N). The core's micro-kernel keeps an
//   mr x nr block of C in registers and streams K; edge blocks compute padding, and every call
//   pays a fixed overhead of k_overhead K-steps (loading and storing its C block). The fraction
//   of the op kind's efficiency a layer reaches is
//       (M / (mr ceil(M/mr))) x (N / (nr ceil(N/nr))) x K / (K + k_overhead),
//   except that M = 1 (a batch-1 fully-connected layer) runs a GEMV kernel without row padding
//   (the M term is 1): each weight is used once, and the L2 and memory bounds set its pace.
//   Depthwise convolutions are one GEMM per channel with N = 1 folded into M x C rows; other op
//   kinds keep their per-kind efficiency.
// - Cores. A layer is cut into micro-kernel blocks; at most one core per block works, each core
//   beyond the first adds parallel_efficiency of a core, and spreading over more than one core
//   costs fork_join_s per layer (cores waiting at a barrier: stall time, not arithmetic). A layer
//   too small to win that back (a ReLU over 16 values, a 10-way softmax) runs on one core.
// - L2. Every byte the layer moves through L2 takes 1 / (l2_bytes_per_cycle f): an L2-resident
//   layer can be L2-bound.
// - Memory-level parallelism. A core keeps at most `mshrs` line fills in flight, each taking the
//   fill latency (cluster miss path + interconnect + unloaded DRAM access), so one core reads at
//   most mshrs x line / latency; the cores used, capped by the cluster's port, bound the cluster.
//   The interconnect and DRAM models bound it further (contention, row misses, refresh).
#pragma once

#include <cstdint>

#include "models/soc_spec.h"
#include "workloads/layer_cost.h"

namespace blsim {

struct GemmShape {
  double m = 0, n = 0, k = 0;
};

// The GEMM a dense layer becomes (all zero for layers without MACs).
GemmShape gemm_shape(const LayerCost& layer);

// Fraction of the op kind's efficiency the layer's shape reaches (1 for shapeless kinds).
double shape_efficiency(const LayerCost& layer, const ClusterSpec& cluster);

// MAC slots of work in a layer (0 for layers that do none).
double work_slots(const LayerCost& layer);

// Cores a layer keeps busy (0 for kFree): as many as its blocks fill, or one when spreading would
// not win back its fork/join at the configured operating point.
int cores_used(const LayerCost& layer, const ClusterSpec& cluster);

// Latency of one cache-line fill from DRAM as a core sees it, unloaded.
double line_fill_latency_s(const ClusterSpec& cluster, const SocSpec& soc);

// Read bandwidth the cores can sustain from memory: cores x mshrs x line / latency, capped by the
// cluster's port; 0 when the preset gives no bound.
double mlp_bytes_per_s(const ClusterSpec& cluster, const SocSpec& soc, int cores);

// Seconds the layer's L2 traffic takes at the cluster's L2 bandwidth (0 without a bound).
double l2_time_s(uint64_t l2_bytes, const ClusterSpec& cluster, const OperatingPoint& opp);

// What bounds a layer, for reports.
enum class LayerBound { kNone, kCompute, kL2, kDramBandwidth, kLatency };
const char* layer_bound_name(LayerBound bound);  // "-", "compute", "L2", "DRAM-bw", "MLP"

struct BoundTimes {
  double compute_s = 0;  // arithmetic at the shape's efficiency, plus fork/join
  double l2_s = 0;       // L2 traffic at the L2 bandwidth
  double dram_s = 0;     // DRAM traffic at the lower of the DRAM peak and the interconnect
  double mlp_s = 0;      // DRAM reads at the cores' memory-level-parallelism ceiling
  LayerBound bound() const;
};

}  // namespace blsim
