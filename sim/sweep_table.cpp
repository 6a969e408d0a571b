// SPDX-License-Identifier: MIT
#include "sim/sweep_table.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "common/atomic_file.h"
#include "common/number_text.h"
#include "common/user_error.h"
#include "sim/cascade_report.h"

namespace blsim {
namespace {

struct Alias {
  const char* name;
  const char* column;
  bool maximize;
};
constexpr Alias kAliases[] = {{"energy", "energy_per_inference_j", false},
                              {"accuracy", "accuracy", true},
                              {"latency", "latency_mean_s", false},
                              {"p99", "latency_p99_s", false},
                              {"loss", "accuracy_loss", false},
                              {"escalation", "escalation_rate", false},
                              {"saved", "energy_reduction", true}};

double number_of(const std::string& text, const std::string& column, uint64_t point) {
  double v = 0;
  if (!parse_finite(text, &v)) {
    throw UserError("sweep: point " + std::to_string(point) + ": " + column + " is \"" + text +
                    "\", not a number");
  }
  return v;
}

}  // namespace

std::vector<Objective> parse_objectives(const std::string& text) {
  std::vector<Objective> out;
  const auto& summary = summary_csv_columns();
  size_t pos = 0;
  for (;;) {
    const size_t end = std::min(text.find(',', pos), text.size());
    const std::string item = text.substr(pos, end - pos);
    Objective o;
    bool found = false;
    for (const auto& a : kAliases) {
      if (item == a.name) {
        o = Objective{a.column, a.maximize};
        found = true;
      }
    }
    const auto colon = item.rfind(':');
    if (!found && colon != std::string::npos) {
      const std::string dir = item.substr(colon + 1);
      o.column = item.substr(0, colon);
      o.maximize = dir == "max";
      found = (dir == "min" || dir == "max") &&
              std::find(summary.begin(), summary.end(), o.column) != summary.end();
    }
    if (!found) {
      throw UserError("--objectives " + text + ": \"" + item +
                      "\" is neither energy, accuracy, latency, p99, loss, escalation, saved nor "
                      "a summary column with :min or :max (e.g. energy_total_j:min)");
    }
    out.push_back(o);
    if (end == text.size()) break;
    pos = end + 1;
  }
  return out;
}

std::vector<std::string> sweep_columns(const std::vector<std::string>& keys) {
  std::vector<std::string> columns = keys;
  for (const auto& c : summary_csv_columns()) columns.push_back(c);
  for (const char* c : {"config_hash", "version", "pareto", "point", "path", "sweep_hash"}) {
    columns.push_back(c);
  }
  return columns;
}

void read_sweep_rows(const std::string& path, const std::string& text, const std::string& hash,
                     const std::string& version, SweepRows& into) {
  const CsvTable table = parse_csv(text, path);
  if (!into.header.empty() && table.header != into.header) {
    throw UserError(path + ": its columns differ from this sweep's (another sweep?)");
  }
  const size_t point = table.column("point"), sweep_hash = table.column("sweep_hash");
  const size_t ver = table.column("version");
  if (point == table.header.size() || sweep_hash == table.header.size()) {
    throw UserError(path + ": not a sweep.csv of this blsim (no point or sweep_hash column)");
  }
  into.header = table.header;
  for (const auto& row : table.rows) {
    if (!hash.empty() && row[sweep_hash] != hash) {
      throw UserError(path + ": a row of another sweep (sweep_hash " + row[sweep_hash] +
                      ", this sweep " + hash + ")");
    }
    if (!version.empty() && row[ver] != version) {
      throw UserError(path + ": a row of blsim " + row[ver] + ", this is " + version);
    }
    const uint64_t p = std::strtoull(row[point].c_str(), nullptr, 10);
    auto [it, added] = into.by_point.emplace(p, row);
    if (!added) {
      // The same point twice must be the same result (a resumed or overlapping shard).
      std::vector<std::string> a = it->second, b = row;
      a[table.column("pareto")] = b[table.column("pareto")] = "";
      if (a != b) throw UserError(path + ": point " + row[point] + " twice with different results");
    }
  }
}

size_t write_sweep_results(SweepRows& rows, const std::vector<Objective>& objectives,
                           const std::string& sweep_path, const std::string& pareto_path) {
  const CsvTable view{rows.header, {}, false};
  std::vector<size_t> cols;
  for (const auto& o : objectives) {
    const size_t c = view.column(o.column);
    if (c == rows.header.size()) throw UserError("--objectives: no column " + o.column);
    cols.push_back(c);
  }
  // Objective values, each turned so that smaller is better.
  std::vector<uint64_t> points;
  std::vector<std::vector<double>> v;
  for (const auto& [p, row] : rows.by_point) {
    points.push_back(p);
    std::vector<double> x;
    for (size_t k = 0; k < cols.size(); ++k) {
      const double value = number_of(row[cols[k]], rows.header[cols[k]], p);
      x.push_back(objectives[k].maximize ? -value : value);
    }
    v.push_back(std::move(x));
  }
  // A point is on the front when no other point is at least as good in every objective and
  // better in one. Sorted by the objectives, only earlier points can dominate a later one.
  std::vector<size_t> order(points.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
  std::vector<size_t> front;  // indices into points, best first
  std::vector<bool> on_front(points.size(), false);
  for (const size_t i : order) {
    bool dominated = false;
    for (const size_t j : front) {
      bool no_worse = true, better = false;
      for (size_t k = 0; k < cols.size(); ++k) {
        no_worse &= v[j][k] <= v[i][k];
        better |= v[j][k] < v[i][k];
      }
      if (no_worse && better) {
        dominated = true;
        break;
      }
    }
    if (!dominated) {
      front.push_back(i);
      on_front[i] = true;
    }
  }
  const size_t pareto = view.column("pareto");
  AtomicFile sweep(sweep_path);
  AtomicFile best(pareto_path);
  sweep.stream() << csv_line(rows.header);
  best.stream() << csv_line(rows.header);
  size_t i = 0;
  for (auto& [p, row] : rows.by_point) {
    row[pareto] = on_front[i++] ? "1" : "0";
    sweep.stream() << csv_line(row);
  }
  for (const size_t f : front) best.stream() << csv_line(rows.by_point.at(points[f]));
  sweep.commit();
  best.commit();
  return front.size();
}

}  // namespace blsim
