// SPDX-License-Identifier: MIT
// Split invariants: exact part sizes, disjoint parts that cover every sample, class shares kept
// in every part, the same split for the same seed; and the real MNIST / Fashion-MNIST splits
// have their documented sizes and per-class counts.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <set>

#include "workloads/datasets/dataset.h"
#include "workloads/datasets/stratified_split.h"

namespace blsim {
namespace {

std::string home() {
  const char* h = std::getenv("BLSIM_HOME");
  return h != nullptr && *h != '\0' ? h : BLSIM_SOURCE_DIR;
}

std::vector<int> class_counts(const std::vector<int>& labels) {
  std::vector<int> counts(10, 0);
  for (const int l : labels) ++counts[static_cast<size_t>(l)];
  return counts;
}

TEST(DatasetsSplit, SizesCoverageAndClassShares) {
  // 3 classes of 50, 30, 20 samples split 60 / 25 / 15.
  std::vector<int> labels;
  for (int c = 0; c < 3; ++c) labels.insert(labels.end(), c == 0 ? 50 : c == 1 ? 30 : 20, c);
  const auto parts = stratified_split(labels, 3, {60, 25, 15}, 42);
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].size(), 60u);
  EXPECT_EQ(parts[1].size(), 25u);
  EXPECT_EQ(parts[2].size(), 15u);
  std::set<size_t> seen;
  for (const auto& p : parts) seen.insert(p.begin(), p.end());
  EXPECT_EQ(seen.size(), 100u);
  // Part 1 (25 of 100): exact quotas 12.5 / 7.5 / 5 -> 13 / 7 / 5 (ties to the lower class).
  std::vector<int> in_val(3, 0);
  for (const size_t i : parts[1]) ++in_val[static_cast<size_t>(labels[i])];
  EXPECT_EQ(in_val, (std::vector<int>{13, 7, 5}));
  EXPECT_EQ(stratified_split(labels, 3, {60, 25, 15}, 42), parts);
  EXPECT_NE(stratified_split(labels, 3, {60, 25, 15}, 43), parts);
  EXPECT_THROW(stratified_split(labels, 3, {60, 25}, 42), std::invalid_argument);
}

TEST(DatasetsSplit, MnistSplitsAreFixedStratifiedAndDisjoint) {
  const std::string dir = home() + "/data/mnist";
  if (!std::filesystem::exists(dir + "/t10k-labels-idx1-ubyte.gz")) {
    GTEST_SKIP() << "MNIST not installed";
  }
  const Dataset train = load_dataset("mnist", Split::kTrain, dir);
  const Dataset val = load_dataset("mnist", Split::kVal, dir);
  const Dataset test = load_dataset("mnist", Split::kTest, dir);
  EXPECT_EQ(train.size(), 55000u);
  EXPECT_EQ(val.size(), 5000u);
  EXPECT_EQ(test.size(), 10000u);
  EXPECT_EQ(train.images.size(), 55000u * 784);
  // The official files hold these digits per class (LeCun et al.'s MNIST page); validation keeps
  // the training file's shares to within one digit.
  const std::vector<int> official_train = {5923, 6742, 5958, 6131, 5842,
                                           5421, 5918, 6265, 5851, 5949};
  const std::vector<int> official_test = {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009};
  const auto tr = class_counts(train.labels), va = class_counts(val.labels),
             te = class_counts(test.labels);
  EXPECT_EQ(te, official_test);
  for (size_t c = 0; c < 10; ++c) {
    EXPECT_EQ(tr[c] + va[c], official_train[c]) << c;
    EXPECT_NEAR(va[c], official_train[c] / 12.0, 1.0) << c;
  }
  // Disjoint: no test image appears in the training split.
  std::set<std::vector<float>> train_images;
  for (size_t i = 0; i < train.size(); ++i) {
    train_images.emplace(train.image(i), train.image(i) + 784);
  }
  size_t shared = 0;
  for (size_t i = 0; i < test.size(); ++i) {
    shared += train_images.count(std::vector<float>(test.image(i), test.image(i) + 784));
  }
  EXPECT_EQ(shared, 0u);
  const Dataset again = load_dataset("mnist", Split::kTest, dir);
  EXPECT_EQ(again.labels, test.labels);
  EXPECT_EQ(again.images, test.images);
}

TEST(DatasetsSplit, FashionSplitsHaveTheDocumentedSizes) {
  const std::string dir = "/usr/share/datasets/fashion-mnist";
  if (!std::filesystem::exists(dir + "/t10k-labels-idx1-ubyte.gz")) {
    GTEST_SKIP() << "Fashion-MNIST not installed";
  }
  const Dataset train = load_dataset("fashion", Split::kTrain, dir);
  const Dataset val = load_dataset("fashion", Split::kVal, dir);
  const Dataset test = load_dataset("fashion", Split::kTest, dir);
  EXPECT_EQ(train.size(), 55000u);
  EXPECT_EQ(test.size(), 10000u);
  // The official training file has 6000 of each class: 500 of each go to validation.
  EXPECT_EQ(class_counts(val.labels), std::vector<int>(10, 500));
  EXPECT_EQ(class_counts(train.labels), std::vector<int>(10, 5500));
  EXPECT_EQ(class_counts(test.labels), std::vector<int>(10, 1000));
  float lo = 1.0f, hi = 0.0f;
  for (const float v : test.images) {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  EXPECT_EQ(lo, 0.0f);
  EXPECT_EQ(hi, 1.0f);
}

}  // namespace
}  // namespace blsim
