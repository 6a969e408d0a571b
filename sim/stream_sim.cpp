// SPDX-License-Identifier: MIT
#include "sim/stream_sim.h"

#include <algorithm>
#include <deque>
#include <memory>
#include <systemc>

#include "models/fresh_kernel.h"
#include "models/sim_time.h"
#include "models/soc_top.h"
#include "sim/states_csv.h"

namespace blsim {
namespace {

class StreamDriver : public sc_core::sc_module {
 public:
  SC_HAS_PROCESS(StreamDriver);
  StreamDriver(sc_core::sc_module_name name, SocTop& soc, const CascadePlan& plan,
               const CascadeScores& scores, const StreamPlan& stream, CascadeSimResult& result,
               StateRecorder* recorder)
      : sc_core::sc_module(name), soc_(soc), plan_(plan), scores_(scores), stream_(stream),
        result_(result), recorder_(recorder),
        controller_(plan.controller, plan.thresholds.empty() ? 0.0 : plan.thresholds[0],
                    plan.energy_scale_j),
        awake_(soc.cluster_count(), false), shift_(scores.samples(), 0.0),
        e0_j_(scores.samples(), 0.0) {
    const size_t stages = plan.stages.size();
    if (stream_overlaps(plan, stream)) {
      for (size_t s = 0; s < stages; ++s) lanes_.push_back(std::make_unique<Lane>(s, s + 1));
    } else {
      lanes_.push_back(std::make_unique<Lane>(0, stages));
    }
    for (size_t l = 0; l < lanes_.size(); ++l) {
      for (size_t s = lanes_[l]->first; s < lanes_[l]->end; ++s) lane_of_stage_.push_back(l);
    }
    for (ClusterIndex c = 0; c < soc.cluster_count(); ++c) {
      governors_.emplace_back(soc.spec().cluster(c), stream.governor, rest_state_of(plan, c));
    }
    result_.inferences.resize(scores.samples());
    SC_THREAD(feed);
    SC_THREAD(serve0);
    if (lanes_.size() > 1) SC_THREAD(serve1);
    if (lanes_.size() > 2) SC_THREAD(serve2);
    if (lanes_.size() > 3) SC_THREAD(serve3);
  }

 private:
  struct Lane {
    Lane(size_t f, size_t e) : first(f), end(e) {}
    size_t first, end;  // stages [first, end)
    std::deque<size_t> queue;
    bool busy = false;
    sc_core::sc_event ready;
  };

  double now_s() const { return to_seconds(sc_core::sc_time_stamp()); }

  void wait_until(double t_s) {
    const sc_core::sc_time target = from_seconds(t_s);
    if (target > sc_core::sc_time_stamp()) wait(target - sc_core::sc_time_stamp());
  }

  void feed() {
    for (ClusterIndex c = 0; c < soc_.cluster_count(); ++c) {
      // The governor's starting point is configuration: no transition at time 0.
      soc_.cluster(c).set_opp(governors_[c].opp_at_start(0));
      soc_.cluster(c).enter(governors_[c].rest_at(0));  // fixed: rest_state_of(plan_, c)
    }
    const size_t n = scores_.samples();
    Lane& first = *lanes_[0];
    for (size_t i = 0; i < n; ++i) {
      wait_until(stream_.arrivals_s[i]);
      InferenceRecord& r = result_.inferences[i];
      r.index = i;
      r.label = scores_.labels[i];
      r.arrival_s = stream_.arrivals_s[i];
      const bool straight_in = !first.busy && first.queue.empty();
      if (!straight_in && first.queue.size() >= stream_.queue) {
        r.dropped = true;
        r.prediction = -1;
        r.threshold = plan_.thresholds.empty() ? 0.0 : current_threshold(0);
        r.start_s = r.finish_s = r.arrival_s;
        resolved();
        continue;
      }
      first.queue.push_back(i);
      first.ready.notify(sc_core::SC_ZERO_TIME);
    }
    if (n == 0) done_.notify(sc_core::SC_ZERO_TIME);
    // The pass lasts until every input is resolved, and one mean gap past the last arrival.
    while (resolved_ < n) wait(done_);
    const double gap = n > 1 ? (stream_.arrivals_s[n - 1] - stream_.arrivals_s[0]) / (n - 1) : 0;
    wait_until(n > 0 ? stream_.arrivals_s[n - 1] + gap : 0.0);
    soc_.finish();
    result_.time_s = now_s();
    result_.total = soc_.energy_so_far();
    result_.ledger = soc_.ledger();
    if (recorder_ != nullptr) recorder_->finish(result_.time_s);
  }

  void serve0() { serve(0); }
  void serve1() { serve(1); }
  void serve2() { serve(2); }
  void serve3() { serve(3); }

  void serve(size_t l) {
    Lane& lane = *lanes_[l];
    for (;;) {
      while (lane.queue.empty()) {
        lane.busy = false;
        wait(lane.ready);
      }
      lane.busy = true;
      const size_t i = lane.queue.front();
      lane.queue.pop_front();
      serve_input(lane, i);
    }
  }

  double current_threshold(size_t gate) const {
    if (plan_.controller.kind == ControllerSpec::Kind::kNone) return plan_.thresholds[gate];
    const double shift = controller_.threshold() - plan_.thresholds[0];
    return std::clamp(plan_.thresholds[gate] + shift, 0.0, 1.0);
  }

  // Wakes cluster c for work, then moves it to the operating point its DVFS governor picks now.
  // A change takes the clock's relock time (dvfs_latency), after raising the rail at its slew
  // rate when the new point needs a higher voltage (a lower voltage follows while the cluster
  // runs); the cluster stays awake meanwhile, leaking at the new point's voltage.
  void start_on(ClusterIndex c, const std::string& stage) {
    ComputeCluster& cluster = soc_.cluster(c);
    ClusterGovernor& gov = governors_[c];
    if (!awake_[c]) {
      gov.woke(now_s());
      cluster.wake_up(stage);
      cluster.enter(PowerState::kActive);  // awake until the lane rests it
      awake_[c] = true;
    }
    const size_t opp = gov.opp_at_start(now_s());
    const OperatingPoint& from = cluster.opp();
    if (&cluster.spec().opps.at(opp) == &from) return;
    const ClusterSpec& spec = cluster.spec();
    const double rise_v = spec.opps[opp].volt_v - from.volt_v;
    const double ramp_s = rise_v > 0 && spec.volt_ramp_v_per_s > 0 ? rise_v / spec.volt_ramp_v_per_s : 0;
    cluster.set_opp(opp);
    wait_until(now_s() + ramp_s + spec.dvfs_latency_s);
  }

  void rest(ClusterIndex c) {
    soc_.cluster(c).enter(governors_[c].rest_at(now_s()));
    awake_[c] = false;
  }

  void serve_input(Lane& lane, size_t i) {
    const size_t stages = plan_.stages.size();
    InferenceRecord& r = result_.inferences[i];
    for (size_t s = lane.first;; ++s) {
      const StagePlan& stage = plan_.stages[s];
      const ClusterIndex c = stage.cluster;
      if (recorder_ != nullptr) recorder_->set_input(c, i);
      if (s == 0) {
        r.start_s = now_s();  // before its cluster wakes, as in the back-to-back pass
        e0_j_[i] = soc_.energy_so_far().total_j();
        shift_[i] = plan_.controller.kind == ControllerSpec::Kind::kNone || plan_.thresholds.empty()
                        ? 0.0
                        : controller_.threshold() - plan_.thresholds[0];
      }
      start_on(c, stage.label);
      const double t0 = now_s();
      ComputeCluster& cluster = soc_.cluster(c);
      const size_t opp = static_cast<size_t>(&cluster.opp() - cluster.spec().opps.data());
      cluster.run_network(stage.cost, stage.net_name, stage.label);
      const bool last = s + 1 == stages;
      if (!last) cluster.run_cycles(plan_.gate_cycles, stage.label, stage.net_name, "gate");
      governors_[c].busy(t0, now_s(), opp);
      const double threshold =
          last ? 0.0 : std::clamp(plan_.thresholds[s] + shift_[i], 0.0, 1.0);
      const bool answered = last || scores_.stages[s].confidence[i] >= threshold;
      const bool inline_next = !answered && s + 1 < lane.end;
      const bool same_cluster_next = inline_next && plan_.stages[s + 1].cluster == c;
      // The lane's first cluster stays awake for queued work; any other rests when it hands on.
      const bool more_here = !lane.queue.empty() && c == plan_.stages[lane.first].cluster &&
                             (answered || !inline_next);
      if (!same_cluster_next && !more_here) rest(c);
      if (answered) {
        r.prediction = scores_.stages[s].prediction[i];
        r.exit_stage = s;
        r.confidence = scores_.stages[s].confidence[i];
        r.threshold = plan_.thresholds.empty() ? 0.0
                                               : std::clamp(plan_.thresholds[0] + shift_[i], 0.0, 1.0);
        r.escalated = s > 0;
        r.finish_s = now_s();
        r.latency_s = r.finish_s - r.arrival_s;
        r.energy_j = soc_.energy_so_far().total_j() - e0_j_[i];
        controller_.observe(r.escalated, r.energy_j);
        resolved();
        return;
      }
      if (!inline_next) {
        Lane& next = *lanes_[lane_of_stage_[s + 1]];
        next.queue.push_back(i);
        next.ready.notify(sc_core::SC_ZERO_TIME);
        return;
      }
    }
  }

  void resolved() {
    ++resolved_;
    if (resolved_ == scores_.samples()) done_.notify(sc_core::SC_ZERO_TIME);
  }

  SocTop& soc_;
  const CascadePlan& plan_;
  const CascadeScores& scores_;
  const StreamPlan& stream_;
  CascadeSimResult& result_;
  StateRecorder* recorder_;
  ThresholdController controller_;
  std::vector<std::unique_ptr<Lane>> lanes_;
  std::vector<size_t> lane_of_stage_;
  std::vector<ClusterGovernor> governors_;
  std::vector<bool> awake_;
  std::vector<double> shift_;
  std::vector<double> e0_j_;
  size_t resolved_ = 0;
  sc_core::sc_event done_;
};

}  // namespace

bool stream_overlaps(const CascadePlan& plan, const StreamPlan& stream) {
  if (!stream.overlap || plan.stages.size() > 4) return false;
  for (size_t a = 0; a < plan.stages.size(); ++a) {
    for (size_t b = a + 1; b < plan.stages.size(); ++b) {
      if (plan.stages[a].cluster == plan.stages[b].cluster) return false;
    }
  }
  return plan.stages.size() > 1;
}

CascadeSimResult simulate_stream(const SocSpec& soc, const CascadePlan& plan,
                                 const CascadeScores& scores, const StreamPlan& stream,
                                 RunTrace* trace) {
  CascadeSimResult result;
  result.arrival_mode = stream.arrival_mode;
  result.arrival_rate_hz = stream.arrival_rate_hz;
  result.overlap = stream_overlaps(plan, stream);
  result.deadline_s = stream.deadline_s;
  fresh_simulation_kernel();
  SocTop top("soc", soc);
  std::unique_ptr<StateRecorder> recorder;
  if (trace != nullptr) recorder = std::make_unique<StateRecorder>(top, *trace);
  StreamDriver driver("stream", top, plan, scores, stream, result, recorder.get());
  sc_core::sc_start();
  return result;
}

}  // namespace blsim
