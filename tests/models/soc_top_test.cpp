// SPDX-License-Identifier: MIT
// The assembled SoC in a fresh kernel per test: ledger rows add up to the energy the models
// counted, no layer beats its compute or bandwidth roof, power states and wake-ups are booked,
// and the fast-path estimate agrees with the event-driven run. Shared memory (contention, shared
// caches): soc_top_memory_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "models/layer_plan.h"
#include "models/network_estimate.h"
#include "models/sim_time.h"
#include "models/power_states.h"
#include "models/soc_top.h"
#include "tests/models/soc_fixtures.h"
#include "tests/models/soc_top_test_util.h"

namespace blsim {
namespace {

using testing::relative;
using testing::simulate;

TEST(SocTop, LedgerRowsAddUpToTheTotal) {
  const NetworkCost net = testing::lenet_cost();
  EnergyBreakdown total, rows;
  simulate(testing::round_soc(), [&](SocTop& soc) {
    soc.cluster(testing::kBig).enter(PowerState::kOff);
    for (int i = 0; i < 3; ++i) {
      soc.cluster(testing::kLittle).run_network(net, "lenet", "little");
      soc.cluster(testing::kLittle).run_cycles(500, "little", "lenet", "gate");
      if (i == 1) soc.cluster(testing::kBig).run_network(net, "lenet", "big");
      sc_core::wait(sc_core::sc_time(20, sc_core::SC_US));  // a gap: idle rows
    }
    soc.finish();
    total = soc.energy_so_far();
    rows = soc.ledger().total();
  });
  EXPECT_GT(total.total_j(), 0);
  EXPECT_LT(relative(rows.total_j(), total.total_j()), 1e-9);
  EXPECT_LT(relative(rows.core_static_j, total.core_static_j), 1e-9);
  EXPECT_LT(relative(rows.dram_static_j, total.dram_static_j), 1e-9);
  EXPECT_LT(relative(rows.dram_dyn_j, total.dram_dyn_j), 1e-9);
  EXPECT_LT(relative(rows.noc_j, total.noc_j), 1e-9);
}

TEST(SocTop, NoLayerBeatsItsComputeOrBandwidthRoof) {
  const NetworkCost net = testing::lenet_cost();
  const SocSpec spec = testing::round_soc();
  std::vector<LedgerRow> rows;
  simulate(spec, [&](SocTop& soc) {
    soc.cluster(testing::kLittle).run_network(net, "lenet", "little");
    soc.cluster(testing::kBig).run_network(net, "lenet", "big");
    rows = soc.ledger().rows();
  });
  const double bandwidth = std::min(spec.dram.peak_bandwidth_bytes_per_s(),
                                    spec.noc.bandwidth_bytes_per_s);
  size_t checked = 0;
  for (const auto& row : rows) {
    if (row.op == "idle" || row.op == "wake") continue;
    const ClusterSpec& c = spec.cluster(spec.find_cluster(row.cluster));
    for (const auto& l : net.layers) {
      if (l.name != row.layer) continue;
      EXPECT_GE(row.time_s * (1 + 1e-9), layer_compute_time_s(l, c, c.initial_point())) << row.layer;
      const double bytes = static_cast<double>(row.dram_read_bytes + row.dram_write_bytes);
      EXPECT_GE(row.time_s * (1 + 1e-9), bytes / bandwidth) << row.layer;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 2 * net.layers.size());
}

TEST(SocTop, OffClusterPaysWakeUpAndReloadsWeights) {
  const NetworkCost net = testing::lenet_cost();
  SocSpec spec = testing::round_soc();
  spec.clusters[testing::kBig].l2_bytes = 2 << 20;  // LeNet's 1.7 MB of weights fit
  std::vector<LedgerRow> rows;
  double first_s = 0, second_s = 0;
  simulate(spec, [&](SocTop& soc) {
    ComputeCluster& big = soc.cluster(testing::kBig);
    big.enter(PowerState::kOff);
    first_s = to_seconds(big.run_network(net, "lenet", "big"));
    EXPECT_EQ(big.state(), PowerState::kOff);
    EXPECT_FALSE(big.holds_weights_of("lenet"));  // power-gated L2 lost them
    big.enter(PowerState::kIdle);
    big.run_network(net, "lenet", "big");  // idle wake, weights loaded again
    EXPECT_TRUE(big.holds_weights_of("lenet"));
    second_s = to_seconds(big.run_network(net, "lenet", "big"));
    rows = soc.ledger().rows();
  });
  size_t off_wakes = 0, idle_wakes = 0;
  for (const auto& r : rows) {
    if (r.layer == "wake_from_off") off_wakes += r.calls;
    if (r.layer == "wake_from_idle") idle_wakes += r.calls;
  }
  EXPECT_EQ(off_wakes, 1u);
  EXPECT_EQ(idle_wakes, 2u);
  EXPECT_GT(first_s, second_s + spec.clusters[testing::kBig].wake_off_s * 0.99);
}

TEST(SocTop, ParkedClusterLeaksAtTheLowestVoltageAndPaysADvfsTransitionToWake) {
  const NetworkCost net = testing::lenet_cost();
  SocSpec spec = testing::round_soc();
  spec.clusters[testing::kBig].l2_bytes = 2 << 20;  // the weights stay in L2 while parked
  const ClusterSpec& big_spec = spec.clusters[testing::kBig];
  // The rest powers order as the states promise: parked leaks at 0.8 V instead of 1.0 V.
  EXPECT_DOUBLE_EQ(rest_power_w(big_spec, big_spec.initial_point(), PowerState::kParked),
                   cluster_leakage_w(big_spec.power, big_spec.cores, 0.8));
  EXPECT_LT(rest_power_w(big_spec, big_spec.initial_point(), PowerState::kParked), rest_power_w(big_spec, big_spec.initial_point(), PowerState::kIdle));
  EXPECT_EQ(rest_power_w(big_spec, big_spec.initial_point(), PowerState::kOff), 0.0);
  // Waking: the 0.2 V ramp at 10 mV/us, the clock change, then the idle exit.
  const WakeCost wake = wake_cost(big_spec, big_spec.initial_point(), PowerState::kParked);
  EXPECT_NEAR(wake.latency_s, 20e-6 + 50e-6 + 1e-6, 1e-12);
  EXPECT_DOUBLE_EQ(wake.switching_j, big_spec.wake_idle_j);
  EXPECT_EQ(wake_cost(big_spec, big_spec.initial_point(), PowerState::kActive).latency_s, 0.0);

  std::vector<LedgerRow> rows;
  double warm_s = 0, parked_s = 0;
  simulate(spec, [&](SocTop& soc) {
    ComputeCluster& big = soc.cluster(testing::kBig);
    big.enter(PowerState::kIdle);
    big.run_network(net, "lenet", "big");  // loads the weights
    warm_s = to_seconds(big.run_network(net, "lenet", "big"));
    big.enter(PowerState::kParked);
    sc_core::wait(sc_core::sc_time(1, sc_core::SC_MS));
    parked_s = to_seconds(big.run_network(net, "lenet", "big"));
    EXPECT_TRUE(big.holds_weights_of("lenet"));  // parking keeps L2
    big.close_rest(to_seconds(sc_core::sc_time_stamp()));
    rows = soc.ledger().rows();
  });
  // The parked run is the warm run plus the wake-up beyond an idle exit (and the DRAM's exit from
  // power-down after the long rest: tens of nanoseconds).
  EXPECT_NEAR(parked_s - warm_s, wake.latency_s - big_spec.wake_idle_s, 0.1e-6);
  double parked_rest_j = 0, parked_rest_s = 0;
  size_t parked_wakes = 0;
  for (const auto& r : rows) {
    if (r.cluster != "big") continue;
    if (r.stage == "idle" && r.layer == "parked") {
      parked_rest_j += r.energy.total_j();
      parked_rest_s += r.time_s;
    }
    if (r.layer == "wake_from_parked") {
      parked_wakes += r.calls;
      // The rail leaks what its ramping voltage leaks, then the active voltage's leakage.
      EXPECT_NEAR(r.energy.core_static_j, wake.leakage_j, 1e-15);
      EXPECT_LT(r.energy.core_static_j,
                cluster_leakage_w(big_spec.power, big_spec.cores, big_spec.initial_point().volt_v) *
                    wake.latency_s);
    }
  }
  EXPECT_EQ(parked_wakes, 1u);
  EXPECT_NEAR(parked_rest_s, 1e-3, 1e-9);
  EXPECT_NEAR(parked_rest_j, rest_power_w(big_spec, big_spec.initial_point(), PowerState::kParked) * 1e-3, 1e-12);
}

TEST(SocTop, EnergySoFarDifferencesAreWhatHappenedInBetween) {
  const NetworkCost net = testing::lenet_cost();
  const SocSpec spec = testing::round_soc();
  double idle_j = 0;
  simulate(spec, [&](SocTop& soc) {
    soc.cluster(testing::kBig).enter(PowerState::kOff);
    soc.cluster(testing::kLittle).enter(PowerState::kIdle);
    soc.cluster(testing::kLittle).run_network(net, "lenet", "little");
    sc_core::wait(sc_core::sc_time(1, sc_core::SC_MS));  // let the DRAM power down
    const EnergyBreakdown e0 = soc.energy_so_far();
    sc_core::wait(sc_core::sc_time(1, sc_core::SC_MS));
    idle_j = (soc.energy_so_far().total_j() - e0.total_j());
  });
  // One idle millisecond: the little cluster leaks, big is off; each tREFI the DRAM wakes from
  // power-down to refresh (tRFC at IDD3N), stays in standby for the power-down timeout (IDD2N)
  // and powers down again (IDD2P).
  const double leak_w = cluster_leakage_w(spec.clusters[testing::kLittle].power, spec.clusters[testing::kLittle].cores, 1.0);
  const auto& p = spec.dram.power;
  auto rails_w = [&](double DramRailCurrents::*idd) {
    return p.rail[0].vdd_v * (p.rail[0].*idd) + p.rail[1].vdd_v * (p.rail[1].*idd);
  };
  const double refi = spec.dram.trefi_s, rfc = p.trfc_s, pd = spec.dram.powerdown_idle_s;
  const double dram_w = (rails_w(&DramRailCurrents::idd3n_a) * rfc +
                         rails_w(&DramRailCurrents::idd2n_a) * pd +
                         rails_w(&DramRailCurrents::idd2p_a) * (refi - rfc - pd) +
                         dram_refresh_energy_j(p)) / refi;
  EXPECT_NEAR(idle_j, (leak_w + dram_w) * 1e-3, 0.01 * idle_j);
}

TEST(SocTop, FastPathAgreesWithTheEventDrivenRun) {
  const NetworkCost net = testing::lenet_cost();
  const SocSpec spec = testing::round_soc();
  for (ClusterIndex id : {testing::kBig, testing::kLittle}) {
    const NetworkEstimate est = estimate_network(spec, id, net, "lenet");
    const int n = 20;
    double time_s = 0;
    EnergyBreakdown layers;
    simulate(spec, [&](SocTop& soc) {
      soc.cluster(id).enter(PowerState::kActive);
      const sc_core::sc_time t0 = sc_core::sc_time_stamp();
      for (int i = 0; i < n; ++i) soc.cluster(id).run_network(net, "lenet", "s");
      time_s = to_seconds(sc_core::sc_time_stamp() - t0);
      for (const auto& r : soc.ledger().rows()) {
        if (r.stage == "s") layers += r.energy;
      }
    });
    const double est_time_s = est.cold.time_s + (n - 1) * est.warm.time_s;
    const double est_energy_j = est.cold.energy.total_j() + (n - 1) * est.warm.energy.total_j();
    EXPECT_LT(relative(est_time_s, time_s), 0.01) << spec.cluster(id).name;
    EXPECT_LT(relative(est_energy_j, layers.total_j()), 0.01) << spec.cluster(id).name;
  }
}

TEST(SocTop, DvfsLowerOperatingPointIsSlower) {
  const NetworkCost net = testing::lenet_cost();
  double fast_s = 0, slow_s = 0;
  simulate(testing::round_soc(), [&](SocTop& soc) {
    ComputeCluster& big = soc.cluster(testing::kBig);
    big.enter(PowerState::kActive);
    big.run_network(net, "lenet", "warm-up");
    fast_s = to_seconds(big.run_network(net, "lenet", "fast"));
    big.set_opp(0);
    slow_s = to_seconds(big.run_network(net, "lenet", "slow"));
  });
  EXPECT_GT(slow_s, 1.5 * fast_s);
}

}  // namespace
}  // namespace blsim
