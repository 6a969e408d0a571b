// SPDX-License-Identifier: MIT
// The committed networks of workloads/nets/: each loads through the inference engine, was
// written by blsim train (standard opset-13 ONNX ending in Softmax), meets its test-split
// accuracy target, and each big network costs at least 20x its little partner's MACs.
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

std::string data_dir(const std::string& dataset) {
  return dataset == "mnist" ? home() + "/data/mnist" : "/usr/share/datasets/fashion-mnist";
}

bool installed(const std::string& dataset) {
  for (const auto& f : dataset_files(dataset, data_dir(dataset))) {
    if (!std::filesystem::exists(f)) return false;
  }
  return true;
}

Graph committed(const std::string& file) { return Graph::load(home() + "/workloads/nets/" + file); }

void expect_accuracy(const std::string& file, const std::string& dataset, double target) {
  if (!installed(dataset)) GTEST_SKIP() << dataset << " not installed (scripts/setup.sh)";
  const Graph graph = committed(file);
  EXPECT_EQ(graph.info().opset, 13);
  EXPECT_EQ(graph.info().producer.rfind("blsim", 0), 0u) << graph.info().producer;
  EXPECT_TRUE(output_is_softmax(graph));
  const Dataset test = load_dataset(dataset, Split::kTest, data_dir(dataset));
  const Evaluation ev = evaluate_graph(graph, test);
  EXPECT_EQ(ev.predictions.size(), test.size());
  EXPECT_GE(ev.accuracy(), target) << file << " test accuracy";
  // Rows are probabilities.
  for (size_t i = 0; i < 10; ++i) {
    double sum = 0.0;
    for (size_t c = 0; c < ev.classes; ++c) sum += ev.probabilities[i * ev.classes + c];
    EXPECT_NEAR(sum, 1.0, 1e-5);
  }
}

TEST(NetsCommitted, MnistBigAccuracy) { expect_accuracy("mnist-big.onnx", "mnist", 0.99); }
TEST(NetsCommitted, MnistLittleAccuracy) { expect_accuracy("mnist-little.onnx", "mnist", 0.98); }
TEST(NetsCommitted, FashionBigAccuracy) { expect_accuracy("fashion-big.onnx", "fashion", 0.91); }
TEST(NetsCommitted, FashionLittleAccuracy) {
  expect_accuracy("fashion-little.onnx", "fashion", 0.84);
}

TEST(NetsCommitted, BigCostsAtLeastTwentyLittles) {
  for (const std::string dataset : {"mnist", "fashion"}) {
    const uint64_t big = committed(dataset + "-big.onnx").cost().total_macs();
    const uint64_t little = committed(dataset + "-little.onnx").cost().total_macs();
    EXPECT_GT(little, 0u);
    EXPECT_GE(big, 20 * little) << dataset;
  }
}

}  // namespace
}  // namespace blsim
