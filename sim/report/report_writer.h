// SPDX-License-Identifier: MIT
// Writes DIR/report.html and each of its charts as DIR/NAME.svg from the CSV files in DIR. All
// files are drawn in memory first and appear together (OutputSet), so bad input leaves none.
#pragma once

#include <string>
#include <vector>

namespace blsim {

// Returns the names of the files written (report.html first).
std::vector<std::string> write_report(const std::string& dir);

}  // namespace blsim
