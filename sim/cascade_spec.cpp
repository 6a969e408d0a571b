// SPDX-License-Identifier: MIT
#include "sim/cascade_spec.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <limits>

namespace blsim {

const char* gate_metric_name(GateMetric metric) {
  switch (metric) {
    case GateMetric::kMargin: return "margin";
    case GateMetric::kMaxProb: return "maxprob";
    case GateMetric::kEntropy: return "entropy";
  }
  return "margin";
}

namespace {

PowerState parse_power_state(const std::string& text) {
  if (text == "active") return PowerState::kActive;
  if (text == "parked") return PowerState::kParked;
  if (text == "off") return PowerState::kOff;
  return PowerState::kIdle;
}

}  // namespace

CascadeSpec cascade_spec_from(const Config& cfg) {
  CascadeSpec spec;
  spec.dataset = cfg.text("cascade.dataset");
  spec.metric_name = cfg.text("cascade.metric");
  spec.metric = spec.metric_name == "maxprob"   ? GateMetric::kMaxProb
                : spec.metric_name == "entropy" ? GateMetric::kEntropy
                                                : GateMetric::kMargin;
  const std::string& thr = cfg.text("cascade.threshold");
  spec.auto_threshold = thr == "auto";
  if (!spec.auto_threshold) {
    char* end = nullptr;
    errno = 0;
    spec.threshold = std::strtod(thr.c_str(), &end);
    if (thr.empty() || errno != 0 || end != thr.c_str() + thr.size() ||
        !std::isfinite(spec.threshold) || spec.threshold < 0 || spec.threshold > 1) {
      cfg.fail("cascade.threshold", "expected auto or a number between 0 and 1, got \"" + thr + "\"");
    }
  }
  spec.max_accuracy_loss = cfg.real("cascade.max_accuracy_loss");
  spec.loss_confidence = cfg.real("cascade.loss_confidence");
  if (spec.loss_confidence < 0.5 || spec.loss_confidence >= 1) {
    cfg.fail("cascade.loss_confidence", "expected a probability in [0.5, 1), got \"" +
                                            cfg.text("cascade.loss_confidence") + "\"");
  }
  spec.gate_cycles = cfg.real("cascade.gate_cycles");
  spec.first_rest = parse_power_state(cfg.text("cascade.first_rest_state"));
  spec.escalation_rest = parse_power_state(cfg.text("cascade.escalation_rest_state"));
  spec.controller = parse_controller(cfg.text("cascade.controller"),
                                     cfg.origin("cascade.controller") + ": cascade.controller");
  spec.controller.window = static_cast<size_t>(cfg.integer("cascade.controller_window"));
  spec.controller.gain = cfg.real("cascade.controller_gain");
  const int64_t batch = cfg.integer("cascade.batch");
  if (batch > std::numeric_limits<int>::max()) {
    cfg.fail("cascade.batch", "is out of range (at most " +
                                  std::to_string(std::numeric_limits<int>::max()) + " images)");
  }
  spec.batch = static_cast<int>(batch);
  spec.cache_dir = cfg.path("cascade.cache_dir");

  bool ended = false;
  for (int s = 1; s <= kMaxStages; ++s) {
    const std::string p = "stage" + std::to_string(s);
    const bool has_net = !cfg.text(p + ".net").empty();
    const bool has_cluster = !cfg.text(p + ".cluster").empty();
    if (!has_net && !has_cluster) {
      ended = true;
      continue;
    }
    if (ended) cfg.fail(p + ".net", "stage " + std::to_string(s) + " follows a missing stage " +
                                        std::to_string(s - 1));
    if (!has_net) cfg.fail(p + ".cluster", "stage " + std::to_string(s) + " has a cluster but no " + p + ".net");
    if (!has_cluster) cfg.fail(p + ".net", "stage " + std::to_string(s) + " has a network but no " + p + ".cluster");
    StageSpec stage;
    stage.net_path = cfg.path(p + ".net");
    if (!std::filesystem::is_regular_file(stage.net_path)) {
      cfg.fail(p + ".net", "no such file: " + stage.net_path);
    }
    stage.net_name = std::filesystem::path(stage.net_path).stem().string();
    stage.cluster = cfg.text(p + ".cluster");
    spec.stages.push_back(stage);
  }
  if (spec.stages.size() < 2) {
    cfg.fail("stage2.net", "a cascade needs at least two stages (stage1.net, stage2.net, ...)");
  }
  return spec;
}

}  // namespace blsim
