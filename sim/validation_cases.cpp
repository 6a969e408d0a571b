// SPDX-License-Identifier: MIT
#include "sim/validation_cases.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "common/csv_reader.h"
#include "common/number_text.h"
#include "common/regular_file.h"
#include "common/user_error.h"
#include "sim/validation_nets.h"

namespace blsim {
namespace {

constexpr uint64_t kMaxCaseFileBytes = 4 << 20;
constexpr int64_t kMaxStreamBytes = int64_t{1} << 30;  // a stream is simulated tile by tile

struct UnitScale {
  const char* name;
  CaseKind kind;
  double to_si;
};
// MB and GB are decimal, as tinymembench and STREAM print them.
constexpr UnitScale kUnits[] = {
    {"mW", CaseKind::kPower, 1e-3},        {"W", CaseKind::kPower, 1.0},
    {"MB/s", CaseKind::kBandwidth, 1e6},   {"GB/s", CaseKind::kBandwidth, 1e9},
    {"us", CaseKind::kLatency, 1e-6},      {"ms", CaseKind::kLatency, 1e-3},
    {"s", CaseKind::kLatency, 1.0},
};

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in(text);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

bool blank_or_comment(const std::string& line) {
  const size_t first = line.find_first_not_of(" \t");
  return first == std::string::npos || line[first] == '#';
}

class RowReader {
 public:
  RowReader(const std::vector<std::string>& fields, std::string where)
      : fields_(fields), where_(std::move(where)) {}

  const std::string& text(size_t column) const { return fields_.at(column); }
  [[noreturn]] void fail(size_t column, const std::string& why) const {
    throw UserError(where_ + ": " + case_file_columns().at(column) + ": " + why);
  }
  const std::string& required(size_t column) const {
    if (text(column).empty()) fail(column, "is empty");
    return text(column);
  }
  double positive(size_t column) const {
    double v = 0;
    if (!parse_finite(text(column), &v) || v <= 0) {
      fail(column, "expected a positive number, got \"" + text(column) + "\"");
    }
    return v;
  }
  int64_t positive_integer(size_t column) const {
    int64_t v = 0;
    if (!parse_int64(text(column), &v) || v <= 0) {
      fail(column, "expected a positive integer, got \"" + text(column) + "\"");
    }
    return v;
  }

 private:
  const std::vector<std::string>& fields_;
  std::string where_;
};

enum Column : size_t {
  kId, kKind, kPreset, kCluster, kBusyCores, kFreq, kWorkload, kSize, kPublished, kUnit,
  kSource, kHardware, kSoftware, kColumnCount
};

ValidationCase read_row(const std::vector<std::string>& fields, const std::string& where) {
  const RowReader r(fields, where);
  ValidationCase c;
  c.where = where;
  c.id = r.required(kId);
  const std::string& kind = r.required(kKind);
  bool known_kind = false;
  for (size_t k = 0; k < kCaseKindCount; ++k) {
    if (kind == case_kind_name(static_cast<CaseKind>(k))) {
      c.kind = static_cast<CaseKind>(k);
      known_kind = true;
    }
  }
  if (!known_kind) r.fail(kKind, "\"" + kind + "\" is not one of power, bandwidth, latency");
  c.preset = r.required(kPreset);
  if (c.preset.find('/') != std::string::npos || c.preset[0] == '.') {
    r.fail(kPreset, "expected a preset name from configs/soc/, got \"" + c.preset + "\"");
  }
  c.cluster = r.required(kCluster);
  const int64_t cores = r.positive_integer(kBusyCores);
  if (cores > 64) r.fail(kBusyCores, "expected at most 64, got " + r.text(kBusyCores));
  c.busy_cores = static_cast<int>(cores);
  c.freq_mhz = r.positive(kFreq);
  c.workload = r.required(kWorkload);
  const std::set<std::string> power = {"busy", "busy_above_idle"};
  const std::set<std::string> stream = {"copy", "read", "write"};
  if (c.kind == CaseKind::kPower && power.count(c.workload) == 0) {
    r.fail(kWorkload, "a power case runs busy or busy_above_idle, not \"" + c.workload + "\"");
  }
  if (c.kind == CaseKind::kLatency) {
    const auto& nets = validation_net_names();
    if (std::find(nets.begin(), nets.end(), c.workload) == nets.end()) {
      r.fail(kWorkload, "unknown network \"" + c.workload + "\" (known: mobilenet_v1, squeezenet_v1_1)");
    }
  }
  if (c.kind == CaseKind::kBandwidth) {
    if (stream.count(c.workload) == 0) {
      r.fail(kWorkload, "a bandwidth case streams copy, read or write, not \"" + c.workload + "\"");
    }
    const int64_t size = r.positive_integer(kSize);
    if (size > kMaxStreamBytes) r.fail(kSize, "expected at most 1 GiB, got " + r.text(kSize));
    c.size_bytes = static_cast<uint64_t>(size);
  } else if (!r.text(kSize).empty()) {
    r.fail(kSize, "only bandwidth cases take a buffer size");
  }
  c.published = r.positive(kPublished);
  c.unit = r.required(kUnit);
  bool known_unit = false;
  for (const UnitScale& u : kUnits) {
    if (c.unit != u.name) continue;
    known_unit = true;
    if (u.kind != c.kind) {
      r.fail(kUnit, "\"" + c.unit + "\" is not a unit of " + case_kind_name(c.kind));
    }
    c.published_si = c.published * u.to_si;
  }
  if (!known_unit) r.fail(kUnit, "unknown unit \"" + c.unit + "\" (mW, W, MB/s, GB/s, us, ms, s)");
  c.source = r.required(kSource);
  c.hardware = r.required(kHardware);
  c.software = r.required(kSoftware);
  return c;
}

}  // namespace

const char* case_kind_name(CaseKind kind) {
  switch (kind) {
    case CaseKind::kPower: return "power";
    case CaseKind::kBandwidth: return "bandwidth";
    case CaseKind::kLatency: return "latency";
  }
  return "?";
}

double case_kind_target(CaseKind kind) {
  switch (kind) {
    case CaseKind::kPower: return 0.15;
    case CaseKind::kBandwidth: return 0.20;
    case CaseKind::kLatency: return 0.25;
  }
  return 0;
}

const char* case_kind_si_unit(CaseKind kind) {
  switch (kind) {
    case CaseKind::kPower: return "W";
    case CaseKind::kBandwidth: return "B/s";
    case CaseKind::kLatency: return "s";
  }
  return "?";
}

const std::vector<std::string>& case_file_columns() {
  static const std::vector<std::string> columns = {
      "id",        "kind",    "preset", "cluster", "busy_cores", "freq_mhz", "workload",
      "size_bytes", "published", "unit", "source",  "hardware",   "software"};
  return columns;
}

std::vector<ValidationCase> parse_cases(const std::string& text, const std::string& path) {
  const std::vector<std::string> lines = split_lines(text);
  std::vector<ValidationCase> cases;
  std::set<std::string> ids;
  bool header_seen = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (blank_or_comment(lines[i])) continue;
    const std::string where = path + ":" + std::to_string(i + 1);
    // One line is one row: a line parsed alone comes back as a header-only table.
    const CsvTable row = parse_csv(lines[i] + "\n", where);
    if (row.torn_tail) throw UserError(where + ": a quoted field is not closed on its line");
    const std::vector<std::string>& fields = row.header;
    if (!header_seen) {
      if (fields != case_file_columns()) {
        std::string expected;
        for (const auto& c : case_file_columns()) expected += (expected.empty() ? "" : ",") + c;
        throw UserError(where + ": expected the header " + expected);
      }
      header_seen = true;
      continue;
    }
    if (fields.size() != kColumnCount) {
      throw UserError(where + ": " + std::to_string(fields.size()) + " fields, expected " +
                      std::to_string(kColumnCount));
    }
    ValidationCase c = read_row(fields, where);
    if (!ids.insert(c.id).second) throw UserError(where + ": id: \"" + c.id + "\" is given twice");
    cases.push_back(std::move(c));
  }
  if (cases.empty()) throw UserError(path + ": no cases");
  return cases;
}

std::vector<ValidationCase> read_cases(const std::string& path) {
  return parse_cases(read_regular_file(path, "case file", kMaxCaseFileBytes), path);
}

double relative_error(double model, double published) { return (model - published) / published; }

std::vector<KindSummary> summarize(const std::vector<CaseKind>& kinds,
                                   const std::vector<double>& rel_errors) {
  std::vector<KindSummary> out;
  for (size_t k = 0; k < kCaseKindCount; ++k) {
    const CaseKind kind = static_cast<CaseKind>(k);
    std::vector<double> abs_errors;
    for (size_t i = 0; i < kinds.size() && i < rel_errors.size(); ++i) {
      if (kinds[i] == kind) abs_errors.push_back(std::fabs(rel_errors[i]));
    }
    if (abs_errors.empty()) continue;
    std::sort(abs_errors.begin(), abs_errors.end());
    const size_t n = abs_errors.size();
    KindSummary s;
    s.kind = kind;
    s.cases = n;
    s.median_abs_error =
        n % 2 == 1 ? abs_errors[n / 2] : 0.5 * (abs_errors[n / 2 - 1] + abs_errors[n / 2]);
    s.worst_abs_error = abs_errors.back();
    s.target = case_kind_target(kind);
    out.push_back(s);
  }
  return out;
}

}  // namespace blsim
