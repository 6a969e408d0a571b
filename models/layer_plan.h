// SPDX-License-Identifier: MIT
// What each layer of a network costs on a cluster before any simulation: compute time from MACs
// (or FLOPs, or copied elements), per-op efficiency and the layer's shape, and which bytes must
// cross to DRAM.
// Residency model: a network whose weights plus its largest layer working set fit in L2 keeps
// its weights in L2 across inferences (loaded once, lost when the cluster powers off); the
// activations of a layer whose input+output fit in what L2 has left stay in L2; the network's
// input comes from DRAM and its final output goes back to DRAM.
#pragma once

#include <cstdint>
#include <vector>

#include "models/soc_spec.h"
#include "workloads/layer_cost.h"

namespace blsim {

// Compute-bound time of one layer at operating point `opp` on the cores its shape keeps busy
// (models/core_model.h): arithmetic only.
double layer_compute_cycles(const LayerCost& layer, const ClusterSpec& cluster);
double layer_compute_time_s(const LayerCost& layer, const ClusterSpec& cluster,
                            const OperatingPoint& opp);
// The fork/join of spreading the layer over more than one core (0 on one core): the cores wait
// at a barrier, priced as stall time.
double layer_fork_join_s(const LayerCost& layer, const ClusterSpec& cluster);

struct LayerTraffic {
  uint64_t weight_read_bytes = 0;  // weights fetched from DRAM
  uint64_t input_read_bytes = 0;   // activations fetched from DRAM
  uint64_t output_write_bytes = 0; // activations written to DRAM
  uint64_t weight_addr = 0;
  uint64_t input_addr = 0;
  uint64_t output_addr = 0;

  uint64_t dram_bytes() const { return weight_read_bytes + input_read_bytes + output_write_bytes; }
};

struct NetworkPlan {
  bool weights_fit = false;         // the weights stay in L2 after this inference
  std::vector<LayerTraffic> layers;
};

// weights_in_l2: the cluster's L2 still holds this network's weights from an earlier inference.
// Weights live at weight_base; activations ping-pong between two buffers at act_base.
NetworkPlan plan_network(const NetworkCost& net, const ClusterSpec& cluster, bool weights_in_l2,
                         uint64_t weight_base, uint64_t act_base);

// Bytes the layer reads or writes in L2 (operands plus DRAM fills and write-backs).
uint64_t layer_l2_bytes(const LayerCost& layer, const LayerTraffic& traffic);

}  // namespace blsim
