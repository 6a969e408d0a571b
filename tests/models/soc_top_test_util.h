// SPDX-License-Identifier: MIT
// The assembled SoC in a test: simulate() builds it in a fresh kernel and runs the test's body in
// an SC_THREAD; relative() is the relative error the SoC tests bound.
#pragma once

#include <algorithm>
#include <cmath>

#include "models/soc_top.h"
#include "tests/models/soc_fixtures.h"

namespace blsim::testing {

// Builds a SoC in a fresh kernel, runs body(soc) in a thread, returns after the simulation.
template <typename Body>
void simulate(const SocSpec& spec, Body body) {
  fresh_simulation_kernel();
  SocTop soc("soc", spec);
  ThreadRunner runner("runner", [&] { body(soc); });
  sc_core::sc_start();
}

inline double relative(double a, double b) {
  return std::fabs(a - b) / std::max(std::fabs(b), 1e-300);
}

}  // namespace blsim::testing
