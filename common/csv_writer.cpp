// SPDX-License-Identifier: MIT
#include "common/csv_writer.h"

#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "common/user_error.h"

namespace blsim {

std::string format_number(double value) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.9g", value);
  return buf;
}

std::string finite_number(double value, const std::string& where) {
  if (!std::isfinite(value)) {
    throw UserError(where + ": value " + format_number(value) + " is not finite (not written)");
  }
  return format_number(value);
}

CsvRow& CsvRow::operator<<(const std::string& text) {
  fields_.push_back(text);
  return *this;
}

CsvRow& CsvRow::operator<<(double value) {
  fields_.push_back(finite_number(value, where_ + ", field " + std::to_string(fields_.size() + 1)));
  return *this;
}

CsvRow& CsvRow::operator<<(int64_t value) {
  fields_.push_back(std::to_string(value));
  return *this;
}

CsvRow& CsvRow::operator<<(uint64_t value) {
  fields_.push_back(std::to_string(value));
  return *this;
}

CsvWriter& CsvWriter::operator<<(const CsvRow& row) {
  for (const auto& f : row.fields()) field(f);
  return *this;
}

CsvWriter::CsvWriter(const std::string& path, const std::vector<std::string>& columns)
    : file_(path), columns_(columns) {
  for (const auto& c : columns) field(c);
  end_row();
}

void CsvWriter::field(const std::string& text) {
  auto& out = file_.stream();
  if (in_row_ > 0) out << ',';
  if (text.find_first_of(",\"\n") != std::string::npos) {
    out << '"';
    for (char c : text) out << (c == '"' ? std::string("\"\"") : std::string(1, c));
    out << '"';
  } else {
    out << text;
  }
  ++in_row_;
}

CsvWriter& CsvWriter::operator<<(const std::string& text) {
  field(text);
  return *this;
}

CsvWriter& CsvWriter::operator<<(double value) {
  const std::string column = in_row_ < columns_.size() ? columns_[in_row_] : "?";
  field(finite_number(value, output_display_path(file_.path()) + ": row " +
                                 std::to_string(rows_) + ", column " + column));
  return *this;
}

CsvWriter& CsvWriter::operator<<(int64_t value) {
  field(std::to_string(value));
  return *this;
}

CsvWriter& CsvWriter::operator<<(uint64_t value) {
  field(std::to_string(value));
  return *this;
}

void CsvWriter::end_row() {
  if (in_row_ != columns_.size()) {
    throw std::logic_error("CSV row has " + std::to_string(in_row_) + " fields, header has " +
                           std::to_string(columns_.size()));
  }
  file_.stream() << '\n';
  in_row_ = 0;
  ++rows_;
}

void CsvWriter::commit() { file_.commit(); }

}  // namespace blsim
