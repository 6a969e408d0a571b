// SPDX-License-Identifier: MIT
// Runtime threshold control: an integral controller moves the gate threshold after every input so
// that a measured quantity tracks its target. The measurement is the mean over the last `window`
// inputs of either the escalation indicator (rate:R) or the energy per inference (energy:J, the
// error scaled by the energy of a full escalation so both modes share one gain). Raising the
// threshold escalates more inputs, so: threshold += gain * (target - measured), clamped to [0, 1].
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace blsim {

struct ControllerSpec {
  enum class Kind { kNone, kRate, kEnergy };
  Kind kind = Kind::kNone;
  double target = 0;    // escalation rate (fraction) or energy per inference (J)
  size_t window = 100;  // inputs in the moving average
  double gain = 0.01;   // threshold change per input per unit of (rate) error
};

// "none", "rate:0.15" or "energy:2.5e-4"; throws UserError naming `where` on anything else.
ControllerSpec parse_controller(const std::string& text, const std::string& where);

class ThresholdController {
 public:
  // energy_scale_j: energy that one escalation adds (used to normalise the energy error).
  ThresholdController(const ControllerSpec& spec, double initial_threshold, double energy_scale_j);

  double threshold() const { return threshold_; }
  // Feeds back the outcome of one input; moves the threshold for the next one.
  void observe(bool escalated, double energy_j);
  double measured() const;  // the current moving average

 private:
  ControllerSpec spec_;
  double threshold_;
  double energy_scale_j_;
  std::vector<double> ring_;
  size_t next_ = 0;
  size_t filled_ = 0;
  double sum_ = 0;
};

}  // namespace blsim
