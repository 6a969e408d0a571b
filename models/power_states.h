// SPDX-License-Identifier: MIT
// What a cluster draws while it rests in a power state, and what leaving the state costs. One
// definition for the event-driven cluster model, the analytic estimate and the threshold search.
// `opp` is the operating point the cluster runs at when awake.
#pragma once

#include "models/soc_spec.h"

namespace blsim {

// Power of a resting cluster: leakage at its operating point when awake or clock-gated, leakage
// at the lowest operating point's voltage when parked, nothing when power-gated.
double rest_power_w(const ClusterSpec& cluster, const OperatingPoint& opp, PowerState state);

// Leaving a resting state for active: the latency, and the switching energy of restoring power,
// clocks and state. The cluster also leaks at its active voltage for the whole latency (the
// caller books that as static energy, see wake_leakage_w).
struct WakeCost {
  double latency_s = 0;
  double switching_j = 0;
};
WakeCost wake_cost(const ClusterSpec& cluster, const OperatingPoint& opp, PowerState from);

// Leakage while waking: the whole cluster at its active operating point's voltage (an upper
// bound while a parked rail is still ramping up).
double wake_leakage_w(const ClusterSpec& cluster, const OperatingPoint& opp);

}  // namespace blsim
