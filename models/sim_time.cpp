// SPDX-License-Identifier: MIT
#include "models/sim_time.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "common/user_error.h"

namespace blsim {
namespace {

std::string seconds_text(double s) {
  char text[40];
  std::snprintf(text, sizeof text, "%.6g s", s);
  return text;
}

void check_representable(double s, const char* what) {
  if (!std::isfinite(s)) {
    throw UserError(std::string("simulated time is not finite (") + what + " " +
                    seconds_text(s) + "): a configuration value is out of range");
  }
  if (s < 0) {
    throw UserError(std::string("simulated time is negative (") + what + " " + seconds_text(s) +
                    ")");
  }
  const double max_s = sc_core::sc_max_time().to_seconds();
  if (s > max_s) {
    throw UserError("simulated time exceeds the " + seconds_text(max_s) +
                    " SystemC can represent (" + what + " " + seconds_text(s) +
                    "): fewer inferences, or check the clock and bandwidth values");
  }
}

}  // namespace

sc_core::sc_time from_seconds(double s) {
  check_representable(s, "got");
  return sc_core::sc_time(s, sc_core::SC_SEC);
}

sc_core::sc_time cycles_to_time(double cycles, double freq_mhz) {
  const double us = cycles / freq_mhz;
  check_representable(us * 1e-6, "a compute step of");
  return sc_core::sc_time(us, sc_core::SC_US);
}

}  // namespace blsim
