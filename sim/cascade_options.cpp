// SPDX-License-Identifier: MIT
// Configuration keys of a cascade run: the stages (network file, cluster), the gate and its
// threshold, runtime control and the functional-pass cache. Numbers with a hardware meaning
// (gate cycles) are given, with their source, by the cascade specs in configs/cascade/.
#include "sim/cascade_spec.h"
#include "sim/command_line.h"

namespace blsim {

void declare_cascade_options(OptionTable& t) {
  t.text("cascade.dataset", "mnist", "dataset the cascade classifies", {"mnist", "fashion"})
      .text("cascade.metric", "margin",
            "gate confidence: margin = top-1 minus top-2 softmax probability (Park et al. 2015), "
            "maxprob = top-1 probability, entropy = 1 - H(p)/ln(classes)",
            {"margin", "maxprob", "entropy"})
      .text("cascade.threshold", "auto",
            "gate threshold in [0, 1] (a stage answers when its confidence >= threshold), or auto: "
            "chosen on the validation split as the least energy within max_accuracy_loss")
      .real("cascade.max_accuracy_loss", "0.002", "fraction",
            "accuracy loss budget against big-only for threshold = auto (0.002 = 0.2 points)",
            Bound::kFraction)
      .real("cascade.loss_confidence", "0.9", "probability",
            "threshold = auto keeps the accuracy loss within budget with this confidence: the "
            "loss's upper bound mean + z*sd/sqrt(n) on the validation split must fit (0.5: the "
            "plain validation estimate)",
            Bound::kFraction)
      .real("cascade.gate_cycles", "500", "cycles",
            "cycles the gate check (softmax, top-2, compare) costs on the stage's cluster",
            Bound::kNonNegative)
      .text("cascade.first_rest_state", "idle",
            "power state of the first stage's cluster between inputs: active, idle (clock-gated), "
            "parked (clock-gated at the lowest operating point's voltage) or off (power-gated)",
            {"active", "idle", "parked", "off"})
      .text("cascade.escalation_rest_state", "idle",
            "power state, between their runs, of clusters that only later stages use: active, "
            "idle, parked or off (a cluster no stage uses is off)",
            {"active", "idle", "parked", "off"})
      .text("cascade.controller", "none",
            "runtime threshold control: none, rate:FRACTION (escalation rate) or energy:J "
            "(energy per inference)")
      .integer("cascade.controller_window", "100", "inputs",
               "moving-average window of the runtime controller", Bound::kPositive)
      .real("cascade.controller_gain", "0.01", "threshold per unit error",
            "integral gain of the runtime controller (threshold change per input per unit of "
            "escalation-rate error)",
            Bound::kPositive)
      .integer("cascade.batch", "256", "images", "batch size of the functional pass",
               Bound::kPositive)
      .path("cascade.cache_dir", "data/cache",
            "folder of cached network outputs (keyed by network and dataset hashes)");
  for (int s = 1; s <= kMaxStages; ++s) {
    const std::string p = "stage" + std::to_string(s);
    t.path(p + ".net", "", "ONNX network of stage " + std::to_string(s) + " (empty: no such stage)")
        .text(p + ".cluster", "", "cluster that runs stage " + std::to_string(s),
              {"", "big", "little"});
  }
}

}  // namespace blsim
