// SPDX-License-Identifier: MIT
#include "models/power_states.h"

#include <algorithm>

namespace blsim {

double rest_power_w(const ClusterSpec& cluster, const OperatingPoint& opp, PowerState state) {
  switch (state) {
    case PowerState::kOff: return 0;
    case PowerState::kParked:
      return cluster_leakage_w(cluster.power, cluster.cores, cluster.opps.front().volt_v);
    case PowerState::kActive:
    case PowerState::kIdle: break;
  }
  return cluster_leakage_w(cluster.power, cluster.cores, opp.volt_v);
}

WakeCost wake_cost(const ClusterSpec& cluster, const OperatingPoint& opp, PowerState from) {
  const double active_w = cluster_leakage_w(cluster.power, cluster.cores, opp.volt_v);
  switch (from) {
    case PowerState::kActive: return {};
    case PowerState::kIdle:
      return {cluster.wake_idle_s, cluster.wake_idle_j, active_w * cluster.wake_idle_s};
    case PowerState::kOff:
      return {cluster.wake_off_s, cluster.wake_off_j, active_w * cluster.wake_off_s};
    case PowerState::kParked: break;
  }
  // Raise the rail from the lowest operating point's voltage (leaking what the rising voltage
  // leaks), switch the clock to the active frequency (typical DVFS latency), then leave
  // clock-gated idle, both at the active voltage.
  const double low_v = cluster.opps.front().volt_v;
  const double rise_v = std::max(0.0, opp.volt_v - low_v);
  const double ramp_s = cluster.volt_ramp_v_per_s > 0 ? rise_v / cluster.volt_ramp_v_per_s : 0;
  const double after_s = cluster.dvfs_latency_s + cluster.wake_idle_s;
  const double leak_j =
      ramp_leakage_j(cluster.power, cluster.cores, low_v, std::max(low_v, opp.volt_v), ramp_s) +
      active_w * after_s;
  return {ramp_s + after_s, cluster.wake_idle_j, leak_j};
}

double wake_leakage_w(const ClusterSpec& cluster, const OperatingPoint& opp, PowerState from) {
  const WakeCost cost = wake_cost(cluster, opp, from);
  return cost.latency_s > 0 ? cost.leakage_j / cost.latency_s : 0;
}

}  // namespace blsim
