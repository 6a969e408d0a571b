// SPDX-License-Identifier: MIT
// The governors of a streaming timing pass, per cluster: a DVFS governor that picks the operating
// point each time the cluster starts work, and an idle governor that picks the resting state each
// time the cluster runs out of work.
//
// DVFS, after the Linux cpufreq governors (Documentation/admin-guide/pm/cpufreq.rst):
//   userspace    the configured operating point (the cluster's initial_opp), never changed;
//   performance  the highest operating point;
//   powersave    the lowest operating point;
//   schedutil    utilization-driven (Documentation/scheduler/schedutil.rst): the utilization is a
//                frequency-invariant busy fraction averaged with a geometric decay of half-life
//                util_half_life (PELT's 32 ms), the target frequency is headroom (1.25) times the
//                highest frequency times the utilization, resolved to the lowest operating point
//                at or above it, and the frequency changes at most once per rate_limit (the
//                rate_limit_us tunable; 2000 us, the cpufreq core's default transition delay
//                since Linux commit e13aa799c2a6 "cpufreq: Change default transition delay to
//                2ms", 2024, for drivers that give none).
// Idle, after the Linux cpuidle governors (Documentation/admin-guide/pm/cpuidle.rst):
//   fixed  the cascade's configured rest states, as in the back-to-back pass;
//   menu   predicts the coming idle gap as the mean of the cluster's last `menu_intervals` gaps
//          (8, as the menu governor keeps; unbounded before the first gap, as with no timer
//          pending) and picks the deepest state whose target residency
//          fits the prediction and whose exit latency fits the latency limit (PM QoS; none by
//          default). A state's target residency is its energy break-even time against
//          clock-gated idle: how long it must last for its lower rest power to repay its dearer
//          wake-up (from the cluster's own power and wake-up parameters).
#pragma once

#include <cstddef>
#include <deque>
#include <vector>

#include "common/enum_names.h"
#include "models/soc_spec.h"

namespace blsim {

enum class DvfsGovernor { kUserspace, kPerformance, kPowersave, kSchedutil };
enum class IdleGovernor { kFixed, kMenu };
const EnumNames<DvfsGovernor>& dvfs_governor_names();
const EnumNames<IdleGovernor>& idle_governor_names();

struct GovernorSpec {
  DvfsGovernor dvfs = DvfsGovernor::kUserspace;
  IdleGovernor idle = IdleGovernor::kFixed;
  double rate_limit_s = 2e-3;        // schedutil rate_limit_us (Linux default since 2024, 2 ms)
  double headroom = 1.25;            // schedutil: frequency = headroom * f_max * util
  double util_half_life_s = 32e-3;   // PELT half-life (Linux default, 32 ms)
  size_t menu_intervals = 8;         // menu governor's history of idle gaps (Linux: 8)
  double latency_limit_s = 0;        // PM QoS resume latency limit; 0: none
};

// One cluster's governors in a streaming pass. Times are simulated seconds.
class ClusterGovernor {
 public:
  ClusterGovernor(const ClusterSpec& cluster, const GovernorSpec& spec, PowerState fixed_rest);

  // The operating point to run at when work starts at t_s (updates the utilization with the
  // idle span since the last run).
  size_t opp_at_start(double t_s);
  // Work ended at t_s after starting at start_s, at operating point `opp`.
  void busy(double start_s, double end_s, size_t opp);

  // The state to rest in from t_s (the cluster has no queued work).
  PowerState rest_at(double t_s);
  // The cluster woke at t_s after resting since rest_at's t_s.
  void woke(double t_s);

  // Target residency of `state` against clock-gated idle (s); infinity when it never pays.
  double target_residency_s(PowerState state) const;
  double util() const { return util_; }

 private:
  void decay_to(double t_s);

  const ClusterSpec& cluster_;
  GovernorSpec spec_;
  PowerState fixed_rest_;
  size_t opp_;
  double util_ = 0;
  double util_at_s_ = 0;
  double last_change_s_ = -1e300;
  double rest_from_s_ = -1;
  std::deque<double> gaps_;
};

}  // namespace blsim
