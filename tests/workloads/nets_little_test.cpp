// SPDX-License-Identifier: MIT
// The little network chosen by scripts/design_little.sh for the MNIST cascade: a distilled
// depthwise-separable CNN written by blsim train. It meets its test accuracy, holds a depthwise
// Conv (group = channels), its weights fit in the Cortex-A7 cluster's 512 KB L2, and the big
// network costs at least ten times its multiply-accumulates.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "workloads/datasets/dataset.h"
#include "workloads/graph.h"
#include "workloads/train/graph_evaluation.h"

namespace blsim {
namespace {

std::string home() {
  const char* h = std::getenv("BLSIM_HOME");
  return h != nullptr && *h != '\0' ? h : BLSIM_SOURCE_DIR;
}

TEST(NetsLittle, MnistDepthwiseSeparableIsSmallAndAccurate) {
  const Graph little = Graph::load(home() + "/workloads/nets/mnist-little-dws.onnx");
  const Graph big = Graph::load(home() + "/workloads/nets/mnist-big.onnx");
  EXPECT_EQ(little.info().producer.rfind("blsim", 0), 0u);
  bool depthwise = false;
  for (const Node& n : little.nodes()) {
    if (n.op_type == "Conv" && n.has("group") && n.attributes.at("group").i == 16) depthwise = true;
  }
  EXPECT_TRUE(depthwise);
  const NetworkCost cost = little.cost();
  EXPECT_EQ(cost.total_macs(), 257152u);  // inspect: conv 112,896 + dw 28,224 + pw 100,352 + fc 15,680
  EXPECT_LE(cost.total_param_bytes(), 512u * 1024);  // exynos5422 little L2: 512 KB
  EXPECT_GE(big.cost().total_macs(), 10 * cost.total_macs());
  const std::string dir = home() + "/data/mnist";
  if (!std::filesystem::exists(dir + "/9.json")) GTEST_SKIP() << "MNIST not installed";
  const Evaluation ev = evaluate_graph(little, load_dataset("mnist", Split::kTest, dir));
  EXPECT_GE(ev.accuracy(), 0.97);
}

}  // namespace
}  // namespace blsim
