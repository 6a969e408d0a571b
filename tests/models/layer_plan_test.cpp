// SPDX-License-Identifier: MIT
// Compute time of one layer by hand, and the L2 residency rules of the network plan.
#include <gtest/gtest.h>

#include "models/layer_plan.h"
#include "tests/models/soc_fixtures.h"

namespace blsim {
namespace {

using testing::layer;

TEST(LayerPlan, ComputeTimeByHand) {
  const ClusterSpec c = testing::round_cluster("big", 4, 1000, 4);
  // 1e6 MACs / (effective cores 1 + 3 x 0.5 = 2.5, 4 MAC/cycle, efficiency 0.5) = 200000 cycles,
  // at 1000 MHz: 200 us.
  const LayerCost conv = layer("c", "Conv", OpKind::kConv, 1000000, 2000000, 0, 0, 0);
  EXPECT_NEAR(layer_compute_cycles(conv, c), 200000, 1e-6);
  EXPECT_NEAR(layer_compute_time_s(conv, c, c.initial_point()), 200e-6, 1e-15);
  // Without MACs, FLOPs fill half a slot each: 1e6 FLOPs take half the time.
  const LayerCost relu = layer("r", "Relu", OpKind::kEltwise, 0, 1000000, 0, 0, 0);
  EXPECT_NEAR(layer_compute_time_s(relu, c, c.initial_point()), 100e-6, 1e-15);
  EXPECT_EQ(layer_compute_time_s(layer("f", "Flatten", OpKind::kFree, 0, 0, 0, 8, 8), c, c.initial_point()), 0);
}

TEST(LayerPlan, WeightsThatFitStayResident) {
  ClusterSpec c = testing::round_cluster("big", 4, 1000, 4);
  const NetworkCost net = testing::lenet_cost();  // 1.69 MB of weights
  c.l2_bytes = 2 << 20;
  NetworkPlan cold = plan_network(net, c, false, 0, 1 << 24);
  EXPECT_TRUE(cold.weights_fit);
  EXPECT_EQ(cold.layers[7].weight_read_bytes, 1606144u);  // fc1 fetched once
  EXPECT_EQ(cold.layers[0].input_read_bytes, 3136u);      // the sample comes from DRAM
  EXPECT_EQ(cold.layers[1].input_read_bytes, 0u);         // activations stay in L2
  EXPECT_EQ(cold.layers[10].output_write_bytes, 40u);     // the scores go back to DRAM
  NetworkPlan warm = plan_network(net, c, true, 0, 1 << 24);
  uint64_t warm_weights = 0;
  for (const auto& t : warm.layers) warm_weights += t.weight_read_bytes;
  EXPECT_EQ(warm_weights, 0u);
}

TEST(LayerPlan, WeightsThatDoNotFitStreamEveryTime) {
  ClusterSpec c = testing::round_cluster("big", 4, 1000, 4);
  c.l2_bytes = 512 << 10;
  const NetworkCost net = testing::lenet_cost();
  const NetworkPlan plan = plan_network(net, c, false, 0, 1 << 24);
  EXPECT_FALSE(plan.weights_fit);
  uint64_t weights = 0;
  for (const auto& t : plan.layers) weights += t.weight_read_bytes;
  EXPECT_EQ(weights, net.total_param_bytes());
}

TEST(LayerPlan, ActivationsThatDoNotFitSpillBothWays) {
  ClusterSpec c = testing::round_cluster("big", 4, 1000, 4);
  c.l2_bytes = 150000;  // conv1 in+out (103 KB) fits, relu1 (200 KB) does not
  const NetworkCost net = testing::lenet_cost();
  const NetworkPlan plan = plan_network(net, c, false, 0, 1 << 24);
  EXPECT_EQ(plan.layers[0].output_write_bytes, 100352u);  // written for relu1
  EXPECT_EQ(plan.layers[1].input_read_bytes, 100352u);
  EXPECT_EQ(plan.layers[1].output_write_bytes, 100352u);
  EXPECT_EQ(plan.layers[2].input_read_bytes, 100352u);
}

}  // namespace
}  // namespace blsim
