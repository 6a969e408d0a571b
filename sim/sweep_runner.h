// SPDX-License-Identifier: MIT
// Running the points of a sweep: each point is the base config with the axes' values set, run
// as `blsim run` would, its sweep.csv line appended as soon as it finishes; --jobs N runs the
// points in N forked processes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/cascade_run.h"
#include "sim/config.h"
#include "sim/sweep_grid.h"

namespace blsim {

// The base config with each axis's key set to the point's value (origin "--vary").
Config point_config(const Config& base, const SweepGrid& grid, const std::vector<std::string>& values);

// What every point of one sweep shares.
struct SweepJob {
  const SweepGrid& grid;
  const Config& base;
  std::string sweep_hash;
  CascadeRunOptions options;
  bool report_val = false;  // rows of the validation split instead of the test split
};

// Runs the points `todo` in `jobs` processes, each appending its line to `path` (emptied first
// when `fresh`; `header` is written when it is empty), and reports progress on stderr as a count
// of `total` points, those not in `todo` already done. A failing point stops the sweep: its
// one-line message is rethrown here.
void run_sweep_points(const SweepJob& job, ScoreSource& scores, const std::vector<uint64_t>& todo,
                      unsigned jobs, const std::string& path, const std::vector<std::string>& header,
                      bool fresh, uint64_t total);

}  // namespace blsim
