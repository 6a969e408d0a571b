// SPDX-License-Identifier: MIT
#include "common/csv_reader.h"

#include "common/user_error.h"

namespace blsim {

size_t CsvTable::column(const std::string& name) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  return header.size();
}

CsvTable parse_csv(const std::string& text, const std::string& where) {
  CsvTable table;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  size_t line = 1;
  auto end_row = [&]() {
    row.push_back(field);
    field.clear();
    if (table.header.empty()) {
      table.header = row;
    } else if (row.size() != table.header.size()) {
      throw UserError(where + ":" + std::to_string(line) + ": a row of " +
                      std::to_string(row.size()) + " fields, the header has " +
                      std::to_string(table.header.size()));
    } else {
      table.rows.push_back(row);
    }
    row.clear();
    ++line;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
    } else if (c == '\n') {
      end_row();
    } else {
      field += c;
    }
  }
  table.torn_tail = !row.empty() || !field.empty() || quoted;
  return table;
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    const std::string& f = fields[i];
    if (f.find_first_of(",\"\n") == std::string::npos) {
      out += f;
      continue;
    }
    out += '"';
    for (const char c : f) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += '"';
  }
  return out + "\n";
}

}  // namespace blsim
