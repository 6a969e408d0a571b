// SPDX-License-Identifier: MIT
#include "workloads/train/optimizer.h"

#include <cmath>

namespace blsim {

Optimizer::Optimizer(const OptimizerOptions& options, std::vector<Param*> params)
    : options_(options), params_(std::move(params)) {
  for (const Param* p : params_) {
    first_.emplace_back(p->value.size(), 0.0f);
    if (options_.kind == OptimizerKind::kAdam) second_.emplace_back(p->value.size(), 0.0f);
  }
}

void Optimizer::step(double learning_rate) {
  ++steps_;
  const float lr = static_cast<float>(learning_rate);
  const float decay = static_cast<float>(options_.weight_decay);
  const float beta1 = static_cast<float>(options_.momentum);
  if (options_.kind == OptimizerKind::kSgd) {
    for (size_t k = 0; k < params_.size(); ++k) {
      Param& p = *params_[k];
      std::vector<float>& velocity = first_[k];
      for (size_t i = 0; i < p.value.size(); ++i) {
        const float g = p.grad[i] + (p.decays ? decay * p.value[i] : 0.0f);
        velocity[i] = beta1 * velocity[i] + g;
        p.value[i] -= lr * velocity[i];
      }
    }
    return;
  }
  const float beta2 = static_cast<float>(options_.beta2);
  const float eps = static_cast<float>(options_.epsilon);
  // Bias corrections of the moment estimates (Kingma & Ba 2015, Algorithm 1).
  const float c1 = static_cast<float>(1.0 - std::pow(options_.momentum, steps_));
  const float c2 = static_cast<float>(1.0 - std::pow(options_.beta2, steps_));
  for (size_t k = 0; k < params_.size(); ++k) {
    Param& p = *params_[k];
    std::vector<float>& m = first_[k];
    std::vector<float>& v = second_[k];
    for (size_t i = 0; i < p.value.size(); ++i) {
      const float g = p.grad[i];
      m[i] = beta1 * m[i] + (1.0f - beta1) * g;
      v[i] = beta2 * v[i] + (1.0f - beta2) * g * g;
      const float update = (m[i] / c1) / (std::sqrt(v[i] / c2) + eps);
      p.value[i] -= lr * (update + (p.decays ? decay * p.value[i] : 0.0f));
    }
  }
}

double scheduled_learning_rate(LrSchedule schedule, double base_rate, int64_t step,
                               int64_t total_steps) {
  if (total_steps <= 0) return base_rate;
  const double progress = static_cast<double>(step) / static_cast<double>(total_steps);
  switch (schedule) {
    case LrSchedule::kConstant: return base_rate;
    case LrSchedule::kCosine: return base_rate * 0.5 * (1.0 + std::cos(M_PI * progress));
    case LrSchedule::kStep:
      return base_rate * (progress < 0.5 ? 1.0 : progress < 0.75 ? 0.1 : 0.01);
  }
  return base_rate;
}

}  // namespace blsim
