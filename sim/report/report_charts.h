// SPDX-License-Identifier: MIT
// Which charts a report holds, drawn from the tables of a run, profile or sweep: energy per
// inference by component, per-layer energy of each network, overheads (wake-ups, rests, DRAM
// background), latency distribution, accuracy and escalation; for a sweep the Pareto front and
// one chart per varied key. Each chart has a file name, a title and a caption for the page.
#pragma once

#include <string>
#include <vector>

#include "sim/report/report_tables.h"

namespace blsim {

struct ReportChart {
  std::string file;     // e.g. "energy_components.svg"
  std::string title;
  std::string caption;  // what it shows, one or two sentences, for the page
  std::string svg;
};

std::vector<ReportChart> report_charts(const ReportTables& tables);

}  // namespace blsim
