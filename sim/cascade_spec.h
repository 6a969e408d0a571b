// SPDX-License-Identifier: MIT
// A cascade as the run driver sees it, checked once from the configuration: ordered stages
// (network file, cluster name), the gate metric and threshold policy, and runtime control. The
// cascade's configuration keys are declared beside the fields they fill (cascade_spec.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/enum_names.h"
#include "models/soc_spec.h"
#include "sim/arrival.h"
#include "sim/config.h"
#include "sim/governor.h"
#include "workloads/cascade/threshold_controller.h"

namespace blsim {

constexpr int kMaxStages = 4;

enum class GateMetric { kMargin, kMaxProb, kEntropy };
const EnumNames<GateMetric>& gate_metric_names();  // "margin", "maxprob", "entropy"

struct StageSpec {
  std::string net_path;
  std::string net_name;  // file name without folder and .onnx, e.g. "mnist-little"
  std::string cluster;   // a name from the SoC's soc.clusters
};

struct CascadeSpec {
  std::string dataset = "mnist";
  GateMetric metric = GateMetric::kMargin;
  std::string metric_name = "margin";
  std::string threshold_text = "auto";
  bool auto_threshold = true;
  double threshold = 0;  // when !auto_threshold
  double max_accuracy_loss = 0.002;
  double loss_confidence = 0.9;  // for auto: the loss bound holds with this probability
  int64_t loss_unseen_samples = 0;  // for auto: size of the unseen set the bound is for (0: all)
  std::string gate_temperature_text = "1";  // a number, or "fit" (on the validation split)
  double gate_temperature = 1;              // when not fitted
  bool fit_gate_temperature = false;
  double gate_cycles = 500;
  PowerState first_rest = PowerState::kIdle;       // first stage's cluster, between inputs
  PowerState escalation_rest = PowerState::kIdle;  // clusters only later stages use
  std::string controller_text = "none";
  ControllerSpec controller;
  int batch = 256;
  std::string cache_dir = "data/cache";
  std::vector<StageSpec> stages;  // two or more
  // Streaming (sim/stream_sim.h): when inputs arrive, how many may wait, the deadline, whether
  // the stages overlap on their clusters, and the clusters' governors.
  std::string arrival_text = "back-to-back";
  ArrivalSpec arrival;
  uint64_t queue = 4;
  double deadline_s = 0;  // 0: none
  bool overlap = true;
  GovernorSpec governor;
};

// Throws UserError naming the key and where it was set.
CascadeSpec cascade_spec_from(const Config& cfg);

// The index of each stage's cluster in `soc`; a UserError naming stageN.cluster and listing the
// SoC's clusters when one does not exist.
std::vector<ClusterIndex> stage_clusters(const CascadeSpec& spec, const SocSpec& soc,
                                         const Config& cfg);

const char* gate_metric_name(GateMetric metric);

}  // namespace blsim
