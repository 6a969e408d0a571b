// SPDX-License-Identifier: MIT
// CSV reports: one header, SI units in column names, numbers printed with enough digits to
// round-trip (%.9g) so identical runs give byte-identical files. Written atomically. Every number
// is finite: a NaN or infinity is refused (UserError naming file, row and column), so a report
// never carries a value that no reader can use; the file is then not written at all.
#pragma once

#include <cstdint>
#include <utility>
#include <string>
#include <vector>

#include "common/atomic_file.h"

namespace blsim {

// One row's fields, formatted as CsvWriter formats them, for rows built before their file is
// known (sweeps append rows as points finish). `where` names the row in a non-finite error.
class CsvRow {
 public:
  explicit CsvRow(std::string where) : where_(std::move(where)) {}
  CsvRow& operator<<(const std::string& text);
  CsvRow& operator<<(const char* text) { return *this << std::string(text); }
  CsvRow& operator<<(double value);
  CsvRow& operator<<(int64_t value);
  CsvRow& operator<<(uint64_t value);
  CsvRow& operator<<(int value) { return *this << static_cast<int64_t>(value); }
  const std::vector<std::string>& fields() const { return fields_; }

 private:
  std::string where_;
  std::vector<std::string> fields_;
};

class CsvWriter {
 public:
  CsvWriter(const std::string& path, const std::vector<std::string>& columns);

  CsvWriter& operator<<(const std::string& text);
  CsvWriter& operator<<(const char* text) { return *this << std::string(text); }
  CsvWriter& operator<<(double value);
  CsvWriter& operator<<(int64_t value);
  CsvWriter& operator<<(uint64_t value);
  CsvWriter& operator<<(int value) { return *this << static_cast<int64_t>(value); }
  CsvWriter& operator<<(const CsvRow& row);  // its fields, in order
  void end_row();  // checks the row has one field per column
  void commit();   // renames the finished file into place

 private:
  void field(const std::string& text);
  AtomicFile file_;
  std::vector<std::string> columns_;
  uint64_t rows_ = 0;
  size_t in_row_ = 0;
};

std::string format_number(double value);  // %.9g, the one number format of every report
// format_number of a finite value; a NaN or infinity is a UserError "WHERE: value V is not
// finite (not written)".
std::string finite_number(double value, const std::string& where);

}  // namespace blsim
