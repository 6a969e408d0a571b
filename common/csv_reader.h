// SPDX-License-Identifier: MIT
// Reading back the CSV files blsim writes (a header, then rows; fields quoted when they hold a
// comma, quote or newline, quotes doubled inside), for sweeps that resume and shards that merge.
#pragma once

#include <string>
#include <vector>

namespace blsim {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  bool torn_tail = false;  // the text ended inside a row (no final newline): that row is dropped

  // Index of column `name`, or header.size() when there is none.
  size_t column(const std::string& name) const;
};

// Parses CSV text; `where` names the file in errors. A row whose field count differs from the
// header's is a UserError ("FILE: row N has M fields, the header has K").
CsvTable parse_csv(const std::string& text, const std::string& where);

// The fields of one row as CsvWriter writes them, with the final newline.
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace blsim
