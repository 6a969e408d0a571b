// SPDX-License-Identifier: MIT
#include "sim/cascade_sim.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <systemc>

#include "models/fresh_kernel.h"
#include "models/sim_time.h"
#include "models/soc_top.h"
#include "sim/states_csv.h"

namespace blsim {
namespace {

class CascadeDriver : public sc_core::sc_module, private CascadeExecutor {
 public:
  SC_HAS_PROCESS(CascadeDriver);
  CascadeDriver(sc_core::sc_module_name name, SocTop& soc, const CascadePlan& plan,
                const CascadeScores& scores, CascadeSimResult& result, StateRecorder* recorder)
      : sc_core::sc_module(name), soc_(soc), plan_(plan), scores_(scores), result_(result),
        recorder_(recorder) {
    SC_THREAD(run);
  }

 private:
  void run() {
    walk_cascade(plan_, scores_, soc_.cluster_count(), *this, result_);
    soc_.finish();
    result_.time_s = to_seconds(sc_core::sc_time_stamp());
    result_.total = soc_.energy_so_far();
    result_.ledger = soc_.ledger();
    if (recorder_ != nullptr) recorder_->finish(result_.time_s);
  }

  void enter(ClusterIndex c, PowerState state) override { soc_.cluster(c).enter(state); }
  void wake(ClusterIndex c, const std::string& stage) override {
    soc_.cluster(c).wake_up(stage);
    soc_.cluster(c).enter(PowerState::kActive);  // awake until the walk says otherwise
  }
  void run_network(size_t s) override {
    const StagePlan& stage = plan_.stages[s];
    if (recorder_ != nullptr) recorder_->set_input(stage.cluster, result_.inferences.size());
    soc_.cluster(stage.cluster).run_network(stage.cost, stage.net_name, stage.label);
  }
  void run_gate(size_t s) override {
    const StagePlan& stage = plan_.stages[s];
    soc_.cluster(stage.cluster).run_cycles(plan_.gate_cycles, stage.label, stage.net_name, "gate");
  }
  double now_s() override { return to_seconds(sc_core::sc_time_stamp()); }
  double seconds_since(double then_s) override {
    return to_seconds(sc_core::sc_time_stamp() - from_seconds(then_s));
  }
  double energy_so_far_j() override { return soc_.energy_so_far().total_j(); }

  SocTop& soc_;
  const CascadePlan& plan_;
  const CascadeScores& scores_;
  CascadeSimResult& result_;
  StateRecorder* recorder_;
};

}  // namespace

void walk_cascade(const CascadePlan& plan, const CascadeScores& scores, size_t clusters,
                  CascadeExecutor& x, CascadeSimResult& result) {
  const size_t stages = plan.stages.size();
  for (ClusterIndex c = 0; c < clusters; ++c) x.enter(c, rest_state_of(plan, c));
  const double first_threshold = plan.thresholds.empty() ? 0.0 : plan.thresholds[0];
  ThresholdController controller(plan.controller, first_threshold, plan.energy_scale_j);
  std::vector<double> thresholds = plan.thresholds;
  const size_t n = scores.samples();
  result.inferences.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (plan.controller.kind != ControllerSpec::Kind::kNone) {
      // The controller moves every gate by the same amount as the first one.
      const double shift = controller.threshold() - first_threshold;
      for (size_t g = 0; g < thresholds.size(); ++g) {
        thresholds[g] = std::clamp(plan.thresholds[g] + shift, 0.0, 1.0);
      }
    }
    const double t0 = x.now_s();
    const double e0_j = x.energy_so_far_j();
    size_t s = 0;
    for (;; ++s) {
      const StagePlan& stage = plan.stages[s];
      // Awake from the network through its gate check; back to rest only when the stage is done.
      x.wake(stage.cluster, stage.label);
      x.run_network(s);
      const bool last = s + 1 == stages;
      if (!last) x.run_gate(s);
      const bool answered = last || scores.stages[s].confidence[i] >= thresholds[s];
      // A cluster that also runs the next stage stays awake for it.
      if (answered || plan.stages[s + 1].cluster != stage.cluster) {
        x.enter(stage.cluster, rest_state_of(plan, stage.cluster));
      }
      if (answered) break;
    }
    InferenceRecord r;
    r.index = i;
    r.label = scores.labels[i];
    r.prediction = scores.stages[s].prediction[i];
    r.exit_stage = s;
    r.confidence = scores.stages[s].confidence[i];
    r.threshold = thresholds.empty() ? 0.0 : thresholds[0];
    r.escalated = s > 0;
    r.latency_s = x.seconds_since(t0);
    r.arrival_s = t0;
    r.start_s = t0;
    r.finish_s = t0 + r.latency_s;
    r.energy_j = x.energy_so_far_j() - e0_j;
    controller.observe(r.escalated, r.energy_j);
    result.inferences.push_back(r);
  }
}

// Where a cluster waits between its runs: what the first stage's cluster needs differs from what
// a cluster woken only on escalation needs; an unused cluster is power-gated.
PowerState rest_state_of(const CascadePlan& plan, ClusterIndex id) {
  if (plan.stages.front().cluster == id) return plan.first_rest;
  for (const auto& s : plan.stages) {
    if (s.cluster == id) return plan.escalation_rest;
  }
  return PowerState::kOff;
}

double CascadeSimResult::accuracy() const {
  if (inferences.empty()) return 0;
  size_t correct = 0;
  for (const auto& r : inferences) correct += !r.dropped && r.prediction == r.label ? 1 : 0;
  return static_cast<double>(correct) / inferences.size();
}

size_t CascadeSimResult::answered() const { return inferences.size() - dropped(); }

size_t CascadeSimResult::dropped() const {
  size_t n = 0;
  for (const auto& r : inferences) n += r.dropped ? 1 : 0;
  return n;
}

size_t CascadeSimResult::deadline_misses() const {
  if (deadline_s <= 0) return 0;
  size_t n = 0;
  for (const auto& r : inferences) n += !r.dropped && r.latency_s > deadline_s ? 1 : 0;
  return n;
}

double CascadeSimResult::escalation_rate() const {
  const size_t n = answered();
  if (n == 0) return 0;
  size_t escalated = 0;
  for (const auto& r : inferences) escalated += !r.dropped && r.escalated ? 1 : 0;
  return static_cast<double>(escalated) / n;
}

double CascadeSimResult::energy_per_inference_j() const {
  return inferences.empty() ? 0 : total.total_j() / inferences.size();
}

double CascadeSimResult::throughput_hz() const { return time_s > 0 ? answered() / time_s : 0; }

double CascadeSimResult::average_power_w() const {
  return time_s > 0 ? total.total_j() / time_s : 0;
}

double CascadeSimResult::latency_mean_s() const {
  const size_t n = answered();
  if (n == 0) return 0;
  double sum = 0;
  for (const auto& r : inferences) sum += r.dropped ? 0 : r.latency_s;
  return sum / n;
}

double CascadeSimResult::latency_quantile_s(double q) const {
  std::vector<double> lat;
  lat.reserve(inferences.size());
  for (const auto& r : inferences) {
    if (!r.dropped) lat.push_back(r.latency_s);
  }
  if (lat.empty()) return 0;
  const size_t rank = std::max<size_t>(1, static_cast<size_t>(std::ceil(q * lat.size())));
  std::nth_element(lat.begin(), lat.begin() + (rank - 1), lat.end());
  return lat[rank - 1];
}

double CascadeSimResult::latency_p99_s() const { return latency_quantile_s(0.99); }

CascadeSimResult simulate_cascade(const SocSpec& soc, const CascadePlan& plan,
                                  const CascadeScores& scores, RunTrace* trace) {
  CascadeSimResult result;
  fresh_simulation_kernel();
  SocTop top("soc", soc);
  std::unique_ptr<StateRecorder> recorder;
  if (trace != nullptr) recorder = std::make_unique<StateRecorder>(top, *trace);
  CascadeDriver driver("cascade", top, plan, scores, result, recorder.get());
  sc_core::sc_start();
  return result;
}

}  // namespace blsim
