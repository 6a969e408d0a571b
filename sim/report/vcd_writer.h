// SPDX-License-Identifier: MIT
// A Value Change Dump of a RunTrace, for GTKWave: per cluster its power (mW), power state,
// frequency (MHz) and the work running (layer name, "gate", "wake" or "-"); DRAM power (mW) and
// bandwidth (GB/s); and the total power. Timescale 1 ps. Power states and layers are VCD string
// variables (GTKWave's extension of the format); powers and rates are real variables.
// A cluster's power is its StateInterval power; DRAM power is each slice's DRAM energy spread
// evenly over the slice, so the total power integrates to the intervals' energy plus the slices'
// DRAM energy.
#pragma once

#include <string>

#include "sim/run_trace.h"

namespace blsim {

void write_vcd(const RunTrace& trace, const std::string& path);

// The energy the VCD's total power integrates to (J): sum of power_w x time over the intervals,
// plus the DRAM energy of every slice.
double vcd_energy_j(const RunTrace& trace);

}  // namespace blsim
