// SPDX-License-Identifier: MIT
#include "sim/cascade_fast.h"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <set>

#include "energy/dram_power.h"
#include "energy/transfer_power.h"
#include "models/cluster_thermal.h"
#include "models/layer_pricing.h"
#include "models/network_estimate.h"
#include "models/power_states.h"

namespace blsim {
namespace {

// DRAM background while no layer runs, as models/dram_timing integrates it: rows stay open until
// the next refresh (on average half a refresh interval after the last access), a rank powers
// down after the idle timeout, and refresh goes on at its average rate, on every rank.
class IdleDram {
 public:
  explicit IdleDram(const DramSpec& d)
      : d_(d), ranks_(static_cast<double>(d.channels) * d.ranks) {}

  // Energy of [since_access_s, since_access_s + span_s] after the DRAM's last access.
  double energy_j(double since_access_s, double span_s) const {
    const double a = since_access_s, b = since_access_s + span_s;
    const double pd = d_.powerdown_idle_s, closes = d_.trefi_s / 2;
    auto overlap = [&](double lo, double hi) {
      return std::max(0.0, std::min(b, hi) - std::max(a, lo)) * ranks_;
    };
    const double inf = std::numeric_limits<double>::infinity();
    DramStateTimes states;
    states.act_standby_s = overlap(0, std::min(closes, pd));
    states.pre_standby_s = overlap(std::min(closes, pd), pd);
    states.act_powerdown_s = overlap(pd, std::max(closes, pd));
    states.pre_powerdown_s = overlap(std::max(closes, pd), inf);
    const double background = dram_background_energy_j(states, 0, d_.power);
    // A powered-down rank wakes for each refresh: tRFC at active standby, then precharge
    // standby until the timeout, instead of power-down (the average over refresh intervals).
    auto rails_w = [&](double DramRailCurrents::*idd) {
      double w = 0;
      for (const auto& r : d_.power.rail) w += r.vdd_v * (r.*idd);
      return w * d_.power.devices_per_rank;
    };
    const double pd_w = rails_w(&DramRailCurrents::idd2p_a);
    const double wake_j = (rails_w(&DramRailCurrents::idd3n_a) - pd_w) * d_.power.trfc_s +
                          (rails_w(&DramRailCurrents::idd2n_a) - pd_w) *
                              std::min(pd, d_.trefi_s - d_.power.trfc_s);
    const double wakes = overlap(pd, inf) / d_.trefi_s * wake_j;
    return background + wakes + dram_refresh_energy_j(d_.power) * span_s / d_.trefi_s * ranks_;
  }

 private:
  const DramSpec& d_;
  double ranks_;
};

struct StageCosts {
  const NetworkEstimate* net = nullptr;
  double gate_s = 0;
  EnergyBreakdown gate;  // cores only; background added per span
};

// Composes one cascade run: the same walk as the SystemC driver (walk_cascade), each step priced
// from the estimates, with every step's time spent by the other clusters at rest.
class Composer : private CascadeExecutor {
 public:
  Composer(const SocSpec& soc, const CascadePlan& plan, const NetworkEstimator& estimate)
      : soc_(soc), plan_(plan), dram_(soc.dram), state_(soc.clusters.size(), PowerState::kIdle),
        resident_(soc.clusters.size()), ran_(plan.stages.size(), false) {
    // Rest power, wake costs and leakage at ambient depend on the cluster and state alone:
    // computed once here, not at every input.
    for (const auto& c : soc.clusters) {
      thermal_.emplace_back(c.thermal);
      ClusterConstants k;
      for (const PowerState st : {PowerState::kActive, PowerState::kIdle, PowerState::kParked,
                                  PowerState::kOff}) {
        k.rest_w[static_cast<size_t>(st)] = rest_power_w(c, c.initial_point(), st);
        k.wake[static_cast<size_t>(st)] = wake_cost(c, c.initial_point(), st);
      }
      k.leak_at_ambient = leakage_temp_factor(c.power, c.thermal.ambient_c);
      constants_.push_back(k);
    }
    for (const auto& c : soc.caches) cache_leak_w_ += c.leak_w;
    for (size_t s = 0; s < plan.stages.size(); ++s) {
      const StagePlan& stage = plan.stages[s];
      StageCosts costs;
      costs.net = &estimate(stage.cluster, stage.cost, stage.net_name);
      const ClusterSpec& c = soc.cluster(stage.cluster);
      const LedgerRow gate = price_cycles(plan.gate_cycles, soc, c.initial_point(),
                                          RowLabel{stage.label, stage.net_name, stage.cluster,
                                                   "gate", "gate"});
      costs.gate_s = gate.time_s;
      costs.gate = gate.energy;
      stages_.push_back(std::move(costs));
    }
  }

  CascadeSimResult run(const CascadeScores& scores) {
    CascadeSimResult result;
    walk_cascade(plan_, scores, soc_.clusters.size(), *this, result);
    result.time_s = time_s_;
    result.total = total_;
    return result;
  }

  void enter(ClusterIndex c, PowerState state) override {
    if (state == PowerState::kActive) {
      wake(c);
    } else {
      state_[c] = state;
      if (state == PowerState::kOff) resident_[c].clear();
    }
  }
  void wake(ClusterIndex c, const std::string&) override { wake(c); }
  double now_s() override { return time_s_; }
  double seconds_since(double then_s) override { return time_s_ - then_s; }
  double energy_so_far_j() override { return total_.total_j(); }

 private:
  // `span_s` passes with `running` busy (or nobody): the other clusters rest, the shared caches
  // leak, and the DRAM idles unless a layer's claim already holds its background.
  void elapse(double span_s, ClusterIndex running, bool dram_idle) {
    for (ClusterIndex c = 0; c < soc_.clusters.size(); ++c) {
      if (c == running) continue;
      EnergyBreakdown rest;
      rest.core_static_j = constants_[c].rest_w[static_cast<size_t>(state_[c])] * span_s;
      add_cluster(c, rest, span_s, 1);
    }
    if (dram_idle) {
      total_.sram_j += cache_leakage_energy_j(cache_leak_w_, span_s);
      total_.dram_static_j += dram_.energy_j(since_access_s_, span_s);
      since_access_s_ += span_s;
    }
    time_s_ += span_s;
  }

  void wake(ClusterIndex c) {
    if (state_[c] == PowerState::kActive) return;
    const WakeCost& cost = constants_[c].wake[static_cast<size_t>(state_[c])];
    EnergyBreakdown own;
    own.core_dyn_j = cost.switching_j;
    own.core_static_j = cost.leakage_j;
    add_cluster(c, own, cost.latency_s, 1);
    state_[c] = PowerState::kActive;
    elapse(cost.latency_s, c, true);
  }

  void run_network(size_t s) override {
    const StagePlan& stage = plan_.stages[s];
    const NetworkEstimate& est = *stages_[s].net;
    // Weights that fit stay in L2 until another network or a power-off replaces them; weights
    // that do not fit stream every time, so every run after the first is the steady one.
    const bool warm = est.weights_fit ? resident_[stage.cluster] == stage.net_name : ran_[s];
    ran_[s] = true;
    const InferenceEstimate& one = warm ? est.warm : est.cold;
    // Layers claim the DRAM background and cache leakage of their span; their leakage was
    // estimated from ambient.
    add_cluster(stage.cluster, one.energy, one.time_s, constants_[stage.cluster].leak_at_ambient);
    elapse(one.time_s, stage.cluster, false);
    since_access_s_ = 0;  // the network's output was just written
    resident_[stage.cluster] = est.weights_fit ? stage.net_name : std::string();
    // A cluster at rest in 'active' stays awake; every other leaves its run awake too and rests
    // only when the driver says so (enter).
  }

  void run_gate(size_t s) override {
    add_cluster(plan_.stages[s].cluster, stages_[s].gate, stages_[s].gate_s, 1);
    elapse(stages_[s].gate_s, plan_.stages[s].cluster, true);
  }

  // Adds a cluster's span priced at leakage factor `priced_at` (1: the reference temperature):
  // leakage follows the cluster's junction temperature over the span (models/cluster_thermal.h).
  void add_cluster(ClusterIndex c, EnergyBreakdown e, double span_s, double priced_at) {
    const double leak_ref_j = e.core_static_j / priced_at;
    e.core_static_j = leak_ref_j * thermal_[c].span(span_s, e.core_dyn_j, leak_ref_j,
                                                    soc_.cluster(c).power);
    total_ += e;
  }

  struct ClusterConstants {
    std::array<double, 4> rest_w{};  // rest_power_w at the initial point, by PowerState
    std::array<WakeCost, 4> wake{};  // wake_cost from each PowerState
    double leak_at_ambient = 1;      // leakage_temp_factor at the ambient temperature
  };

  const SocSpec& soc_;
  const CascadePlan& plan_;
  std::vector<ClusterThermal> thermal_;
  std::vector<ClusterConstants> constants_;
  IdleDram dram_;
  std::vector<StageCosts> stages_;
  std::vector<PowerState> state_;
  std::vector<std::string> resident_;
  std::vector<bool> ran_;
  double cache_leak_w_ = 0;
  double since_access_s_ = 0;  // the DRAM's ranks start as if just accessed (models/dram_timing)
  double time_s_ = 0;
  EnergyBreakdown total_;
};

}  // namespace

bool fast_path_applies(const SocSpec& soc, const CascadePlan& plan, std::string* why) {
  if (soc.caches.empty()) return true;
  if (plan.first_rest == PowerState::kOff || plan.escalation_rest == PowerState::kOff) {
    // A powered-off cluster reloads its weights from the shared level, which the estimate's cold
    // inference (weights from DRAM) does not model.
    if (why != nullptr) *why = "a cluster powers off between runs behind a shared cache";
    return false;
  }
  // Each network's warm estimate assumes its own weights and activations stay in the level; that
  // holds for a serial cascade when all of them fit together in every level its cluster uses.
  uint64_t bytes = 0;
  std::set<std::string> nets;
  for (const auto& s : plan.stages) {
    if (nets.insert(s.net_name).second) bytes += s.cost.total_param_bytes();
    uint64_t largest = 0;
    for (const auto& l : s.cost.layers) largest = std::max(largest, l.input_bytes + l.output_bytes);
    bytes += 2 * largest;
  }
  for (const auto& c : soc.caches) {
    if (bytes > c.bytes) {
      if (why != nullptr) {
        *why = "the networks (" + std::to_string(bytes) + " B with activations) do not fit together "
               "in shared cache " + c.name;
      }
      return false;
    }
  }
  return true;
}

CascadeSimResult estimate_cascade(const SocSpec& soc, const CascadePlan& plan,
                                  const CascadeScores& scores, const NetworkEstimator& estimate) {
  Composer composer(soc, plan, estimate);
  return composer.run(scores);
}

CascadeSimResult estimate_cascade(const SocSpec& soc, const CascadePlan& plan,
                                  const CascadeScores& scores) {
  std::vector<NetworkEstimate> made;
  made.reserve(plan.stages.size());
  return estimate_cascade(soc, plan, scores,
                          [&](ClusterIndex c, const NetworkCost& cost,
                              const std::string& name) -> const NetworkEstimate& {
                            made.push_back(estimate_network(soc, c, cost, name));
                            return made.back();
                          });
}

}  // namespace blsim
