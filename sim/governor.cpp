// SPDX-License-Identifier: MIT
#include "sim/governor.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "models/power_states.h"

namespace blsim {

const EnumNames<DvfsGovernor>& dvfs_governor_names() {
  static const EnumNames<DvfsGovernor> names = {{DvfsGovernor::kUserspace, "userspace"},
                                                {DvfsGovernor::kPerformance, "performance"},
                                                {DvfsGovernor::kPowersave, "powersave"},
                                                {DvfsGovernor::kSchedutil, "schedutil"}};
  return names;
}

const EnumNames<IdleGovernor>& idle_governor_names() {
  static const EnumNames<IdleGovernor> names = {{IdleGovernor::kFixed, "fixed"},
                                                {IdleGovernor::kMenu, "menu"}};
  return names;
}

ClusterGovernor::ClusterGovernor(const ClusterSpec& cluster, const GovernorSpec& spec,
                                 PowerState fixed_rest)
    : cluster_(cluster), spec_(spec), fixed_rest_(fixed_rest), opp_(cluster.initial_opp) {
  switch (spec.dvfs) {
    case DvfsGovernor::kPerformance: opp_ = cluster.opps.size() - 1; break;
    case DvfsGovernor::kPowersave: opp_ = 0; break;
    case DvfsGovernor::kUserspace:
    case DvfsGovernor::kSchedutil: break;  // schedutil starts from the configured point
  }
}

void ClusterGovernor::decay_to(double t_s) {
  // Idle since util_at_s_: the average decays towards zero.
  if (t_s > util_at_s_) {
    util_ *= std::exp2(-(t_s - util_at_s_) / spec_.util_half_life_s);
    util_at_s_ = t_s;
  }
}

size_t ClusterGovernor::opp_at_start(double t_s) {
  if (spec_.dvfs != DvfsGovernor::kSchedutil) return opp_;
  decay_to(t_s);
  if (t_s - last_change_s_ < spec_.rate_limit_s) return opp_;
  const double f_max = cluster_.opps.back().freq_mhz;
  const double target = spec_.headroom * f_max * util_;
  size_t next = cluster_.opps.size() - 1;
  for (size_t i = 0; i < cluster_.opps.size(); ++i) {
    if (cluster_.opps[i].freq_mhz >= target) {
      next = i;
      break;
    }
  }
  if (next != opp_) {
    opp_ = next;
    last_change_s_ = t_s;
  }
  return opp_;
}

void ClusterGovernor::busy(double start_s, double end_s, size_t opp) {
  decay_to(start_s);
  if (end_s <= start_s) return;
  // Busy at a lower frequency counts as the fraction of the highest one (frequency invariance).
  const double scale = cluster_.opps.at(opp).freq_mhz / cluster_.opps.back().freq_mhz;
  const double keep = std::exp2(-(end_s - start_s) / spec_.util_half_life_s);
  util_ = util_ * keep + scale * (1 - keep);
  util_at_s_ = end_s;
}

double ClusterGovernor::target_residency_s(PowerState state) const {
  if (state == PowerState::kIdle || state == PowerState::kActive) return 0;
  const OperatingPoint& opp = cluster_.opps.at(opp_);
  auto wake_j = [&](PowerState s) {
    const WakeCost w = wake_cost(cluster_, opp, s);
    return w.switching_j + w.leakage_j;
  };
  const double saved_w = rest_power_w(cluster_, opp, PowerState::kIdle) - rest_power_w(cluster_, opp, state);
  const double extra_j = wake_j(state) - wake_j(PowerState::kIdle);
  if (saved_w <= 0) return std::numeric_limits<double>::infinity();
  return std::max(0.0, extra_j) / saved_w + wake_cost(cluster_, opp, state).latency_s;
}

PowerState ClusterGovernor::rest_at(double t_s) {
  rest_from_s_ = t_s;
  if (spec_.idle == IdleGovernor::kFixed) return fixed_rest_;
  // No gap seen yet: nothing is expected to wake the cluster (a CPU with no timer pending), so
  // the prediction is unbounded.
  const double predicted = gaps_.empty()
                               ? std::numeric_limits<double>::infinity()
                               : std::accumulate(gaps_.begin(), gaps_.end(), 0.0) / gaps_.size();
  PowerState best = PowerState::kIdle;
  for (PowerState s : {PowerState::kParked, PowerState::kOff}) {
    const double exit_s = wake_cost(cluster_, cluster_.opps.at(opp_), s).latency_s;
    if (spec_.latency_limit_s > 0 && exit_s > spec_.latency_limit_s) continue;
    if (target_residency_s(s) <= predicted) best = s;
  }
  return best;
}

void ClusterGovernor::woke(double t_s) {
  if (rest_from_s_ < 0) return;
  gaps_.push_back(t_s - rest_from_s_);
  while (gaps_.size() > spec_.menu_intervals) gaps_.pop_front();
  rest_from_s_ = -1;
}

}  // namespace blsim
