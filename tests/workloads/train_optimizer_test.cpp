// SPDX-License-Identifier: MIT
// Optimizer updates and learning-rate schedules against hand-computed steps.
#include <gtest/gtest.h>

#include <cmath>

#include "workloads/train/optimizer.h"

namespace blsim {
namespace {

Param one_param(float value, float grad, bool decays) {
  Param p;
  p.name = "w";
  p.shape = {1};
  p.value = {value};
  p.grad = {grad};
  p.decays = decays;
  return p;
}

TEST(TrainOptimizer, SgdMomentumAccumulatesVelocity) {
  Param p = one_param(1.0f, 0.5f, false);
  OptimizerOptions o;
  o.kind = OptimizerKind::kSgd;
  o.momentum = 0.9;
  Optimizer opt(o, {&p});
  opt.step(0.1);  // v = 0.5, w = 1 - 0.05
  EXPECT_NEAR(p.value[0], 0.95f, 1e-7);
  opt.step(0.1);  // v = 0.9 * 0.5 + 0.5 = 0.95, w = 0.95 - 0.095
  EXPECT_NEAR(p.value[0], 0.855f, 1e-6);
}

TEST(TrainOptimizer, SgdWeightDecayActsOnWeightsOnly) {
  Param w = one_param(2.0f, 0.0f, true);
  Param b = one_param(2.0f, 0.0f, false);
  OptimizerOptions o;
  o.kind = OptimizerKind::kSgd;
  o.momentum = 0.0;
  o.weight_decay = 0.5;
  Optimizer opt(o, {&w, &b});
  opt.step(0.1);  // g = 0.5 * 2 = 1 -> w = 1.9
  EXPECT_NEAR(w.value[0], 1.9f, 1e-6);
  EXPECT_FLOAT_EQ(b.value[0], 2.0f);
}

TEST(TrainOptimizer, AdamFirstStepMovesByTheLearningRate) {
  // After bias correction m_hat = g and v_hat = g^2, so the first step is lr * sign(g).
  Param p = one_param(1.0f, -3.0f, false);
  Optimizer opt(OptimizerOptions{}, {&p});
  opt.step(0.01);
  EXPECT_NEAR(p.value[0], 1.01f, 1e-6);
}

TEST(TrainOptimizer, AdamSecondStepByHand) {
  Param p = one_param(0.0f, 1.0f, false);
  Optimizer opt(OptimizerOptions{}, {&p});
  opt.step(0.1);
  p.grad[0] = 3.0f;
  opt.step(0.1);
  const double m = 0.9 * 0.1 + 0.1 * 3.0, v = 0.999 * 0.001 + 0.001 * 9.0;
  const double m_hat = m / (1 - 0.81), v_hat = v / (1 - 0.999 * 0.999);
  // The optimizer works in float32, where 1 - 0.999f is 1.3e-5 off; hence 1e-5, not 1e-7.
  EXPECT_NEAR(p.value[0], -0.1 - 0.1 * m_hat / (std::sqrt(v_hat) + 1e-8), 1e-5);
}

TEST(TrainOptimizer, Schedules) {
  EXPECT_DOUBLE_EQ(scheduled_learning_rate(LrSchedule::kConstant, 0.1, 7, 10), 0.1);
  EXPECT_DOUBLE_EQ(scheduled_learning_rate(LrSchedule::kCosine, 0.1, 0, 10), 0.1);
  EXPECT_NEAR(scheduled_learning_rate(LrSchedule::kCosine, 0.1, 5, 10), 0.05, 1e-12);
  EXPECT_NEAR(scheduled_learning_rate(LrSchedule::kCosine, 0.1, 10, 10), 0.0, 1e-12);
  EXPECT_DOUBLE_EQ(scheduled_learning_rate(LrSchedule::kStep, 0.1, 4, 10), 0.1);
  EXPECT_NEAR(scheduled_learning_rate(LrSchedule::kStep, 0.1, 5, 10), 0.01, 1e-12);
  EXPECT_NEAR(scheduled_learning_rate(LrSchedule::kStep, 0.1, 8, 10), 0.001, 1e-12);
}

}  // namespace
}  // namespace blsim
