// SPDX-License-Identifier: MIT
// A cascade as the run driver sees it, checked once from the configuration: ordered stages
// (network file, cluster), the gate metric and threshold policy, and runtime control.
#pragma once

#include <string>
#include <vector>

#include "models/soc_spec.h"
#include "sim/config.h"
#include "workloads/cascade/threshold_controller.h"

namespace blsim {

constexpr int kMaxStages = 4;

enum class GateMetric { kMargin, kMaxProb, kEntropy };

struct StageSpec {
  std::string net_path;
  std::string net_name;  // file name without folder and .onnx, e.g. "mnist-little"
  std::string cluster;   // "big" or "little"
};

struct CascadeSpec {
  std::string dataset;
  GateMetric metric = GateMetric::kMargin;
  std::string metric_name;
  bool auto_threshold = true;
  double threshold = 0;  // when !auto_threshold
  double max_accuracy_loss = 0.002;
  double loss_confidence = 0.9;  // for auto: the loss bound holds with this probability
  double gate_cycles = 0;
  PowerState first_rest = PowerState::kIdle;       // first stage's cluster, between inputs
  PowerState escalation_rest = PowerState::kOff;   // clusters only later stages use
  ControllerSpec controller;
  int batch = 256;
  std::string cache_dir;
  std::vector<StageSpec> stages;  // two or more
};

// Throws UserError naming the key and where it was set.
CascadeSpec cascade_spec_from(const Config& cfg);

const char* gate_metric_name(GateMetric metric);

}  // namespace blsim
