// SPDX-License-Identifier: MIT
// What a cluster draws while it rests in a power state, and what leaving the state costs. One
// definition for the event-driven cluster model, the analytic estimate and the threshold search.
// `opp` is the operating point the cluster runs at when awake.
#pragma once

#include "models/soc_spec.h"

namespace blsim {

// Power of a resting cluster: leakage at its operating point when awake or clock-gated, leakage
// at the lowest operating point's voltage when parked, nothing when power-gated (at the leakage
// reference temperature; the cluster's thermal model scales it).
double rest_power_w(const ClusterSpec& cluster, const OperatingPoint& opp, PowerState state);

// Leaving a resting state for active: the latency, the switching energy of restoring power,
// clocks and state, and what the cluster leaks meanwhile (booked as static energy): at the
// active voltage from idle or off; from parked, what the rail leaks while it ramps up from the
// lowest operating point's voltage, then the active voltage through the typical DVFS latency and
// the idle exit. Leakage here is at the leakage reference temperature (cluster_power.h).
struct WakeCost {
  double latency_s = 0;
  double switching_j = 0;
  double leakage_j = 0;
};
WakeCost wake_cost(const ClusterSpec& cluster, const OperatingPoint& opp, PowerState from);

// Mean leakage power over the wake from `from` (wake_cost's leakage_j / latency_s).
double wake_leakage_w(const ClusterSpec& cluster, const OperatingPoint& opp, PowerState from);

}  // namespace blsim
