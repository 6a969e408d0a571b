// SPDX-License-Identifier: MIT
// One cascade run, shared by `blsim run` and `blsim sweep`: the functional pass (networks over
// the validation and test splits), the threshold (auto on validation, given, or steered), and the
// timing pass of the cascade and its big-only and little-only baselines on fresh SoCs.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "models/network_estimate.h"
#include "models/soc_spec.h"
#include "sim/cascade_report.h"
#include "sim/cascade_sim.h"
#include "sim/cascade_spec.h"
#include "sim/config.h"
#include "sim/run_trace.h"
#include "sim/stream_sim.h"
#include "sim/functional_pass.h"
#include "workloads/cascade/cascade_scores.h"
#include "workloads/cascade/threshold_search.h"

namespace blsim {

struct SplitOutcome {
  std::string split;  // "val" or "test"
  CascadeSimResult cascade, big_only, little_only;
  RunTrace trace;  // the cascade's, when CascadeRunOptions::trace
};

struct CascadeRun {
  CascadeSpec spec;
  SocSpec soc;
  CascadePlan plan;
  ThresholdChoice choice;
  std::vector<double> stage_energy_j;  // per stage: one run's energy, as the threshold search saw it
  std::vector<SplitOutcome> splits;  // the simulated splits, validation first
  std::string path = "full";         // "fast" (sim/cascade_fast.h) or "full" (SystemC)

  // Borrows this run's parts; valid while the run lives.
  RunReport report() const;
};

// Gate scores of the cascade's networks over both splits, the networks' layer costs, and the
// per-network estimates of a hardware point. Remembers what it computed, so runs that share
// networks, dataset and gate metric (a sweep over hardware keys or thresholds) pay for the
// functional pass once, and runs on the same hardware for each network's estimate once; the
// on-disk cache spares the functional pass across processes.
// The canonical text of cfg's soc., cluster., cache., noc. and dram. keys, which alone make the
// SoC: equal for points that differ only in the cascade.
std::string hardware_text(const Config& cfg);

class ScoreSource {
 public:
  ScoreSource(FunctionalPassOptions options, size_t max_samples)
      : options_(options), max_samples_(max_samples) {}
  const CascadeScores& scores(const CascadeSpec& spec, const Config& cfg, const std::string& split);
  const NetworkCost& network_cost(const std::string& net_path);
  // The gate temperature of stage `stage`: cascade.gate_temperature, or fitted on the validation
  // split (remembered per network and dataset).
  double gate_temperature(const CascadeSpec& spec, const Config& cfg, size_t stage);
  // soc_spec_from(cfg), remembered per `hardware` (hardware_text(cfg)).
  const SocSpec& soc_spec(const Config& cfg, const std::string& hardware);
  // estimate_network(soc, cluster, cost, name), remembered per (hardware, cluster, network);
  // `hardware_key` identifies the SoC's configuration.
  const NetworkEstimate& estimate(uint64_t hardware_key, const SocSpec& soc, ClusterIndex cluster,
                                  const NetworkCost& cost, const std::string& net_name);

 private:
  FunctionalPassOptions options_;
  size_t max_samples_;
  std::map<std::string, CascadeScores> memo_;
  std::map<std::string, NetworkCost> costs_;
  std::map<std::string, NetworkEstimate> estimates_;
  std::map<std::string, SocSpec> socs_;
  std::map<std::string, double> temperatures_;
};

struct CascadeRunOptions {
  bool simulate_val = true;  // false: validation only chooses the threshold (sweeps)
  bool progress = false;     // a line per simulated split on stderr
  bool fast_path = false;    // compose from per-network estimates where that stands for the model
  bool trace = false;        // record the cascade's states and slices on the test split
};

class CommandLine;

// The inputs `run` and `sweep` share: the default SoC preset, --cascade, --out, --samples and
// --no-cache.
void declare_run_inputs(CommandLine& cl);
// After parsing: the functional pass as those options ask (progress when stderr is a terminal).
ScoreSource score_source_of(const CommandLine& cl);

// Reads the cascade spec and SoC from cfg; throws UserError for bad values or files.
CascadeRun run_cascade(const Config& cfg, ScoreSource& scores, const CascadeRunOptions& options);

}  // namespace blsim
