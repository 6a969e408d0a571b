// SPDX-License-Identifier: MIT
// The little networks chosen by scripts/design_little.sh for the MNIST and Fashion-MNIST
// cascades: 784-128-10 MLPs distilled from their big networks and written by blsim train. Each
// meets its test accuracy, its weights fit in the Cortex-A7 cluster's 512 KB L2, the big network
// costs at least twenty times its multiply-accumulates, and distillation made it a different
// network from the plain MLP of the same shape.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "workloads/datasets/dataset.h"
#include "workloads/graph.h"
#include "workloads/train/graph_evaluation.h"

namespace blsim {
namespace {

std::string home() {
  const char* h = std::getenv("BLSIM_HOME");
  return h != nullptr && *h != '\0' ? h : BLSIM_SOURCE_DIR;
}

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void expect_distilled_little(const std::string& dataset, const std::string& plain,
                             const std::string& data_dir, double accuracy) {
  const std::string nets = home() + "/workloads/nets/";
  const Graph little = Graph::load(nets + dataset + "-little-kd.onnx");
  const Graph big = Graph::load(nets + dataset + "-big.onnx");
  EXPECT_EQ(little.info().producer.rfind("blsim", 0), 0u);
  const NetworkCost cost = little.cost();
  EXPECT_EQ(cost.total_macs(), 101632u);  // 784 x 128 + 128 x 10
  EXPECT_LE(cost.total_param_bytes(), 512u * 1024);  // exynos5422 little L2: 512 KB
  EXPECT_GE(big.cost().total_macs(), 20 * cost.total_macs());
  EXPECT_NE(bytes_of(nets + dataset + "-little-kd.onnx"), bytes_of(nets + plain));
  if (!std::filesystem::exists(data_dir + "/t10k-labels-idx1-ubyte.gz")) {
    GTEST_SKIP() << dataset << " not installed";
  }
  const Evaluation ev = evaluate_graph(little, load_dataset(dataset, Split::kTest, data_dir));
  EXPECT_GE(ev.accuracy(), accuracy) << dataset;
}

TEST(NetsLittle, MnistDistilledMlpIsSmallAndAccurate) {
  expect_distilled_little("mnist", "mnist-little.onnx", home() + "/data/mnist", 0.98);
}

TEST(NetsLittle, FashionDistilledMlpIsSmallAndAccurate) {
  expect_distilled_little("fashion", "fashion-little.onnx", "/usr/share/datasets/fashion-mnist",
                          0.88);
}

}  // namespace
}  // namespace blsim
