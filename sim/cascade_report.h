// SPDX-License-Identifier: MIT
// Reports of a cascade run: summary.csv (one row per split), inferences.csv (one row per input)
// and the short table on stdout. Values are SI units and plain fractions; the table shows percent.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "models/soc_spec.h"
#include "sim/cascade_sim.h"
#include "sim/cascade_spec.h"
#include "workloads/cascade/threshold_search.h"

namespace blsim {

struct SplitReport {
  std::string split;  // "val" or "test"
  const CascadeSimResult* cascade;
  const CascadeSimResult* big_only;
  const CascadeSimResult* little_only;

  double accuracy_loss() const { return big_only->accuracy() - cascade->accuracy(); }
  double energy_reduction() const;  // 1 - cascade / big-only energy per inference
};

struct RunReport {
  const CascadeSpec& spec;
  const SocSpec& soc;
  const CascadePlan& plan;
  const ThresholdChoice& choice;  // meaningful when spec.auto_threshold
  std::vector<SplitReport> splits;
};

class CsvRow;

const std::vector<std::string>& summary_csv_columns();
// The summary columns of one split, appended to a row (sweeps add their own columns).
void write_summary_fields(CsvRow& row, const RunReport& report, const SplitReport& split);
void write_summary_csv(const std::string& path, const RunReport& report);
void write_inferences_csv(const std::string& path, const CascadeSimResult& run);
void print_run_table(std::ostream& out, const RunReport& report);

}  // namespace blsim
