// SPDX-License-Identifier: MIT
// A RunTrace as a Chrome / Perfetto trace (Trace Event Format, JSON object form): one process
// "blsim", one thread track per cluster. Each layer, gate and wake-up is a complete ("X") slice
// with its energy by component as arguments; the time between them is cut into "idle" slices
// named by the cluster's power state, so a track's slices tile the run without overlap. Power per
// cluster and DRAM bandwidth are counter ("C") tracks. Times in microseconds.
#pragma once

#include <string>

#include "sim/run_trace.h"

namespace blsim {

void write_timeline(const RunTrace& trace, const std::string& path);

}  // namespace blsim
