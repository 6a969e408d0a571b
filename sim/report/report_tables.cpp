// SPDX-License-Identifier: MIT
#include "sim/report/report_tables.h"

#include <unistd.h>

#include "common/number_text.h"
#include "common/regular_file.h"
#include "common/user_error.h"

namespace blsim {
namespace {

constexpr uint64_t kMaxCsvBytes = uint64_t{1} << 32;

const std::vector<std::string> kEnergyColumns = {
    "energy_core_dyn_j", "energy_core_static_j", "energy_sram_j",
    "energy_noc_j",      "energy_dram_dyn_j",    "energy_dram_static_j"};

std::vector<std::string> with_energy(std::vector<std::string> columns) {
  columns.insert(columns.end(), kEnergyColumns.begin(), kEnergyColumns.end());
  columns.push_back("energy_total_j");
  return columns;
}

bool exists(const std::string& path) { return ::access(path.c_str(), F_OK) == 0; }

}  // namespace

CheckedCsv::CheckedCsv(const std::string& path, const std::vector<std::string>& columns)
    : path_(path) {
  const std::string text = read_regular_file(path, "CSV file", kMaxCsvBytes);
  table_ = parse_csv(text, path);
  if (table_.torn_tail) throw UserError(path + ": the last row is cut short (no final newline)");
  if (table_.header.empty()) throw UserError(path + ": empty, expected a header and rows");
  for (const auto& c : columns) {
    if (!has(c)) throw UserError(path + ": no column \"" + c + "\" in its header");
  }
  if (table_.rows.empty()) throw UserError(path + ": a header and no rows");
}

size_t CheckedCsv::index(const std::string& column) const {
  const size_t i = table_.column(column);
  if (i == table_.header.size()) throw UserError(path_ + ": no column \"" + column + "\" in its header");
  return i;
}

const std::string& CheckedCsv::text(size_t row, const std::string& column) const {
  return table_.rows.at(row)[index(column)];
}

double CheckedCsv::number(size_t row, const std::string& column) const {
  const std::string& cell = text(row, column);
  double v = 0;
  if (!parse_finite(cell, &v)) {
    throw UserError(path_ + ":" + std::to_string(row + 2) + ": column " + column + ": \"" + cell +
                    "\" is not a finite number");
  }
  return v;
}

ReportTables read_report_tables(const std::string& dir) {
  ReportTables t;
  t.dir = dir;
  const std::string sweep = dir + "/sweep.csv";
  const std::string summary = dir + "/summary.csv";
  const std::vector<std::string> sweep_columns = {
      "dataset", "accuracy_loss", "energy_per_inference_j", "escalation_rate", "accuracy",
      "latency_mean_s", "pareto"};
  if (exists(sweep)) {
    t.kind = ReportKind::kSweep;
    t.files.emplace_back(sweep, sweep_columns);
    t.files.emplace_back(dir + "/pareto.csv", sweep_columns);
    for (const auto& c : t.sweep().header()) {
      if (c == "dataset") break;
      t.varied_keys.push_back(c);
    }
    if (t.varied_keys.empty()) throw UserError(sweep + ": no varied key before the column dataset");
    for (size_t r = 0; r < t.sweep().rows(); ++r) {
      for (const auto& c : sweep_columns) {
        if (c != "dataset") t.sweep().number(r, c);
      }
    }
    return t;
  }
  if (!exists(summary)) {
    throw UserError(dir + ": no summary.csv or sweep.csv (not the folder of a run, profile or sweep)");
  }
  const std::vector<std::string> layer_columns =
      with_energy({"stage", "net", "cluster", "layer", "op", "calls", "time_s"});
  {
    const CheckedCsv probe(summary, {});
    t.kind = probe.has("net") && !probe.has("escalation_rate") ? ReportKind::kProfile : ReportKind::kRun;
  }
  if (t.kind == ReportKind::kProfile) {
    t.files.emplace_back(summary, with_energy({"net", "cluster", "soc", "inferences", "time_s",
                                               "time_per_inference_s", "energy_per_inference_j"}));
  } else {
    t.files.emplace_back(summary, with_energy({"dataset", "samples", "split", "accuracy",
                                               "accuracy_big_only", "accuracy_little_only",
                                               "escalation_rate", "energy_per_inference_j",
                                               "energy_big_only_per_inference_j",
                                               "energy_little_only_per_inference_j",
                                               "latency_mean_s", "latency_p99_s", "stages"}));
  }
  t.files.emplace_back(dir + "/layers.csv", layer_columns);
  if (t.kind == ReportKind::kRun) {
    t.files.emplace_back(dir + "/inferences.csv",
                         std::vector<std::string>{"index", "exit_stage", "escalated", "latency_s",
                                                  "energy_j"});
  }
  // Every number a chart reads is checked now, so a bad cell fails before anything is drawn.
  for (const CheckedCsv& f : t.files) {
    for (size_t r = 0; r < f.rows(); ++r) {
      for (const auto& c : f.header()) {
        const bool numeric = c.size() > 2 && (c.compare(c.size() - 2, 2, "_j") == 0 ||
                                              c.compare(c.size() - 2, 2, "_s") == 0);
        if (numeric || c == "calls" || c == "samples" || c == "inferences" || c == "exit_stage" ||
            c == "accuracy" || c == "escalation_rate") {
          f.number(r, c);
        }
      }
    }
  }
  return t;
}

}  // namespace blsim
