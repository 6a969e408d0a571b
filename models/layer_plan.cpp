// SPDX-License-Identifier: MIT
#include "models/layer_plan.h"

#include <algorithm>

#include "models/core_model.h"

namespace blsim {

double layer_compute_cycles(const LayerCost& layer, const ClusterSpec& cluster) {
  const double slots = work_slots(layer);
  if (slots == 0) return 0;
  const double cores = 1.0 + (cores_used(layer, cluster) - 1) * cluster.parallel_efficiency;
  return slots / (cores * cluster.macs_per_cycle * cluster.op_efficiency(layer.kind) *
                  shape_efficiency(layer, cluster));
}

double layer_compute_time_s(const LayerCost& layer, const ClusterSpec& cluster,
                            const OperatingPoint& opp) {
  return layer_compute_cycles(layer, cluster) / (opp.freq_mhz * 1e6);
}

double layer_fork_join_s(const LayerCost& layer, const ClusterSpec& cluster) {
  if (layer_compute_cycles(layer, cluster) == 0) return 0;
  return cores_used(layer, cluster) > 1 ? cluster.fork_join_s : 0;
}

NetworkPlan plan_network(const NetworkCost& net, const ClusterSpec& cluster, bool weights_in_l2,
                         uint64_t weight_base, uint64_t act_base) {
  NetworkPlan plan;
  const size_t n = net.layers.size();
  plan.layers.resize(n);
  uint64_t largest_working_set = 0;
  for (const auto& l : net.layers) {
    largest_working_set = std::max(largest_working_set, l.input_bytes + l.output_bytes);
  }
  const uint64_t weights = net.total_param_bytes();
  plan.weights_fit = weights + largest_working_set <= cluster.l2_bytes;
  const uint64_t act_budget = plan.weights_fit ? cluster.l2_bytes - weights : cluster.l2_bytes;

  auto spills = [&](size_t i) {
    const auto& l = net.layers[i];
    return l.kind != OpKind::kFree && l.input_bytes + l.output_bytes > act_budget;
  };
  // The last layer that does work writes the network output; kFree layers move nothing.
  size_t last_working = n;
  for (size_t i = 0; i < n; ++i) {
    if (net.layers[i].kind != OpKind::kFree) last_working = i;
  }
  const uint64_t act_buffer = std::max<uint64_t>(largest_working_set, 1);
  uint64_t weight_offset = 0;
  bool previous_in_dram = true;  // the input sample arrives in DRAM
  size_t working_index = 0;
  for (size_t i = 0; i < n; ++i) {
    const auto& l = net.layers[i];
    auto& t = plan.layers[i];
    t.weight_addr = weight_base + weight_offset;
    weight_offset += l.param_bytes;
    if (l.kind == OpKind::kFree) continue;
    // Find the next working layer to know whether this output must be spilled for it.
    size_t next = i + 1;
    while (next < n && net.layers[next].kind == OpKind::kFree) ++next;
    const bool output_to_dram = i == last_working || spills(i) || (next < n && spills(next));
    t.weight_read_bytes = weights_in_l2 ? 0 : l.param_bytes;
    t.input_read_bytes = previous_in_dram ? l.input_bytes : 0;
    t.output_write_bytes = output_to_dram ? l.output_bytes : 0;
    t.input_addr = act_base + (working_index % 2) * act_buffer;
    t.output_addr = act_base + ((working_index + 1) % 2) * act_buffer;
    previous_in_dram = output_to_dram;
    ++working_index;
  }
  return plan;
}

uint64_t layer_l2_bytes(const LayerCost& layer, const LayerTraffic& traffic) {
  if (layer.kind == OpKind::kFree) return 0;
  return layer.param_bytes + layer.input_bytes + layer.output_bytes + traffic.dram_bytes();
}

}  // namespace blsim
