// SPDX-License-Identifier: MIT
// The rows of a sweep as they are kept on disk: sweep.csv grows by one flushed line per finished
// point (its `pareto` field empty until the end), is read back to resume or merge, and is
// rewritten whole at the end, sorted by point, with the Pareto front of the chosen objectives
// flagged; pareto.csv holds the front, best first by the first objective.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/csv_reader.h"

namespace blsim {

// One objective: a numeric column and its direction.
struct Objective {
  std::string column;
  bool maximize = false;
};

// "energy,accuracy,latency" (the default), with the aliases energy, accuracy, latency, p99,
// loss, escalation, saved, or any summary column as COLUMN:min / COLUMN:max. Throws UserError.
std::vector<Objective> parse_objectives(const std::string& text);

// The columns of sweep.csv for these varied keys: the keys, the summary columns, config_hash,
// version, pareto, then point (index in the grid), path (fast or full) and sweep_hash.
std::vector<std::string> sweep_columns(const std::vector<std::string>& keys);

// The rows of a sweep by point index, read from a sweep.csv; refuses a file of another sweep
// (header, sweep_hash, version), naming the file.
struct SweepRows {
  std::vector<std::string> header;
  std::map<uint64_t, std::vector<std::string>> by_point;
};
void read_sweep_rows(const std::string& path, const std::string& text, const std::string& hash,
                     const std::string& version, SweepRows& into);

// Flags the front in each row's `pareto` field, then writes DIR's sweep.csv (every row, by
// point) and pareto.csv (the front, best first) to the given paths. Returns the front's size.
size_t write_sweep_results(SweepRows& rows, const std::vector<Objective>& objectives,
                           const std::string& sweep_path, const std::string& pareto_path);

}  // namespace blsim
