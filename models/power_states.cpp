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
  switch (from) {
    case PowerState::kActive: return {};
    case PowerState::kIdle: return {cluster.wake_idle_s, cluster.wake_idle_j};
    case PowerState::kOff: return {cluster.wake_off_s, cluster.wake_off_j};
    case PowerState::kParked: break;
  }
  // Raise the rail from the lowest operating point's voltage, switch the clock to the active
  // frequency, then leave clock-gated idle.
  const double rise_v = std::max(0.0, opp.volt_v - cluster.opps.front().volt_v);
  const double ramp_s = cluster.volt_ramp_v_per_s > 0 ? rise_v / cluster.volt_ramp_v_per_s : 0;
  return {ramp_s + cluster.dvfs_latency_s + cluster.wake_idle_s, cluster.wake_idle_j};
}

double wake_leakage_w(const ClusterSpec& cluster, const OperatingPoint& opp) {
  return cluster_leakage_w(cluster.power, cluster.cores, opp.volt_v);
}

}  // namespace blsim
