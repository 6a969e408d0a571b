// SPDX-License-Identifier: MIT
// Parameter updates: Adam with decoupled weight decay (AdamW, Loshchilov & Hutter 2019) or SGD
// with momentum and L2 decay, plus the learning-rate schedules (constant, cosine decay to zero
// over the run, step: x0.1 at 50% and 75% of the steps). Updates run in parameter order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "workloads/train/layer.h"

namespace blsim {

enum class OptimizerKind { kAdam, kSgd };
enum class LrSchedule { kConstant, kCosine, kStep };

struct OptimizerOptions {
  OptimizerKind kind = OptimizerKind::kAdam;
  double momentum = 0.9;  // SGD momentum; Adam's beta1
  double beta2 = 0.999;
  double epsilon = 1e-8;
  double weight_decay = 0.0;  // per step, scaled by the learning rate
};

class Optimizer {
 public:
  Optimizer(const OptimizerOptions& options, std::vector<Param*> params);
  // Applies one update with the gradients held in the params.
  void step(double learning_rate);

 private:
  OptimizerOptions options_;
  std::vector<Param*> params_;
  std::vector<std::vector<float>> first_, second_;  // moment estimates, per param
  int64_t steps_ = 0;
};

// Learning rate at step `step` of `total_steps` (0-based) for a base rate.
double scheduled_learning_rate(LrSchedule schedule, double base_rate, int64_t step,
                               int64_t total_steps);

}  // namespace blsim
