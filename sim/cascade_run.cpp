// SPDX-License-Identifier: MIT
#include "sim/cascade_run.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <sstream>
#include <unistd.h>

#include "common/hash.h"
#include "common/user_error.h"
#include "models/network_estimate.h"
#include "models/power_states.h"
#include "sim/cascade_fast.h"
#include "sim/command_line.h"
#include "sim/soc_config.h"
#include "sim/train_options.h"
#include "workloads/datasets/dataset.h"
#include "workloads/graph.h"
#include "workloads/cascade/gate_temperature.h"
#include "workloads/network_check.h"

namespace blsim {
namespace {

// Per-stage energy for the threshold search: a warm inference of the stage's network, plus the
// wake-up of its cluster when it rests between runs, plus the rest power of the other clusters
// meanwhile (the fast-path estimate, no kernel).
std::vector<double> stage_energies_j(const SocSpec& soc, const CascadePlan& plan,
                                     const NetworkEstimator& estimate) {
  std::vector<double> e;
  for (size_t i = 0; i < plan.stages.size(); ++i) {
    const StagePlan& s = plan.stages[i];
    const NetworkEstimate& est = estimate(s.cluster, s.cost, s.net_name);
    const ClusterSpec& own = soc.cluster(s.cluster);
    const PowerState own_rest = i == 0 ? plan.first_rest : plan.escalation_rest;
    const WakeCost wake = wake_cost(own, own.initial_point(), own_rest);
    const double wake_j = wake.switching_j + wake.leakage_j;
    double others_rest_w = 0;
    for (ClusterIndex c = 0; c < soc.clusters.size(); ++c) {
      if (c == s.cluster) continue;
      const ClusterSpec& other = soc.cluster(c);
      others_rest_w += rest_power_w(other, other.initial_point(), rest_state_of(plan, c));
    }
    e.push_back(est.warm.energy.total_j() + wake_j + others_rest_w * est.warm.time_s);
  }
  return e;
}

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

std::string hardware_text(const Config& cfg) {
  std::string hw;
  std::istringstream in(cfg.canonical());
  std::string line;
  while (std::getline(in, line)) {
    for (const char* prefix : {"soc.", "cluster.", "cache.", "noc.", "dram."}) {
      if (line.rfind(prefix, 0) == 0) {
        hw += line + "\n";
        break;
      }
    }
  }
  return hw;
}

RunReport CascadeRun::report() const {
  RunReport r{spec, soc, plan, choice, {}};
  for (const auto& s : splits) {
    r.splits.push_back(SplitReport{s.split, &s.cascade, &s.big_only, &s.little_only});
  }
  return r;
}

const NetworkCost& ScoreSource::network_cost(const std::string& net_path) {
  auto it = costs_.find(net_path);
  if (it == costs_.end()) it = costs_.emplace(net_path, Graph::load(net_path).cost()).first;
  return it->second;
}

const SocSpec& ScoreSource::soc_spec(const Config& cfg, const std::string& hardware) {
  auto it = socs_.find(hardware);
  if (it == socs_.end()) it = socs_.emplace(hardware, soc_spec_from(cfg)).first;
  return it->second;
}

const NetworkEstimate& ScoreSource::estimate(uint64_t hardware_key, const SocSpec& soc,
                                             ClusterIndex cluster, const NetworkCost& cost,
                                             const std::string& net_name) {
  // The network's identity is its name and its cost's address in costs_ (one per file).
  char key[96];
  std::snprintf(key, sizeof key, "%016llx|%zu|%p|", static_cast<unsigned long long>(hardware_key),
                cluster, static_cast<const void*>(&cost));
  const std::string k = key + net_name;
  auto it = estimates_.find(k);
  if (it == estimates_.end()) {
    it = estimates_.emplace(k, estimate_network(soc, cluster, cost, net_name)).first;
  }
  return it->second;
}

const CascadeScores& ScoreSource::scores(const CascadeSpec& spec, const Config& cfg,
                                         const std::string& split) {
  const std::string data_dir = dataset_dir(cfg, spec.dataset);
  std::string key = spec.dataset + "|" + data_dir + "|" + split + "|" + spec.metric_name + "|T" +
                    spec.gate_temperature_text;
  for (const auto& st : spec.stages) key += "|" + st.net_path;
  auto it = memo_.find(key);
  if (it != memo_.end()) return it->second;

  // Every network must fit the dataset before any runs: a mismatch would give scores that
  // look like a result (and the cache would keep them).
  std::vector<Graph> graphs;
  for (const auto& st : spec.stages) {
    graphs.push_back(Graph::load(st.net_path));
    check_network_for_dataset(graphs.back(), st.net_path, dataset_shape(spec.dataset));
  }
  Dataset data = load_dataset(spec.dataset, parse_split(split), data_dir);
  truncate_dataset(data, max_samples_);
  FunctionalPassOptions fp = options_;
  fp.batch = spec.batch;
  fp.cache_dir = spec.cache_dir;
  CascadeScores s;
  s.labels = data.labels;
  for (size_t i = 0; i < spec.stages.size(); ++i) {
    ClassScores probs = class_scores(spec.stages[i].net_path, graphs[i], data, fp);
    if (i + 1 < spec.stages.size()) {  // a gate follows: its confidence sees the temperature
      apply_temperature(probs.probs, probs.classes, gate_temperature(spec, cfg, i));
    }
    s.stages.push_back(stage_scores(probs, spec.metric));
  }
  return memo_.emplace(key, std::move(s)).first->second;
}

double ScoreSource::gate_temperature(const CascadeSpec& spec, const Config& cfg, size_t stage) {
  if (!spec.fit_gate_temperature) return spec.gate_temperature;
  const std::string& net = spec.stages.at(stage).net_path;
  const std::string data_dir = dataset_dir(cfg, spec.dataset);
  const std::string key = spec.dataset + "|" + data_dir + "|" + net;
  auto it = temperatures_.find(key);
  if (it != temperatures_.end()) return it->second;
  const Graph graph = Graph::load(net);
  Dataset val = load_dataset(spec.dataset, Split::kVal, data_dir);
  truncate_dataset(val, max_samples_);
  FunctionalPassOptions fp = options_;
  fp.batch = spec.batch;
  fp.cache_dir = spec.cache_dir;
  const ClassScores probs = class_scores(net, graph, val, fp);
  return temperatures_.emplace(key, fit_temperature(probs.probs, probs.classes, val.labels))
      .first->second;
}

void declare_run_inputs(CommandLine& cl) {
  cl.add_base_file(default_soc_preset());
  cl.file_option("cascade", blsim_home() + "/configs/cascade/mnist.ini",
                 "cascade spec (INI): stages, networks, clusters, gate");
  cl.options().add_options()
      ("out", po::value<std::string>()->default_value("out"), "output folder for the CSV files")
      ("samples", po::value<size_t>()->default_value(0)->notifier([](size_t n) {
         // The option parser reads "-1" as 2^64 - 1 (all samples); a count is never negative.
         if (n > static_cast<size_t>(INT64_MAX)) {
           throw UserError("--samples " + std::to_string(static_cast<int64_t>(n)) +
                           ": must be 0 (all) or a positive count");
         }
       }),
       "use only the first N samples of each split (0: all)")
      ("no-cache", "recompute the networks' outputs instead of reading the cache");
}

ScoreSource score_source_of(const CommandLine& cl) {
  FunctionalPassOptions fp;
  fp.use_cache = !cl.has("no-cache");
  fp.progress = ::isatty(STDERR_FILENO) != 0;
  return ScoreSource(fp, cl.get<size_t>("samples"));
}

CascadeRun run_cascade(const Config& cfg, ScoreSource& source, const CascadeRunOptions& options) {
  CascadeRun run;
  run.spec = cascade_spec_from(cfg);
  const std::string hardware = hardware_text(cfg);
  run.soc = source.soc_spec(cfg, hardware);
  const CascadeSpec& spec = run.spec;
  CascadePlan& plan = run.plan;
  const std::vector<ClusterIndex> clusters = stage_clusters(spec, run.soc, cfg);
  for (size_t s = 0; s < spec.stages.size(); ++s) {
    plan.stages.push_back(StagePlan{"stage" + std::to_string(s + 1), spec.stages[s].net_name,
                                    clusters[s], source.network_cost(spec.stages[s].net_path)});
  }
  // Estimates are remembered per hardware point: the SoC's part of the configuration.
  const uint64_t hardware_key = fnv1a64(hardware.data(), hardware.size());
  const NetworkCost* stage_costs[kMaxStages] = {};
  for (size_t s = 0; s < spec.stages.size(); ++s) {
    stage_costs[s] = &source.network_cost(spec.stages[s].net_path);
  }
  const NetworkEstimator estimate = [&](ClusterIndex c, const NetworkCost& cost,
                                        const std::string& name) -> const NetworkEstimate& {
    // Plans copy their stages' costs; the memo keys by the file's cost object.
    for (size_t s = 0; s < spec.stages.size(); ++s) {
      if (spec.stages[s].net_name == name) {
        return source.estimate(hardware_key, run.soc, c, *stage_costs[s], name);
      }
    }
    return source.estimate(hardware_key, run.soc, c, cost, name);
  };
  // Both splits' scores first, so that a missing dataset stops the run before any simulation.
  const CascadeScores& val = source.scores(spec, cfg, "val");
  const CascadeScores& test = source.scores(spec, cfg, "test");
  // A bad arrival trace stops the run before any simulation too.
  if (spec.arrival.stream()) arrival_times(spec.arrival, std::max(val.samples(), test.samples()));

  // Threshold: chosen on the validation split, or given.
  plan.gate_cycles = spec.gate_cycles;
  plan.first_rest = spec.first_rest;
  plan.escalation_rest = spec.escalation_rest;
  const std::vector<double> stage_e = stage_energies_j(run.soc, plan, estimate);
  run.stage_energy_j = stage_e;
  if (spec.auto_threshold) {
    run.choice = choose_thresholds(val, stage_e, spec.max_accuracy_loss,
                                   normal_quantile(spec.loss_confidence),
                                   static_cast<size_t>(spec.loss_unseen_samples));
    plan.thresholds = run.choice.thresholds;
  } else {
    plan.thresholds.assign(plan.stages.size() - 1, spec.threshold);
  }
  plan.controller = spec.controller;
  for (size_t s = 1; s < stage_e.size(); ++s) plan.energy_scale_j += stage_e[s];

  // Timing pass: the cascade and both baselines on each split, each on a fresh SoC (or composed
  // from per-network estimates on the fast path).
  // A stream is always simulated: its clusters overlap and contend, which the fast path does not
  // compose.
  const bool stream = spec.arrival.stream();
  const bool fast = !stream && options.fast_path && fast_path_applies(run.soc, plan, nullptr);
  run.path = fast ? "fast" : "full";
  auto stream_of = [&](size_t n) {
    StreamPlan sp;
    sp.arrivals_s = arrival_times(spec.arrival, n);
    sp.queue = static_cast<size_t>(spec.queue);
    sp.deadline_s = spec.deadline_s;
    sp.overlap = spec.overlap;
    sp.governor = spec.governor;
    sp.arrival_mode = spec.arrival.mode();
    sp.arrival_rate_hz = spec.arrival.rate_hz;
    if (spec.arrival.kind == ArrivalSpec::Kind::kTrace && n > 1 &&
        sp.arrivals_s.back() > sp.arrivals_s.front()) {
      sp.arrival_rate_hz = (n - 1) / (sp.arrivals_s.back() - sp.arrivals_s.front());
    }
    return sp;
  };
  auto simulate = [&](const CascadePlan& p, const CascadeScores& s, RunTrace* trace = nullptr) {
    if (stream) return simulate_stream(run.soc, p, s, stream_of(s.samples()), trace);
    CascadeSimResult r = fast ? estimate_cascade(run.soc, p, s, estimate)
                              : simulate_cascade(run.soc, p, s, trace);
    r.deadline_s = spec.deadline_s;
    return r;
  };
  const size_t last = plan.stages.size() - 1;
  std::vector<std::pair<std::string, const CascadeScores*>> todo;
  if (options.simulate_val) todo.emplace_back("val", &val);
  todo.emplace_back("test", &test);
  for (const auto& [split, scores] : todo) {
    if (options.progress) {
      std::fprintf(stderr, "  simulating %s split on %s\n", split.c_str(), run.soc.name.c_str());
    }
    SplitOutcome out;
    out.split = split;
    out.cascade = simulate(plan, *scores, options.trace && split == "test" ? &out.trace : nullptr);
    out.big_only = simulate(baseline_plan(plan, last), only_stage(*scores, last));
    out.little_only = simulate(baseline_plan(plan, 0), only_stage(*scores, 0));
    run.splits.push_back(std::move(out));
  }
  return run;
}

}  // namespace blsim
