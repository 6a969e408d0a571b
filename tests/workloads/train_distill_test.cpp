// SPDX-License-Identifier: MIT
// Knowledge distillation: the distillation loss's gradient matches central differences, alpha = 0
// is plain cross-entropy, a hand value; the teacher runs each (image, shift) once and gives the
// softened probabilities of the ONNX graph it holds; the same seed and teacher give the same
// weights; temperature scaling by hand and a fitted temperature that recovers a known one.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "workloads/cascade/gate_temperature.h"
#include "workloads/datasets/rng.h"
#include "workloads/graph.h"
#include "workloads/train/architectures.h"
#include "workloads/train/onnx_export.h"
#include "workloads/train/softmax_cross_entropy.h"
#include "workloads/train/teacher.h"
#include "workloads/train/trainer.h"

namespace blsim {
namespace {

Activations random_logits(int64_t n, int64_t k, SplitMix64& rng) {
  Activations a;
  a.resize({n, k});
  for (float& v : a.data) v = static_cast<float>(rng.uniform(-2.0, 2.0));
  return a;
}

std::vector<float> random_probs(size_t n, size_t k, SplitMix64& rng) {
  std::vector<float> p(n * k);
  for (size_t i = 0; i < n; ++i) {
    double sum = 0;
    for (size_t c = 0; c < k; ++c) sum += (p[i * k + c] = static_cast<float>(rng.uniform(0.05, 1.0)));
    for (size_t c = 0; c < k; ++c) p[i * k + c] = static_cast<float>(p[i * k + c] / sum);
  }
  return p;
}

TEST(TrainDistill, GradientMatchesCentralDifferences) {
  SplitMix64 rng(11);
  Activations logits = random_logits(3, 4, rng);
  const std::vector<int> labels = {1, 3, 0};
  const std::vector<float> soft = random_probs(3, 4, rng);
  Activations grad, scratch;
  distillation_loss(logits, labels.data(), soft.data(), 3.0, 0.7, grad);
  const double eps = 1e-3;
  for (size_t i = 0; i < logits.data.size(); ++i) {
    const float saved = logits.data[i];
    logits.data[i] = saved + static_cast<float>(eps);
    const double up = distillation_loss(logits, labels.data(), soft.data(), 3.0, 0.7, scratch);
    logits.data[i] = saved - static_cast<float>(eps);
    const double down = distillation_loss(logits, labels.data(), soft.data(), 3.0, 0.7, scratch);
    logits.data[i] = saved;
    EXPECT_NEAR(grad.data[i], (up - down) / (2 * eps), 2e-3) << i;
  }
}

TEST(TrainDistill, AlphaZeroIsCrossEntropy) {
  SplitMix64 rng(12);
  const Activations logits = random_logits(5, 3, rng);
  const std::vector<int> labels = {0, 2, 1, 1, 0};
  const std::vector<float> soft = random_probs(5, 3, rng);
  Activations g1, g2;
  int64_t c1 = -1, c2 = -2;
  const double ce = softmax_cross_entropy(logits, labels.data(), g1, &c1);
  const double kd = distillation_loss(logits, labels.data(), soft.data(), 4.0, 0.0, g2, &c2);
  EXPECT_DOUBLE_EQ(kd, ce);
  EXPECT_EQ(c1, c2);
  for (size_t i = 0; i < g1.data.size(); ++i) EXPECT_FLOAT_EQ(g2.data[i], g1.data[i]) << i;
}

TEST(TrainDistill, HandValue) {
  // Equal logits, T = 2, alpha = 1, soft targets (1/4, 3/4): the student's softened output is
  // (1/2, 1/2), loss = T^2 * -(1/4 ln 1/2 + 3/4 ln 1/2) = 4 ln 2, gradient T * (q - p) / N.
  Activations logits;
  logits.resize({1, 2});
  logits.data = {1.5f, 1.5f};
  const int label = 0;
  const std::vector<float> soft = {0.25f, 0.75f};
  Activations grad;
  EXPECT_NEAR(distillation_loss(logits, &label, soft.data(), 2.0, 1.0, grad), 4 * std::log(2.0), 1e-6);
  EXPECT_NEAR(grad.data[0], 2.0 * (0.5 - 0.25), 1e-6);
  EXPECT_NEAR(grad.data[1], 2.0 * (0.5 - 0.75), 1e-6);
}

TEST(TrainDistill, TemperatureByHand) {
  // p = (0.8, 0.2): T = 2 gives sqrt(p) renormalised = (2/3, 1/3); T = 1 leaves p.
  std::vector<float> rows = {0.8f, 0.2f};
  apply_temperature(rows, 2, 1.0);
  EXPECT_FLOAT_EQ(rows[0], 0.8f);
  apply_temperature(rows, 2, 2.0);
  EXPECT_NEAR(rows[0], 2.0 / 3, 1e-6);
  EXPECT_NEAR(rows[1], 1.0 / 3, 1e-6);
  // T = 0.5 sharpens: p^2 renormalised.
  std::vector<float> sharp = {0.8f, 0.2f};
  apply_temperature(sharp, 2, 0.5);
  EXPECT_NEAR(sharp[0], 0.64 / 0.68, 1e-6);
}

TEST(TrainDistill, FittedTemperatureRecoversAnOverconfidentNetwork) {
  // Labels drawn from softmax(z / 2) while the "network" reports softmax(z): the fit finds T ~ 2;
  // drawn from softmax(z) itself, T ~ 1.
  SplitMix64 rng(5);
  const size_t n = 20000, k = 4;
  std::vector<float> reported(n * k);
  std::vector<int> over(n), calibrated(n);
  for (size_t i = 0; i < n; ++i) {
    std::vector<double> z(k);
    for (double& v : z) v = rng.uniform(-4.0, 4.0);
    const auto draw = [&](double t) {
      std::vector<double> p(k);
      double sum = 0;
      for (size_t c = 0; c < k; ++c) sum += (p[c] = std::exp(z[c] / t));
      double u = rng.uniform01() * sum;
      for (size_t c = 0; c < k; ++c) {
        if ((u -= p[c]) < 0) return static_cast<int>(c);
      }
      return static_cast<int>(k - 1);
    };
    over[i] = draw(2.0);
    calibrated[i] = draw(1.0);
    double sum = 0;
    for (size_t c = 0; c < k; ++c) sum += std::exp(z[c]);
    for (size_t c = 0; c < k; ++c) reported[i * k + c] = static_cast<float>(std::exp(z[c]) / sum);
  }
  EXPECT_NEAR(fit_temperature(reported, k, over), 2.0, 0.15);
  EXPECT_NEAR(fit_temperature(reported, k, calibrated), 1.0, 0.08);
  EXPECT_LT(temperature_nll(reported, k, over, 2.0), temperature_nll(reported, k, over, 1.0));
}

// A tiny MNIST-shaped dataset of noise with labels, for training-loop tests.
Dataset noise_dataset(size_t n, uint64_t seed) {
  Dataset d;
  d.channels = 1;
  d.height = 28;
  d.width = 28;
  d.classes = 10;
  SplitMix64 rng(seed);
  d.images.resize(n * 784);
  for (float& v : d.images) v = static_cast<float>(rng.uniform01());
  for (size_t i = 0; i < n; ++i) d.labels.push_back(static_cast<int>(rng.below(10)));
  return d;
}

TEST(TrainDistill, TeacherRunsEachShiftedImageOnceAndGivesItsSoftenedOutput) {
  Network big = build_architecture("mlp-16", 1, 28, 28, 10, 3);
  const Graph graph = Graph::from_model(network_to_onnx(big, "teacher"), "teacher");
  const Dataset data = noise_dataset(6, 1);
  Teacher teacher(graph, 2.0, 10, data.size(), 1);
  EXPECT_NE(teacher.key(0, 0, 0), teacher.key(0, 1, 0));
  EXPECT_NE(teacher.key(0, 1, 1), teacher.key(1, -1, -1));
  Activations batch;
  batch.resize({2, 1, 28, 28});
  std::copy_n(data.image(0), 784, batch.data.data());
  std::copy_n(data.image(1), 784, batch.data.data() + 784);
  std::vector<float> soft;
  teacher.targets(batch, {teacher.key(0, 0, 0), teacher.key(1, 0, 0)}, soft);
  EXPECT_EQ(teacher.teacher_runs(), 2u);
  teacher.targets(batch, {teacher.key(0, 0, 0), teacher.key(1, 0, 0)}, soft);
  EXPECT_EQ(teacher.teacher_runs(), 2u);  // known: not run again
  std::vector<float> expected = big.predict(data.image(0), 2);
  apply_temperature(expected, 10, 2.0);
  ASSERT_EQ(soft.size(), expected.size());
  for (size_t i = 0; i < soft.size(); ++i) EXPECT_NEAR(soft[i], expected[i], 1e-5) << i;
}

TEST(TrainDistill, SameSeedAndTeacherGiveTheSameWeights) {
  Network big = build_architecture("mlp-16", 1, 28, 28, 10, 3);
  const Graph graph = Graph::from_model(network_to_onnx(big, "teacher"), "teacher");
  const Dataset train = noise_dataset(96, 2), val = noise_dataset(16, 3);
  TrainOptions o;
  o.epochs = 2;
  o.batch_size = 32;
  o.max_shift_px = 1;
  o.alpha = 0.7;
  const auto weights = [&](uint64_t seed, double temperature) {
    o.seed = seed;
    Network net = build_architecture("cnn-dws", 1, 28, 28, 10, seed);
    Teacher teacher(graph, temperature, 10, train.size(), o.max_shift_px);
    train_network(net, train, val, o, {}, &teacher);
    std::vector<float> all;
    for (Param* p : net.params()) all.insert(all.end(), p->value.begin(), p->value.end());
    return all;
  };
  const std::vector<float> a = weights(1, 3.0);
  EXPECT_EQ(a, weights(1, 3.0));
  EXPECT_NE(a, weights(1, 1.0));  // the teacher's temperature reaches the weights
  EXPECT_NE(a, weights(2, 3.0));
}

}  // namespace
}  // namespace blsim
