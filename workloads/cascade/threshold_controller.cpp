// SPDX-License-Identifier: MIT
#include "workloads/cascade/threshold_controller.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "common/user_error.h"

namespace blsim {

ControllerSpec parse_controller(const std::string& text, const std::string& where) {
  ControllerSpec spec;
  if (text.empty() || text == "none") return spec;
  const auto colon = text.find(':');
  const std::string kind = text.substr(0, colon);
  const std::string value = colon == std::string::npos ? "" : text.substr(colon + 1);
  const std::string usage = where + ": expected none, rate:FRACTION or energy:J_PER_INFERENCE, got \"" + text + "\"";
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(value.c_str(), &end);
  if (value.empty() || errno != 0 || end != value.c_str() + value.size() || !std::isfinite(v)) {
    throw UserError(usage);
  }
  if (kind == "rate") {
    if (v < 0 || v > 1) throw UserError(where + ": escalation rate must lie in [0, 1], got " + value);
    spec.kind = ControllerSpec::Kind::kRate;
  } else if (kind == "energy") {
    if (v <= 0) throw UserError(where + ": energy target must be positive (J), got " + value);
    spec.kind = ControllerSpec::Kind::kEnergy;
  } else {
    throw UserError(usage);
  }
  spec.target = v;
  return spec;
}

ThresholdController::ThresholdController(const ControllerSpec& spec, double initial_threshold,
                                         double energy_scale_j)
    : spec_(spec),
      threshold_(initial_threshold),
      energy_scale_j_(energy_scale_j > 0 ? energy_scale_j : 1.0),
      ring_(std::max<size_t>(spec.window, 1), 0.0) {}

double ThresholdController::measured() const { return filled_ == 0 ? 0.0 : sum_ / filled_; }

void ThresholdController::observe(bool escalated, double energy_j) {
  if (spec_.kind == ControllerSpec::Kind::kNone) return;
  const double sample = spec_.kind == ControllerSpec::Kind::kRate ? (escalated ? 1.0 : 0.0) : energy_j;
  sum_ += sample - ring_[next_];
  ring_[next_] = sample;
  next_ = (next_ + 1) % ring_.size();
  filled_ = std::min(filled_ + 1, ring_.size());
  // Recompute the sum now and then so rounding cannot drift over long runs.
  if (next_ == 0) {
    sum_ = 0;
    for (double x : ring_) sum_ += x;
  }
  double error = spec_.target - measured();
  if (spec_.kind == ControllerSpec::Kind::kEnergy) error /= energy_scale_j_;
  threshold_ = std::clamp(threshold_ + spec_.gain * error, 0.0, 1.0);
}

}  // namespace blsim
