// SPDX-License-Identifier: MIT
// Finite-difference checks of every trainable operator: the analytic gradients of backward()
// (parameters and input) must match central differences of a scalar loss L = sum(w .* y) with
// fixed random weights w, in float32 (hence the loose 1e-2 relative tolerance).
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <memory>

#include "workloads/datasets/rng.h"
#include "workloads/train/conv_layer.h"
#include "workloads/train/dense_layer.h"
#include "workloads/train/shape_layers.h"
#include "workloads/train/softmax_cross_entropy.h"

namespace blsim {
namespace {

Activations random_batch(std::vector<int64_t> shape, SplitMix64& rng) {
  Activations a;
  a.resize(std::move(shape));
  for (float& v : a.data) v = static_cast<float>(rng.uniform(-1.0, 1.0));
  return a;
}

double weighted_sum(const Activations& y, const std::vector<float>& w) {
  double s = 0.0;
  for (size_t i = 0; i < y.data.size(); ++i) s += static_cast<double>(y.data[i]) * w[i];
  return s;
}

// Compares backward() against central differences for every input value and every parameter.
void check_layer(Layer& layer, Activations input, double eps = 1e-2, double tol = 1e-2) {
  SplitMix64 rng(99);
  Activations out;
  layer.forward(input, out, true);
  std::vector<float> w(out.data.size());
  for (float& v : w) v = static_cast<float>(rng.uniform(-1.0, 1.0));
  Activations grad_out;
  grad_out.shape = out.shape;
  grad_out.data = w;
  for (Param* p : layer.params()) std::fill(p->grad.begin(), p->grad.end(), 0.0f);
  Activations grad_in;
  layer.forward(input, out, true);
  layer.backward(input, grad_out, grad_in);
  ASSERT_EQ(grad_in.shape, input.shape);

  const auto loss_at = [&](float* value, float delta) {
    const float saved = *value;
    *value = saved + delta;
    Activations y;
    layer.forward(input, y, false);
    *value = saved;
    return weighted_sum(y, w);
  };
  const auto expect_close = [&](double analytic, double numeric, const std::string& what) {
    EXPECT_NEAR(analytic, numeric, tol * std::max(1.0, std::fabs(numeric))) << what;
  };
  for (size_t i = 0; i < input.data.size(); ++i) {
    const double numeric = (loss_at(&input.data[i], static_cast<float>(eps)) -
                            loss_at(&input.data[i], static_cast<float>(-eps))) / (2 * eps);
    expect_close(grad_in.data[i], numeric, layer.name() + " input " + std::to_string(i));
  }
  for (Param* p : layer.params()) {
    for (size_t i = 0; i < p->value.size(); ++i) {
      const double numeric = (loss_at(&p->value[i], static_cast<float>(eps)) -
                              loss_at(&p->value[i], static_cast<float>(-eps))) / (2 * eps);
      expect_close(p->grad[i], numeric, p->name + " " + std::to_string(i));
    }
  }
}

TEST(TrainGradient, ConvWithPadding) {
  SplitMix64 rng(1);
  ConvLayer conv("conv", 2, 3, 3, 1, 1);
  conv.init(rng);
  for (Param* p : conv.params()) {
    for (float& v : p->value) v = static_cast<float>(rng.uniform(-0.5, 0.5));
  }
  check_layer(conv, random_batch({2, 2, 5, 4}, rng));
}

TEST(TrainGradient, ConvStridedWithoutPadding) {
  SplitMix64 rng(2);
  ConvLayer conv("conv", 1, 2, 3, 2, 0);
  conv.init(rng);
  check_layer(conv, random_batch({3, 1, 7, 7}, rng));
}

TEST(TrainGradient, DepthwiseAndGroupedConv) {
  SplitMix64 rng(8);
  ConvLayer depthwise("dw", 3, 3, 3, 1, 1, 3);  // one 3x3 filter per channel
  depthwise.init(rng);
  for (float& b : depthwise.params()[1]->value) b = static_cast<float>(rng.uniform(-0.5, 0.5));
  EXPECT_EQ(depthwise.params()[0]->shape, (std::vector<int64_t>{3, 1, 3, 3}));
  EXPECT_EQ(depthwise.macs({3, 5, 5}), 3u * 5 * 5 * 9);
  check_layer(depthwise, random_batch({2, 3, 5, 5}, rng));
  ConvLayer grouped("grouped", 4, 6, 3, 1, 0, 2);  // two groups of 2 -> 3 channels
  grouped.init(rng);
  check_layer(grouped, random_batch({2, 4, 5, 6}, rng));
}

TEST(TrainGradient, DepthwiseConvByHand) {
  // Channel 0's filter is all ones, channel 1's is zero but its centre (2): channel 1 only sees
  // its own input, never channel 0's.
  ConvLayer dw("dw", 2, 2, 3, 1, 1, 2);
  std::vector<float>& w = dw.params()[0]->value;
  std::fill(w.begin(), w.end(), 0.0f);
  std::fill(w.begin(), w.begin() + 9, 1.0f);
  w[9 + 4] = 2.0f;
  Activations x, y;
  x.resize({1, 2, 2, 2});
  x.data = {1, 2, 3, 4, 10, 20, 30, 40};
  dw.forward(x, y, false);
  EXPECT_EQ(y.data, (std::vector<float>{10, 10, 10, 10, 20, 40, 60, 80}));
}

TEST(TrainGradient, Dense) {
  SplitMix64 rng(3);
  DenseLayer fc("fc", 6, 4);
  fc.init(rng, true);
  for (float& b : fc.params()[1]->value) b = static_cast<float>(rng.uniform(-0.5, 0.5));
  check_layer(fc, random_batch({3, 6}, rng));
}

TEST(TrainGradient, ReluAwayFromTheKink) {
  SplitMix64 rng(4);
  Activations x = random_batch({2, 3, 4, 4}, rng);
  for (float& v : x.data) v += v >= 0.0f ? 0.1f : -0.1f;  // |x| > eps: no kink inside the step
  ReluLayer relu("relu");
  check_layer(relu, x);
}

TEST(TrainGradient, MaxPoolWithDistinctValues) {
  SplitMix64 rng(5);
  Activations x;
  x.resize({2, 2, 4, 6});
  // A shuffled ramp: window values differ by far more than the finite-difference step.
  std::vector<int> ranks(x.data.size());
  for (size_t i = 0; i < ranks.size(); ++i) ranks[i] = static_cast<int>(i);
  fisher_yates_shuffle(ranks, rng);
  for (size_t i = 0; i < ranks.size(); ++i) x.data[i] = 0.1f * static_cast<float>(ranks[i]);
  MaxPoolLayer pool("pool", 2, 2);
  check_layer(pool, x);
}

TEST(TrainGradient, MaxPoolSendsTheGradientToTheMaximumOnly) {
  Activations x;
  x.resize({1, 1, 2, 2});
  x.data = {1.0f, 4.0f, 3.0f, 2.0f};
  MaxPoolLayer pool("pool", 2, 2);
  Activations y, dy, dx;
  pool.forward(x, y, true);
  ASSERT_EQ(y.data, std::vector<float>{4.0f});
  dy.shape = y.shape;
  dy.data = {5.0f};
  pool.backward(x, dy, dx);
  EXPECT_EQ(dx.data, (std::vector<float>{0.0f, 5.0f, 0.0f, 0.0f}));
}

TEST(TrainGradient, Flatten) {
  SplitMix64 rng(6);
  FlattenLayer flatten("flatten");
  check_layer(flatten, random_batch({2, 3, 2, 2}, rng));
}

TEST(TrainGradient, SoftmaxCrossEntropy) {
  SplitMix64 rng(7);
  Activations logits = random_batch({3, 4}, rng);
  const std::vector<int> labels = {2, 0, 3};
  Activations grad, scratch;
  softmax_cross_entropy(logits, labels.data(), grad);
  const double eps = 1e-3;
  for (size_t i = 0; i < logits.data.size(); ++i) {
    const float saved = logits.data[i];
    logits.data[i] = saved + static_cast<float>(eps);
    const double up = softmax_cross_entropy(logits, labels.data(), scratch);
    logits.data[i] = saved - static_cast<float>(eps);
    const double down = softmax_cross_entropy(logits, labels.data(), scratch);
    logits.data[i] = saved;
    EXPECT_NEAR(grad.data[i], (up - down) / (2 * eps), 1e-3) << i;
  }
}

TEST(TrainGradient, SoftmaxCrossEntropyHandValue) {
  // Two equal logits: p = 1/2 each, loss = ln 2, gradient (p - y) / N.
  Activations logits;
  logits.resize({1, 2});
  logits.data = {3.0f, 3.0f};
  const int label = 1;
  Activations grad;
  int64_t correct = -1;
  EXPECT_NEAR(softmax_cross_entropy(logits, &label, grad, &correct), std::log(2.0), 1e-7);
  EXPECT_NEAR(grad.data[0], 0.5, 1e-7);
  EXPECT_NEAR(grad.data[1], -0.5, 1e-7);
  EXPECT_EQ(correct, 0);  // a tie goes to class 0, which is wrong here
}

}  // namespace
}  // namespace blsim
