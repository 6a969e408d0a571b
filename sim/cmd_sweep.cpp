// SPDX-License-Identifier: MIT
// blsim sweep: a design-space sweep. Each point of the grid of --vary values (or a random sample
// of it, or one shard's slice) runs the cascade as `blsim run` would (threshold chosen on the
// validation split, or given) and reports the test split. Points take the fast path
// (sim/cascade_fast.h) where it stands for the event-driven model, else the SystemC run; the
// `path` column says which. Each finished point is appended to sweep.csv and flushed at once, so
// --resume after an interruption runs only the missing points; --jobs N runs points in N
// processes (sim/sweep_runner.cpp). At the end sweep.csv is rewritten whole, sorted by point,
// with the Pareto front of the objectives flagged, and pareto.csv holds the front.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "common/atomic_file.h"
#include "common/hash.h"
#include "common/output_set.h"
#include "common/regular_file.h"
#include "common/user_error.h"
#include "sim/cascade_run.h"
#include "sim/cascade_spec.h"
#include "sim/command_line.h"
#include "sim/commands.h"
#include "sim/report/report_writer.h"
#include "sim/sweep_grid.h"
#include "sim/sweep_runner.h"
#include "sim/sweep_table.h"

namespace blsim {
namespace {

// The short table: the varied values and the headline numbers of each row given.
void print_rows(const SweepRows& rows, size_t keys, const std::vector<uint64_t>& which) {
  const CsvTable view{rows.header, {}, false};
  const size_t acc = view.column("accuracy"), loss = view.column("accuracy_loss"),
               esc = view.column("escalation_rate"), e = view.column("energy_per_inference_j"),
               saved = view.column("energy_reduction"), lat = view.column("latency_mean_s"),
               pareto = view.column("pareto");
  std::string head;
  for (size_t a = 0; a < keys; ++a) head += rows.header[a] + "  ";
  std::cout << head << "| accuracy     loss  escalated      E/inf    saved  lat mean | pareto\n";
  char line[160];
  for (const uint64_t p : which) {
    const auto& r = rows.by_point.at(p);
    std::string values;
    for (size_t a = 0; a < keys; ++a) {
      std::string v = r[a];
      v.resize(std::max(v.size(), rows.header[a].size()), ' ');
      values += v + "  ";
    }
    std::snprintf(line, sizeof line, "| %7.2f%% %6.2fpt %9.2f%% %8.3gmJ %7.1f%% %7.3gms | %s\n",
                  100 * std::stod(r[acc]), 100 * std::stod(r[loss]), 100 * std::stod(r[esc]),
                  1e3 * std::stod(r[e]), 100 * std::stod(r[saved]), 1e3 * std::stod(r[lat]),
                  r[pareto] == "1" ? "*" : "");
    std::cout << values << line;
  }
}

}  // namespace

int cmd_sweep(const Args& args) {
  CommandLine cl("sweep",
                 "design-space sweep: the cascade at every point of a grid of --vary values (or a "
                 "sample of it), test split, with the Pareto front of the objectives; resumable, "
                 "parallel and shardable",
                 "blsim sweep --vary cascade.threshold=0:1:0.05 --vary "
                 "cluster.big.freq_mhz=1400,2000 --jobs 2 --out out/sweep");
  cl.options().add_options()
      ("vary", po::value<std::vector<std::string>>()->composing(),
       "KEY=V1,V2,... or KEY=START:STOP:STEP: a configuration key and its values (repeatable; "
       "every combination is a point; separate with ';' when a value holds commas)")
      ("sample-points", po::value<uint64_t>()->default_value(0),
       "run N points drawn at random from the grid instead of all (0: all; --samples is the "
       "dataset's)")
      ("seed", po::value<uint64_t>()->default_value(1), "seed of --sample-points")
      ("shard", po::value<std::string>()->default_value("1/1"),
       "K/N: run only the K-th of N deterministic slices of the points (join with blsim merge)")
      ("jobs", po::value<unsigned>()->default_value(std::max(1u, std::thread::hardware_concurrency())),
       "points run in this many processes at once (default: the machine's cores)")
      ("resume", "keep the rows already in OUT/sweep.csv (of the same sweep) and run the rest")
      ("full", "run every point on the event-driven SystemC model (no fast path)")
      ("report", "also draw OUT/report.html and its charts (blsim report)")
      ("objectives", po::value<std::string>()->default_value("energy,accuracy,latency"),
       "Pareto objectives: energy, accuracy, latency, p99, loss, escalation, saved, or "
       "COLUMN:min|max of any summary column")
      ("split", po::value<std::string>()->default_value("test"),
       "split the rows report: test, or val (the split thresholds are chosen on: to choose "
       "among designs without looking at the test split)");
  declare_run_inputs(cl);
  if (!cl.parse(args)) return 0;
  if (!cl.has("vary")) throw UserError("sweep: give at least one --vary KEY=V1,V2,...");
  std::vector<Axis> axes;
  for (const auto& text : cl.get<std::vector<std::string>>("vary")) axes.push_back(parse_axis(text));
  const SweepGrid grid(axes);
  const auto [shard, shards] = parse_shard(cl.get<std::string>("shard"));
  const std::vector<Objective> objectives = parse_objectives(cl.get<std::string>("objectives"));
  const unsigned jobs = cl.get<unsigned>("jobs");
  if (jobs == 0 || jobs > 256) throw UserError("sweep: --jobs must be 1 to 256");
  const std::string split = cl.get<std::string>("split");
  if (split != "test" && split != "val") {
    throw UserError("sweep: --split must be test or val, got \"" + split + "\"");
  }
  const uint64_t sample = cl.get<uint64_t>("sample-points");
  const std::vector<uint64_t> points =
      select_points(grid.size(), sample, cl.get<uint64_t>("seed"), shard, shards);

  // The sweep's identity: its base configuration, axes, point sample, dataset samples and path
  // (not the shard or the jobs, so shards of one sweep merge and any --jobs resumes).
  std::string identity = cl.config().canonical();
  for (const auto& a : grid.axes()) {
    identity += "vary " + a.key;
    for (const auto& v : a.values) identity += "|" + v;
    identity += "\n";
  }
  identity += "sample " + std::to_string(sample) + " seed " + std::to_string(cl.get<uint64_t>("seed")) +
              " samples " + std::to_string(cl.get<size_t>("samples")) +
              (cl.has("full") ? " full" : " fast") + (split == "val" ? " split val" : "");
  const std::string sweep_hash = hex64(fnv1a64(identity.data(), identity.size()));

  const std::string out_dir = cl.get<std::string>("out");
  OutputSet outputs(out_dir, {"sweep.csv", "pareto.csv"});  // checked before the points run
  const std::string live = outputs.final_path("sweep.csv");
  std::vector<std::string> keys;
  for (const auto& a : grid.axes()) keys.push_back(a.key);
  SweepRows rows;
  rows.header = sweep_columns(keys);
  if (cl.has("resume") && ::access(live.c_str(), F_OK) == 0) {
    const std::string text = read_regular_file(live, "sweep file", uint64_t{1} << 34);
    read_sweep_rows(live, text, sweep_hash, BLSIM_VERSION, rows);
    // A row cut short by a kill is dropped: the text ends after the last whole row.
    const CsvTable table = parse_csv(text, live);
    if (table.torn_tail) {
      if (::truncate(live.c_str(), static_cast<off_t>(text.rfind('\n') + 1)) != 0) {
        throw UserError(live + ": cannot cut its torn last row: " + std::strerror(errno));
      }
    }
  }
  const std::set<uint64_t> selected(points.begin(), points.end());
  for (const auto& [p, row] : rows.by_point) {
    if (selected.count(p) == 0) {
      throw UserError(live + ": point " + std::to_string(p) + " is not a point of this sweep or "
                      "shard");
    }
  }
  std::vector<uint64_t> todo;
  for (const uint64_t p : points) {
    if (rows.by_point.count(p) == 0) todo.push_back(p);
  }

  // Every point to run is checked before any work (values, specs, files), and the networks'
  // outputs are computed once here, before workers start, for all points to share.
  ScoreSource scores = score_source_of(cl);
  for (const uint64_t p : todo) {
    const Config cfg = point_config(cl.config(), grid, grid.values_of(p));
    const CascadeSpec spec = cascade_spec_from(cfg);
    scores.soc_spec(cfg, hardware_text(cfg));
    for (const char* split : {"val", "test"}) scores.scores(spec, cfg, split);
    for (const auto& st : spec.stages) scores.network_cost(st.net_path);
  }

  const auto started = std::chrono::steady_clock::now();
  SweepJob job{grid, cl.config(), sweep_hash, CascadeRunOptions{}};
  job.report_val = split == "val";
  job.options.simulate_val = job.report_val;
  job.options.fast_path = !cl.has("full");
  make_output_dir(out_dir);
  run_sweep_points(job, scores, todo, jobs, live, rows.header, rows.by_point.empty(),
                   points.size());

  // All rows, the new ones included, then the front.
  SweepRows all;
  all.header = rows.header;
  read_sweep_rows(live, read_regular_file(live, "sweep file", uint64_t{1} << 34), sweep_hash,
                  BLSIM_VERSION, all);
  if (all.by_point.size() != points.size()) {
    throw UserError(live + ": " + std::to_string(all.by_point.size()) + " rows for " +
                    std::to_string(points.size()) + " points");
  }
  const size_t front = write_sweep_results(all, objectives, outputs.path("sweep.csv"),
                                           outputs.path("pareto.csv"));
  outputs.commit();

  std::vector<uint64_t> shown;
  for (const auto& [p, row] : all.by_point) shown.push_back(p);
  if (shown.size() > 40) {
    shown.clear();
    const size_t pareto = CsvTable{all.header, {}, false}.column("pareto");
    for (const auto& [p, row] : all.by_point) {
      if (row[pareto] == "1" && shown.size() < 40) shown.push_back(p);
    }
    std::cout << "the Pareto front (" << front << " points" << (front > 40 ? ", the first 40" : "")
              << " by point):\n";
  }
  print_rows(all, keys.size(), shown);
  std::cout << "wrote " << out_dir << "/sweep.csv (" << all.by_point.size()
            << " points, test split), " << out_dir << "/pareto.csv (" << front
            << " on the front)\n";
  if (cl.has("report")) {
    std::cout << "wrote " << out_dir << "/" << write_report(out_dir).front() << " and its charts\n";
  }
  if (!todo.empty()) {
    // What the points run now cost: wall time, rate, and the largest process's peak memory.
    const double wall_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    struct rusage self {}, children {};
    ::getrusage(RUSAGE_SELF, &self);
    ::getrusage(RUSAGE_CHILDREN, &children);
    const long peak_kb = std::max(self.ru_maxrss, children.ru_maxrss);
    char line[200];
    std::snprintf(line, sizeof line,
                  "ran %zu points in %.1f s (%.0f points per minute, %u job%s), peak memory %.0f "
                  "MB per process\n",
                  todo.size(), wall_s, wall_s > 0 ? 60.0 * static_cast<double>(todo.size()) / wall_s : 0.0,
                  jobs, jobs == 1 ? "" : "s", static_cast<double>(peak_kb) / 1024);
    std::cout << line;
  }
  return 0;
}

}  // namespace blsim
