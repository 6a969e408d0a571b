// SPDX-License-Identifier: MIT
// blsim sweep: a design-space sweep. Every combination of the --vary values runs the cascade as
// `blsim run` would (threshold chosen on the validation split, or given) and reports the test
// split; the functional pass runs once per distinct set of networks and dataset. Writes sweep.csv
// (one row per point: the varied keys, the summary columns, config_hash, version, pareto) and
// pareto.csv (the points no other point beats on energy per inference, accuracy and mean latency
// at once).
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

#include "common/csv_writer.h"
#include "common/hash.h"
#include "sim/cascade_report.h"
#include "sim/cascade_run.h"
#include "sim/cascade_spec.h"
#include "sim/command_line.h"
#include "sim/commands.h"
#include "sim/soc_config.h"
#include "common/output_set.h"
#include "workloads/cascade/score_cache.h"
#include "common/user_error.h"

namespace blsim {
namespace {

struct Axis {
  std::string key;
  std::vector<std::string> values;
};

// "KEY=V1,V2,..." (or "KEY=V1;V2;..." when the values themselves hold commas).
Axis parse_axis(const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size()) {
    throw UserError("--vary " + text + ": expected KEY=VALUE,VALUE,... (e.g. cluster.big.freq_mhz=1400,2000)");
  }
  Axis axis;
  axis.key = text.substr(0, eq);
  const std::string list = text.substr(eq + 1);
  const char sep = list.find(';') != std::string::npos ? ';' : ',';
  size_t pos = 0;
  for (;;) {
    const size_t end = std::min(list.find(sep, pos), list.size());
    const std::string value = list.substr(pos, end - pos);
    if (value.empty()) throw UserError("--vary " + text + ": empty value in the list");
    axis.values.push_back(value);
    if (end == list.size()) break;
    pos = end + 1;
  }
  return axis;
}

struct Point {
  std::vector<std::string> values;  // one per axis
  Config config;
};

struct Objectives {
  double energy_j, accuracy, latency_s;
};

// A point is on the front when no other point has at most its energy, at least its accuracy and
// at most its mean latency, one of them strictly.
std::vector<bool> pareto_front(const std::vector<Objectives>& o) {
  std::vector<bool> front(o.size(), true);
  for (size_t i = 0; i < o.size(); ++i) {
    for (size_t j = 0; j < o.size() && front[i]; ++j) {
      const bool no_worse = o[j].energy_j <= o[i].energy_j && o[j].accuracy >= o[i].accuracy &&
                            o[j].latency_s <= o[i].latency_s;
      const bool better = o[j].energy_j < o[i].energy_j || o[j].accuracy > o[i].accuracy ||
                          o[j].latency_s < o[i].latency_s;
      if (j != i && no_worse && better) front[i] = false;
    }
  }
  return front;
}


}  // namespace

int cmd_sweep(const Args& args) {
  CommandLine cl("sweep",
                 "design-space sweep: the cascade at every combination of the --vary values "
                 "(test split), with the Pareto front of energy per inference, accuracy and mean "
                 "latency",
                 "blsim sweep --vary cascade.threshold=0.3,0.5,0.7,0.9 --vary cluster.big.freq_mhz=1400,2000 "
                 "--out out/sweep");
  cl.options().add_options()
      ("vary", po::value<std::vector<std::string>>()->composing(),
       "KEY=V1,V2,...: a configuration key and its values (repeatable; every combination runs; "
       "separate with ';' when a value holds commas)");
  declare_run_inputs(cl);
  if (!cl.parse(args)) return 0;
  if (!cl.has("vary")) throw UserError("sweep: give at least one --vary KEY=V1,V2,...");
  std::vector<Axis> axes;
  for (const auto& text : cl.get<std::vector<std::string>>("vary")) {
    axes.push_back(parse_axis(text));
    for (size_t a = 0; a + 1 < axes.size(); ++a) {
      if (axes[a].key == axes.back().key) throw UserError("--vary " + text + ": key varied twice");
    }
  }

  // Every point's configuration, checked before any work (values, specs, files).
  std::vector<Point> points(1);
  for (const Axis& axis : axes) {
    std::vector<Point> next;
    for (const Point& p : points) {
      for (const std::string& v : axis.values) {
        Point q = p;
        q.values.push_back(v);
        next.push_back(std::move(q));
      }
    }
    points = std::move(next);
  }
  for (Point& p : points) {
    p.config = cl.config();
    for (size_t a = 0; a < axes.size(); ++a) {
      p.config.set(blsim_options(), axes[a].key, p.values[a], "--vary");
    }
    cascade_spec_from(p.config);
    soc_spec_from(p.config);
  }

  const std::string out_dir = cl.get<std::string>("out");
  OutputSet outputs(out_dir, {"sweep.csv", "pareto.csv"});  // checked before the points run
  const bool tty = ::isatty(STDERR_FILENO) != 0;
  ScoreSource scores = score_source_of(cl);
  CascadeRunOptions options;
  options.simulate_val = false;
  std::vector<CascadeRun> runs;
  runs.reserve(points.size());
  for (size_t i = 0; i < points.size(); ++i) {
    if (tty) {
      std::string label;
      for (size_t a = 0; a < axes.size(); ++a) label += " " + axes[a].key + "=" + points[i].values[a];
      std::fprintf(stderr, "[%zu/%zu]%s\n", i + 1, points.size(), label.c_str());
    }
    runs.push_back(run_cascade(points[i].config, scores, options));
  }

  std::vector<Objectives> objectives;
  for (const auto& r : runs) {
    const CascadeSimResult& c = r.splits.back().cascade;
    objectives.push_back({c.energy_per_inference_j(), c.accuracy(), c.latency_mean_s()});
  }
  const std::vector<bool> front = pareto_front(objectives);

  std::vector<std::string> columns;
  for (const Axis& axis : axes) columns.push_back(axis.key);
  for (const auto& c : summary_csv_columns()) columns.push_back(c);
  for (const char* c : {"config_hash", "version", "pareto"}) columns.push_back(c);
  CsvWriter sweep(outputs.path("sweep.csv"), columns);
  CsvWriter pareto(outputs.path("pareto.csv"), columns);
  std::vector<size_t> order(runs.size());  // pareto.csv: cheapest first
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return objectives[a].energy_j < objectives[b].energy_j;
  });
  auto write_row = [&](CsvWriter& csv, size_t i) {
    for (const auto& v : points[i].values) csv << v;
    const RunReport report = runs[i].report();
    write_summary_fields(csv, report, report.splits.back());
    const std::string canonical = points[i].config.canonical();
    csv << hex64(fnv1a64(canonical.data(), canonical.size())) << BLSIM_VERSION
        << (front[i] ? 1 : 0);
    csv.end_row();
  };
  for (size_t i = 0; i < runs.size(); ++i) write_row(sweep, i);
  for (size_t i : order) {
    if (front[i]) write_row(pareto, i);
  }
  sweep.commit();
  pareto.commit();
  outputs.commit();

  // The short table: one line per point.
  std::string head;
  for (const Axis& axis : axes) head += axis.key + "  ";
  std::cout << head << "| accuracy     loss  escalated      E/inf    saved  lat mean | pareto\n";
  char line[160];
  for (size_t i = 0; i < runs.size(); ++i) {
    std::string values;
    for (size_t a = 0; a < axes.size(); ++a) {
      std::string v = points[i].values[a];
      v.resize(std::max(v.size(), axes[a].key.size()), ' ');
      values += v + "  ";
    }
    const RunReport report = runs[i].report();
    const SplitReport& s = report.splits.back();
    std::snprintf(line, sizeof line, "| %7.2f%% %6.2fpt %9.2f%% %8.3gmJ %7.1f%% %7.3gms | %s\n",
                  100 * s.cascade->accuracy(), 100 * s.accuracy_loss(),
                  100 * s.cascade->escalation_rate(), 1e3 * objectives[i].energy_j, 100 * s.energy_reduction(),
                  1e3 * s.cascade->latency_mean_s(), front[i] ? "*" : "");
    std::cout << values << line;
  }
  std::cout << "wrote " << out_dir << "/sweep.csv (" << runs.size() << " points, test split), "
            << out_dir << "/pareto.csv (" << std::count(front.begin(), front.end(), true)
            << " on the front)\n";
  return 0;
}

}  // namespace blsim
