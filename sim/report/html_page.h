// SPDX-License-Identifier: MIT
// The report page: one self-contained HTML file (inline SVG and CSS, no script, nothing fetched)
// with a table of the folder's summary and each chart under its title and caption.
#pragma once

#include <string>
#include <vector>

#include "sim/report/report_charts.h"
#include "sim/report/report_tables.h"

namespace blsim {

std::string report_html(const ReportTables& tables, const std::vector<ReportChart>& charts);

}  // namespace blsim
