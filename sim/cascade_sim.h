// SPDX-License-Identifier: MIT
// The timing pass of a cascade: a driver thread feeds the inputs in order, back to back, to a
// fresh simulated SoC. Each input runs stage 1 on its cluster, pays the gate check there, and
// escalates to the next stage while the gate's confidence (from the functional pass) is below
// the threshold. Between runs the first stage's cluster rests in one power state, clusters used
// only on escalation in another, and a cluster no stage uses is off; wake-ups are paid. Any
// number of clusters; each stage names its own.
#pragma once

#include <string>
#include <vector>

#include "energy/energy_breakdown.h"
#include "energy/energy_ledger.h"
#include "models/soc_spec.h"
#include "sim/run_trace.h"
#include "workloads/cascade/cascade_scores.h"
#include "workloads/cascade/threshold_controller.h"
#include "workloads/layer_cost.h"

namespace blsim {

struct StagePlan {
  std::string label;     // ledger stage column, e.g. "stage1"
  std::string net_name;  // e.g. "mnist-little"
  ClusterIndex cluster = 0;
  NetworkCost cost;
};

struct CascadePlan {
  std::vector<StagePlan> stages;   // one stage: a baseline (that network alone)
  std::vector<double> thresholds;  // one per gate (initial values under a controller)
  ControllerSpec controller;
  double energy_scale_j = 0;       // energy one escalation adds, for the energy controller
  double gate_cycles = 0;
  PowerState first_rest = PowerState::kIdle;      // the first stage's cluster between inputs
  PowerState escalation_rest = PowerState::kIdle;  // clusters that only later stages use
};

struct InferenceRecord {
  size_t index = 0;
  int label = 0;
  int prediction = 0;
  size_t exit_stage = 0;  // 0-based
  double confidence = 0;  // gate metric of the answering stage's network
  double threshold = 0;   // first gate's threshold when this input ran
  bool escalated = false;
  double latency_s = 0;   // from arrival to answer
  double energy_j = 0;    // the SoC's energy from the input's start to its answer
  double arrival_s = 0;   // back to back: arrival = start, when the previous input is answered
  double start_s = 0;     // its first stage starts
  double finish_s = 0;    // its answer
  bool dropped = false;   // arrived to a full queue: never run (prediction -1)
};

struct CascadeSimResult {
  std::vector<InferenceRecord> inferences;  // every input, dropped ones included
  EnergyLedger ledger;
  EnergyBreakdown total;
  double time_s = 0;
  std::string arrival_mode = "back-to-back";
  double arrival_rate_hz = 0;  // configured rate (periodic, poisson); trace: inputs / span
  bool overlap = false;        // stages ran as their own processes
  double deadline_s = 0;       // 0: none

  double accuracy() const;         // a dropped input counts as a wrong answer
  double escalation_rate() const;  // of the answered inputs
  double energy_per_inference_j() const;  // total energy (rest included) per input
  double latency_mean_s() const;   // answered inputs, from arrival
  double latency_p99_s() const;    // nearest-rank 99th percentile
  double latency_quantile_s(double q) const;  // nearest rank, answered inputs
  size_t answered() const;
  size_t dropped() const;
  size_t deadline_misses() const;  // answered later than deadline_s after arrival
  double throughput_hz() const;    // answered inputs per simulated second
  double average_power_w() const;
};

// What walking a cascade needs from the hardware, step by step; the SystemC SoC
// (simulate_cascade) and the fast path (sim/cascade_fast.h) implement it.
class CascadeExecutor {
 public:
  virtual ~CascadeExecutor() = default;
  virtual void enter(ClusterIndex cluster, PowerState state) = 0;  // rest in it (kActive: awake)
  virtual void wake(ClusterIndex cluster, const std::string& stage) = 0;  // awake for a stage
  virtual void run_network(size_t stage) = 0;
  virtual void run_gate(size_t stage) = 0;
  virtual double now_s() = 0;
  virtual double seconds_since(double then_s) = 0;  // now_s() - then_s, exact in the model's time
  virtual double energy_so_far_j() = 0;
};

// The one walk of a cascade: every cluster enters its rest state, then each input runs stage 1
// on its cluster, pays the gate check there and escalates while the gate's confidence is below
// the threshold (moved by the runtime controller, if any); a cluster stays awake from its network
// through its gate, and into the next stage when that runs on it too. Fills result.inferences.
void walk_cascade(const CascadePlan& plan, const CascadeScores& scores, size_t clusters,
                  CascadeExecutor& executor, CascadeSimResult& result);

// Where cluster `c` rests between its runs under `plan`: the first stage's cluster in first_rest,
// clusters only later stages use in escalation_rest, clusters no stage uses off.
PowerState rest_state_of(const CascadePlan& plan, ClusterIndex c);

// Runs `plan` over every sample of `scores` (one StageScores per plan stage) on a new SoC built
// from `soc`, in a fresh simulation kernel. Fills `trace` (states and slices) when given.
CascadeSimResult simulate_cascade(const SocSpec& soc, const CascadePlan& plan,
                                  const CascadeScores& scores, RunTrace* trace = nullptr);

}  // namespace blsim
