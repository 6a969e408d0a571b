// SPDX-License-Identifier: MIT
#include "models/core_model.h"

#include <algorithm>
#include <cmath>

namespace blsim {
namespace {

double product(const std::vector<int64_t>& dims, size_t from) {
  double p = 1;
  for (size_t i = from; i < dims.size(); ++i) p *= static_cast<double>(std::max<int64_t>(dims[i], 1));
  return p;
}

// Fraction of a padded block that is real work: x / (b ceil(x / b)).
double block_use(double x, int b) {
  if (b <= 1 || x <= 0) return 1;
  return x / (b * std::ceil(x / b));
}

}  // namespace

double work_slots(const LayerCost& layer) {
  // A MAC fills one MAC slot; another FLOP fills half of one (one of its two operations);
  // a copy moves one fp32 element per slot.
  if (layer.kind == OpKind::kFree) return 0;
  if (layer.macs > 0) return static_cast<double>(layer.macs);
  if (layer.flops > 0) return static_cast<double>(layer.flops) / 2.0;
  if (layer.kind == OpKind::kDataMove) return static_cast<double>(layer.output_bytes) / 4.0;
  return 0;
}

GemmShape gemm_shape(const LayerCost& layer) {
  GemmShape g;
  if (layer.macs == 0 || layer.output_shape.empty()) return g;
  const auto& s = layer.output_shape;
  const double macs = static_cast<double>(layer.macs);
  if (layer.kind == OpKind::kConv || layer.kind == OpKind::kDepthwise) {
    // NCHW: N = output channels, M = output pixels.
    g.n = s.size() >= 2 ? static_cast<double>(std::max<int64_t>(s[1], 1)) : 1;
    g.m = s.size() >= 3 ? product(s, 2) : 1;
    if (layer.kind == OpKind::kDepthwise) {
      g.m *= g.n;  // one filter per channel: channels x pixels rows of a single column
      g.n = 1;
    }
  } else {
    // Gemm / MatMul: the last dimension is N, everything before it (batch 1 included) is M.
    g.n = static_cast<double>(std::max<int64_t>(s.back(), 1));
    g.m = s.size() >= 2 ? product(s, 0) / g.n : 1;
  }
  g.k = macs / (g.m * g.n);
  return g;
}

double shape_efficiency(const LayerCost& layer, const ClusterSpec& cluster) {
  const GemmShape g = gemm_shape(layer);
  if (g.k <= 0) return 1;
  const bool depthwise = layer.kind == OpKind::kDepthwise;
  // M = 1 (a batch-1 fully-connected layer) runs a GEMV kernel: no row padding; each weight is
  // used once, so the L2 and memory bounds decide its pace.
  const double m_use = depthwise || g.m <= 1 ? 1 : block_use(g.m, cluster.gemm_mr);
  const double n_use = depthwise ? 1 : block_use(g.n, cluster.gemm_nr);
  return m_use * n_use * g.k / (g.k + cluster.gemm_k_overhead);
}

int cores_used(const LayerCost& layer, const ClusterSpec& cluster) {
  if (layer.kind == OpKind::kFree) return 0;
  const GemmShape g = gemm_shape(layer);
  int most = cluster.cores;
  if (g.k > 0 && layer.kind != OpKind::kDepthwise) {
    const double blocks = std::ceil(g.m / std::max(cluster.gemm_mr, 1)) *
                          std::ceil(g.n / std::max(cluster.gemm_nr, 1));
    most = static_cast<int>(std::min<double>(cluster.cores, std::max(1.0, blocks)));
  }
  if (most <= 1) return most;
  // The runtime spreads a layer only when that pays for the barrier: one core's time against
  // the spread time plus fork_join_s, at the configured operating point.
  const double slots = work_slots(layer);
  const double rate = cluster.macs_per_cycle * cluster.op_efficiency(layer.kind) *
                      shape_efficiency(layer, cluster);
  const double hz = cluster.opps.empty() ? 0 : cluster.initial_point().freq_mhz * 1e6;
  if (slots <= 0 || rate <= 0 || hz <= 0) return most;
  const double one_s = slots / (rate * hz);
  const double spread_s = one_s / (1.0 + (most - 1) * cluster.parallel_efficiency);
  return one_s <= spread_s + cluster.fork_join_s ? 1 : most;
}

double line_fill_latency_s(const ClusterSpec& cluster, const SocSpec& soc) {
  const DramSpec& d = soc.dram;
  const double dram_s = d.trcd_s + (d.cl_ck + d.burst_length() / 2.0) * d.tck_s();
  return cluster.miss_path_s + soc.noc.latency_s + dram_s;
}

double mlp_bytes_per_s(const ClusterSpec& cluster, const SocSpec& soc, int cores) {
  if (cluster.mshrs <= 0 || cores <= 0) return 0;
  const double latency_s = line_fill_latency_s(cluster, soc);
  if (latency_s <= 0) return 0;
  double bw = cores * cluster.mshrs * static_cast<double>(cluster.line_bytes) / latency_s;
  if (cluster.port_bytes_per_s > 0) bw = std::min(bw, cluster.port_bytes_per_s);
  return bw;
}

double l2_time_s(uint64_t l2_bytes, const ClusterSpec& cluster, const OperatingPoint& opp) {
  if (cluster.l2_bytes_per_cycle <= 0) return 0;
  return static_cast<double>(l2_bytes) / (cluster.l2_bytes_per_cycle * opp.freq_mhz * 1e6);
}

const char* layer_bound_name(LayerBound bound) {
  switch (bound) {
    case LayerBound::kCompute: return "compute";
    case LayerBound::kL2: return "L2";
    case LayerBound::kDramBandwidth: return "DRAM-bw";
    case LayerBound::kLatency: return "MLP";
    case LayerBound::kNone: break;
  }
  return "-";
}

LayerBound BoundTimes::bound() const {
  const double top = std::max({compute_s, l2_s, dram_s, mlp_s});
  if (top <= 0) return LayerBound::kNone;
  if (top == compute_s) return LayerBound::kCompute;
  if (top == mlp_s) return LayerBound::kLatency;
  if (top == dram_s) return LayerBound::kDramBandwidth;
  return LayerBound::kL2;
}

}  // namespace blsim
