// SPDX-License-Identifier: MIT
// CSV reports: one header, SI units in column names, numbers printed with enough digits to
// round-trip (%.9g) so identical runs give byte-identical files. Written atomically. Every number
// is finite: a NaN or infinity is refused (UserError naming file, row and column), so a report
// never carries a value that no reader can use; the file is then not written at all.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/atomic_file.h"

namespace blsim {

class CsvWriter {
 public:
  CsvWriter(const std::string& path, const std::vector<std::string>& columns);

  CsvWriter& operator<<(const std::string& text);
  CsvWriter& operator<<(const char* text) { return *this << std::string(text); }
  CsvWriter& operator<<(double value);
  CsvWriter& operator<<(int64_t value);
  CsvWriter& operator<<(uint64_t value);
  CsvWriter& operator<<(int value) { return *this << static_cast<int64_t>(value); }
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

}  // namespace blsim
