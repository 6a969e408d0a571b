// SPDX-License-Identifier: MIT
// The trainer learns: one epoch on real MNIST digits lifts validation accuracy far above the 10%
// of chance, and training only ever sees the training split.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "workloads/datasets/dataset.h"
#include "workloads/train/architectures.h"
#include "workloads/train/trainer.h"

namespace blsim {
namespace {

std::string mnist_dir() {
  const char* home = std::getenv("BLSIM_HOME");
  return std::string(home != nullptr && *home != '\0' ? home : BLSIM_SOURCE_DIR) + "/data/mnist";
}

TEST(TrainLearning, OneEpochOnMnistIsFarAboveChance) {
  if (!std::filesystem::exists(mnist_dir() + "/t10k-labels-idx1-ubyte.gz")) {
    GTEST_SKIP() << "MNIST not installed (scripts/fetch_data.sh)";
  }
  const Dataset train = load_dataset("mnist", Split::kTrain, mnist_dir());
  const Dataset val = load_dataset("mnist", Split::kVal, mnist_dir());
  Network net = build_architecture("mlp-small", 1, 28, 28, 10, 1);
  const double before = accuracy_of(net, val);
  TrainOptions o;
  o.epochs = 1;
  o.seed = 1;
  const std::vector<EpochReport> reports = train_network(net, train, val, o);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_LT(before, 0.3);
  EXPECT_GT(reports[0].val_accuracy, 0.80);
  EXPECT_DOUBLE_EQ(reports[0].val_accuracy, accuracy_of(net, val));
  EXPECT_LT(reports[0].loss, std::log(10.0));  // below the loss of a uniform guess
}

TEST(TrainLearning, MacsAndParametersByHand) {
  Network little = build_architecture("mlp-little", 1, 28, 28, 10, 1);
  EXPECT_EQ(little.macs(), 784u * 32 + 32 * 10);
  EXPECT_EQ(little.param_count(), 784u * 32 + 32 + 32 * 10 + 10);
  Network big = build_architecture("cnn-big", 1, 28, 28, 10, 1);
  // conv1 28x28x32x9, conv2 14x14x64x(32x9), fc1 (7x7x64)x128, fc2 128x10
  EXPECT_EQ(big.macs(), 28u * 28 * 32 * 9 + 14 * 14 * 64 * 32 * 9 + 7 * 7 * 64 * 128 + 1280);
  EXPECT_GE(big.macs(), 20 * little.macs());
}

}  // namespace
}  // namespace blsim
