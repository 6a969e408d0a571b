// SPDX-License-Identifier: MIT
// The CSV files of an output folder, read back for the report: a run (summary.csv, layers.csv,
// inferences.csv), a profile (summary.csv with a `net` column, layers.csv) or a sweep
// (sweep.csv, pareto.csv). Every file is checked whole before a chart is drawn: a missing file,
// a torn or ragged row, a missing column or a cell that is not a finite number is a UserError
// naming the file, row and column.
#pragma once

#include <string>
#include <vector>

#include "common/csv_reader.h"

namespace blsim {

class CheckedCsv {
 public:
  // Reads PATH; `columns` must all be in its header, and it must have at least one row.
  CheckedCsv(const std::string& path, const std::vector<std::string>& columns);

  size_t rows() const { return table_.rows.size(); }
  bool has(const std::string& column) const { return table_.column(column) < table_.header.size(); }
  const std::vector<std::string>& header() const { return table_.header; }
  const std::string& text(size_t row, const std::string& column) const;
  double number(size_t row, const std::string& column) const;
  const std::string& path() const { return path_; }

 private:
  size_t index(const std::string& column) const;
  std::string path_;
  CsvTable table_;
};

enum class ReportKind { kRun, kProfile, kSweep };

struct ReportTables {
  ReportKind kind = ReportKind::kRun;
  std::string dir;
  std::vector<CheckedCsv> files;  // run: summary, layers, inferences; profile: summary, layers;
                                  // sweep: sweep, pareto
  std::vector<std::string> varied_keys;  // sweep: the columns before `dataset`
  const CheckedCsv& summary() const { return files[0]; }
  const CheckedCsv& layers() const { return files[1]; }
  const CheckedCsv& inferences() const { return files[2]; }
  const CheckedCsv& sweep() const { return files[0]; }
};

// Finds what DIR holds (sweep.csv first, then summary.csv) and reads it all.
ReportTables read_report_tables(const std::string& dir);

}  // namespace blsim
