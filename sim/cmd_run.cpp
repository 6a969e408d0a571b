// SPDX-License-Identifier: MIT
// blsim run: the main job. A big/little cascade classifies a dataset on the simulated SoC; the
// threshold is chosen on the validation split (or given, or steered at run time); the same test
// inputs also run big-only and little-only for comparison. Writes summary.csv, layers.csv and
// inferences.csv, and prints a short table.
#include <cstdio>
#include <iostream>
#include <memory>
#include <unistd.h>

#include "models/network_estimate.h"
#include "models/power_states.h"
#include "sim/cascade_report.h"
#include "sim/cascade_sim.h"
#include "sim/cascade_spec.h"
#include "sim/command_line.h"
#include "sim/commands.h"
#include "sim/functional_pass.h"
#include "sim/soc_config.h"
#include "workloads/atomic_file.h"
#include "workloads/cascade/threshold_search.h"
#include "workloads/datasets/dataset.h"
#include "workloads/graph.h"

namespace blsim {
namespace {

ClusterId cluster_of(const std::string& name) {
  return name == "big" ? ClusterId::kBig : ClusterId::kLittle;
}

// Per-stage energy for the threshold search: a warm inference of the stage's network, plus the
// wake-up of its cluster when it rests between runs, plus the rest power of the other cluster
// meanwhile (the fast-path estimate, no kernel).
std::vector<double> stage_energies_j(const SocSpec& soc, const CascadePlan& plan) {
  std::vector<double> e;
  for (size_t i = 0; i < plan.stages.size(); ++i) {
    const StagePlan& s = plan.stages[i];
    const NetworkEstimate est = estimate_network(soc, s.cluster, s.cost, s.net_name);
    const ClusterSpec& own = soc.cluster(s.cluster);
    const PowerState own_rest = i == 0 ? plan.first_rest : plan.escalation_rest;
    const WakeCost wake = wake_cost(own, own_rest);
    const double wake_j = wake.switching_j + wake_leakage_w(own) * wake.latency_s;
    const ClusterId other = s.cluster == ClusterId::kBig ? ClusterId::kLittle : ClusterId::kBig;
    const PowerState other_rest = plan.stages.front().cluster == other ? plan.first_rest
                                                                        : plan.escalation_rest;
    e.push_back(est.warm.energy.total_j() + wake_j +
                rest_power_w(soc.cluster(other), other_rest) * est.warm.time_s);
  }
  return e;
}

struct SplitRun {
  std::string split;
  CascadeScores scores;
  CascadeSimResult cascade, big_only, little_only;
};

CascadeScores only_stage(const CascadeScores& all, size_t stage) {
  CascadeScores one;
  one.labels = all.labels;
  one.stages = {all.stages[stage]};
  return one;
}

CascadePlan baseline_plan(const CascadePlan& plan, size_t stage) {
  CascadePlan b = plan;
  b.stages = {plan.stages[stage]};
  b.thresholds.clear();
  b.controller = ControllerSpec{};
  return b;
}

}  // namespace

int cmd_run(const Args& args) {
  CommandLine cl("run",
                 "run a big/little cascade on the simulated SoC: accuracy, energy and latency of "
                 "the cascade against big-only and little-only on the same inputs",
                 "blsim run --cascade configs/cascade/fashion.ini --threshold auto "
                 "--max-accuracy-loss 0.005 --out out/fashion");
  cl.add_base_file(default_soc_preset());
  cl.file_option("cascade", blsim_home() + "/configs/cascade/mnist.ini",
                 "cascade spec (INI): stages, networks, clusters, gate");
  cl.shortcut("threshold", "cascade.threshold", "gate threshold in [0, 1], or auto");
  cl.shortcut("max-accuracy-loss", "cascade.max_accuracy_loss",
              "accuracy loss budget for --threshold auto (fraction)");
  cl.shortcut("controller", "cascade.controller",
              "runtime control: none, rate:FRACTION or energy:J_PER_INFERENCE");
  cl.options().add_options()
      ("out", po::value<std::string>()->default_value("out"), "output folder for the CSV files")
      ("samples", po::value<size_t>()->default_value(0),
       "use only the first N samples of each split (0: all)")
      ("no-cache", "recompute the networks' outputs instead of reading the cache");
  if (!cl.parse(args)) return 0;
  const Config& cfg = cl.config();
  const CascadeSpec spec = cascade_spec_from(cfg);
  const SocSpec soc = soc_spec_from(cfg);
  const std::string out_dir = cl.get<std::string>("out");
  const bool tty = ::isatty(STDERR_FILENO) != 0;

  // Inputs: networks and both splits, checked before any work.
  std::vector<std::unique_ptr<Graph>> graphs;
  CascadePlan plan;
  for (size_t s = 0; s < spec.stages.size(); ++s) {
    graphs.push_back(std::make_unique<Graph>(Graph::load(spec.stages[s].net_path)));
    plan.stages.push_back(StagePlan{"stage" + std::to_string(s + 1), spec.stages[s].net_name,
                                    cluster_of(spec.stages[s].cluster), graphs.back()->cost()});
  }
  const std::string data_dir = cfg.path(spec.dataset == "mnist" ? "data.mnist_dir" : "data.fashion_dir");
  std::vector<SplitRun> runs(2);
  runs[0].split = "val";
  runs[1].split = "test";
  FunctionalPassOptions fp;
  fp.batch = spec.batch;
  fp.cache_dir = spec.cache_dir;
  fp.use_cache = !cl.has("no-cache");
  fp.progress = tty;
  for (auto& run : runs) {
    Dataset data = load_dataset(spec.dataset, parse_split(run.split), data_dir);
    truncate_dataset(data, cl.get<size_t>("samples"));
    run.scores.labels = data.labels;
    for (size_t s = 0; s < graphs.size(); ++s) {
      const ClassScores probs = class_scores(spec.stages[s].net_path, *graphs[s], data, fp);
      run.scores.stages.push_back(stage_scores(probs, spec.metric));
    }
  }

  // Threshold: chosen on the validation split, or given.
  plan.gate_cycles = spec.gate_cycles;
  plan.first_rest = spec.first_rest;
  plan.escalation_rest = spec.escalation_rest;
  const std::vector<double> stage_e = stage_energies_j(soc, plan);
  ThresholdChoice choice;
  if (spec.auto_threshold) {
    choice = choose_thresholds(runs[0].scores, stage_e, spec.max_accuracy_loss,
                               normal_quantile(spec.loss_confidence));
    plan.thresholds = choice.thresholds;
  } else {
    plan.thresholds.assign(plan.stages.size() - 1, spec.threshold);
  }
  plan.controller = spec.controller;
  for (size_t s = 1; s < stage_e.size(); ++s) plan.energy_scale_j += stage_e[s];

  // Timing pass: the cascade and both baselines on each split, each on a fresh SoC.
  const size_t last = plan.stages.size() - 1;
  for (auto& run : runs) {
    if (tty) std::fprintf(stderr, "  simulating %s split on %s\n", run.split.c_str(), soc.name.c_str());
    run.cascade = simulate_cascade(soc, plan, run.scores);
    run.big_only = simulate_cascade(soc, baseline_plan(plan, last), only_stage(run.scores, last));
    run.little_only = simulate_cascade(soc, baseline_plan(plan, 0), only_stage(run.scores, 0));
  }

  make_output_dir(out_dir);
  RunReport report{spec, soc, plan, choice, {}};
  for (const auto& run : runs) {
    report.splits.push_back(SplitReport{run.split, &run.cascade, &run.big_only, &run.little_only});
  }
  write_summary_csv(out_dir + "/summary.csv", report);
  runs[1].cascade.ledger.write_layers_csv(out_dir + "/layers.csv");
  write_inferences_csv(out_dir + "/inferences.csv", runs[1].cascade);
  print_run_table(std::cout, report);
  std::cout << "wrote " << out_dir << "/summary.csv, layers.csv (test split), inferences.csv (test split)\n";
  return 0;
}

}  // namespace blsim
