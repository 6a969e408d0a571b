// SPDX-License-Identifier: MIT
#include "sim/cascade_sim.h"

#include <algorithm>
#include <cmath>
#include <systemc>

#include "models/fresh_kernel.h"
#include "models/sim_time.h"
#include "models/soc_top.h"

namespace blsim {
namespace {

class CascadeDriver : public sc_core::sc_module {
 public:
  SC_HAS_PROCESS(CascadeDriver);
  CascadeDriver(sc_core::sc_module_name name, SocTop& soc, const CascadePlan& plan,
                const CascadeScores& scores, CascadeSimResult& result)
      : sc_core::sc_module(name), soc_(soc), plan_(plan), scores_(scores), result_(result) {
    SC_THREAD(run);
  }

 private:
  void run() {
    const size_t stages = plan_.stages.size();
    for (ClusterIndex c = 0; c < soc_.cluster_count(); ++c) {
      soc_.cluster(c).enter(rest_state_of(plan_, c));
    }
    const double first_threshold = plan_.thresholds.empty() ? 0.0 : plan_.thresholds[0];
    ThresholdController controller(plan_.controller, first_threshold, plan_.energy_scale_j);
    std::vector<double> thresholds = plan_.thresholds;
    const size_t n = scores_.samples();
    result_.inferences.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      if (plan_.controller.kind != ControllerSpec::Kind::kNone) {
        // The controller moves every gate by the same amount as the first one.
        const double shift = controller.threshold() - first_threshold;
        for (size_t g = 0; g < thresholds.size(); ++g) {
          thresholds[g] = std::clamp(plan_.thresholds[g] + shift, 0.0, 1.0);
        }
      }
      const sc_core::sc_time t0 = sc_core::sc_time_stamp();
      const double e0_j = soc_.energy_so_far().total_j();
      size_t s = 0;
      for (;; ++s) {
        const StagePlan& stage = plan_.stages[s];
        ComputeCluster& cluster = soc_.cluster(stage.cluster);
        // Awake from the network through its gate check; back to rest only when the stage is done.
        cluster.wake_up(stage.label);
        cluster.enter(PowerState::kActive);
        cluster.run_network(stage.cost, stage.net_name, stage.label);
        const bool last = s + 1 == stages;
        if (!last) cluster.run_cycles(plan_.gate_cycles, stage.label, stage.net_name, "gate");
        const bool answered = last || scores_.stages[s].confidence[i] >= thresholds[s];
        // A cluster that also runs the next stage stays awake for it.
        if (answered || plan_.stages[s + 1].cluster != stage.cluster) {
          cluster.enter(rest_state_of(plan_, stage.cluster));
        }
        if (answered) break;
      }
      InferenceRecord r;
      r.index = i;
      r.label = scores_.labels[i];
      r.prediction = scores_.stages[s].prediction[i];
      r.exit_stage = s;
      r.confidence = scores_.stages[s].confidence[i];
      r.threshold = thresholds.empty() ? 0.0 : thresholds[0];
      r.escalated = s > 0;
      r.latency_s = to_seconds(sc_core::sc_time_stamp() - t0);
      r.energy_j = soc_.energy_so_far().total_j() - e0_j;
      controller.observe(r.escalated, r.energy_j);
      result_.inferences.push_back(r);
    }
    soc_.finish();
    result_.time_s = to_seconds(sc_core::sc_time_stamp());
    result_.total = soc_.energy_so_far();
    result_.ledger = soc_.ledger();
  }

  SocTop& soc_;
  const CascadePlan& plan_;
  const CascadeScores& scores_;
  CascadeSimResult& result_;
};

}  // namespace

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
  for (const auto& r : inferences) correct += r.prediction == r.label ? 1 : 0;
  return static_cast<double>(correct) / inferences.size();
}

double CascadeSimResult::escalation_rate() const {
  if (inferences.empty()) return 0;
  size_t escalated = 0;
  for (const auto& r : inferences) escalated += r.escalated ? 1 : 0;
  return static_cast<double>(escalated) / inferences.size();
}

double CascadeSimResult::energy_per_inference_j() const {
  return inferences.empty() ? 0 : total.total_j() / inferences.size();
}

double CascadeSimResult::latency_mean_s() const {
  if (inferences.empty()) return 0;
  double sum = 0;
  for (const auto& r : inferences) sum += r.latency_s;
  return sum / inferences.size();
}

double CascadeSimResult::latency_p99_s() const {
  if (inferences.empty()) return 0;
  std::vector<double> lat;
  lat.reserve(inferences.size());
  for (const auto& r : inferences) lat.push_back(r.latency_s);
  const size_t rank = static_cast<size_t>(std::ceil(0.99 * lat.size()));
  std::nth_element(lat.begin(), lat.begin() + (rank - 1), lat.end());
  return lat[rank - 1];
}

CascadeSimResult simulate_cascade(const SocSpec& soc, const CascadePlan& plan,
                                  const CascadeScores& scores) {
  CascadeSimResult result;
  fresh_simulation_kernel();
  SocTop top("soc", soc);
  CascadeDriver driver("cascade", top, plan, scores, result);
  sc_core::sc_start();
  return result;
}

}  // namespace blsim
