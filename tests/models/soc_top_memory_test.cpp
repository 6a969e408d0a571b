// SPDX-License-Identifier: MIT
// The assembled SoC's shared memory in a fresh kernel per test: clusters contend for the
// interconnect and DRAM, and shared cache levels serve, price and leak as the fast path expects.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "models/network_estimate.h"
#include "models/power_states.h"
#include "models/sim_time.h"
#include "models/soc_top.h"
#include "tests/models/soc_fixtures.h"
#include "tests/models/soc_top_test_util.h"

namespace blsim {
namespace {

using testing::relative;
using testing::simulate;
using testing::ThreadRunner;

TEST(SocTop, ClustersContendForMemory) {
  const NetworkCost net = testing::lenet_cost();
  SocSpec spec = testing::round_soc();
  spec.clusters[testing::kBig].l2_bytes = spec.clusters[testing::kLittle].l2_bytes = 256 << 10;  // weights stream from DRAM every time
  spec.clusters[testing::kBig].macs_per_cycle = spec.clusters[testing::kLittle].macs_per_cycle = 64;  // fast cores: memory-bound
  auto little_time = [&](bool with_big) {
    double time_s = 0;
    fresh_simulation_kernel();
    SocTop soc("soc", spec);
    ThreadRunner little("little", [&] {
      for (int i = 0; i < 4; ++i) {
        time_s += to_seconds(soc.cluster(testing::kLittle).run_network(net, "a", "s"));
      }
    });
    ThreadRunner big("big", [&] {
      if (!with_big) return;
      for (int i = 0; i < 4; ++i) soc.cluster(testing::kBig).run_network(net, "b", "s");
    });
    sc_core::sc_start();
    return time_s;
  };
  const double alone_s = little_time(false);
  const double shared_s = little_time(true);
  EXPECT_GT(shared_s, 1.2 * alone_s);
  EXPECT_LT(shared_s, 2.5 * alone_s);
}

// DRAM and shared-cache bytes of the n-th inference of `net` on the little cluster, whose L2
// (256 KB) cannot hold LeNet's 1.69 MB of weights.
struct InferenceTraffic {
  uint64_t dram_read_bytes = 0;
  uint64_t cache_bytes = 0;
};
std::vector<InferenceTraffic> little_inferences(const SocSpec& spec, int n) {
  const NetworkCost net = testing::lenet_cost();
  std::vector<InferenceTraffic> out;
  simulate(spec, [&](SocTop& soc) {
    for (int i = 0; i < n; ++i) {
      const std::string stage = "inference" + std::to_string(i);
      soc.cluster(testing::kLittle).run_network(net, "lenet", stage);
      InferenceTraffic t;
      for (const auto& r : soc.ledger().rows()) {
        if (r.stage != stage) continue;
        t.dram_read_bytes += r.dram_read_bytes;
        t.cache_bytes += r.cache_bytes;
      }
      out.push_back(t);
    }
  });
  return out;
}

TEST(SocTop, ASharedCacheServesTheWeightsWhenTheyFitAndNotWhenTheyDoNot) {
  SocSpec spec = testing::round_soc();
  spec.clusters[testing::kLittle].l2_bytes = 256 << 10;
  const uint64_t weights = testing::lenet_cost().total_param_bytes();

  const auto without = little_inferences(spec, 3);
  EXPECT_GE(without[2].dram_read_bytes, weights);
  EXPECT_EQ(without[2].cache_bytes, 0u);

  SocSpec fits = spec;
  fits.caches = {testing::round_cache("l3", 4 << 20, {testing::kBig, testing::kLittle})};
  const auto with = little_inferences(fits, 3);
  EXPECT_GE(with[0].dram_read_bytes, weights);        // cold: every block comes from DRAM
  EXPECT_LT(with[2].dram_read_bytes, weights / 100);  // warm: the level holds them
  EXPECT_GE(with[2].cache_bytes, weights);

  SocSpec small = spec;
  small.caches = {testing::round_cache("l3", 1 << 20, {testing::kBig, testing::kLittle})};
  const auto thrash = little_inferences(small, 3);
  EXPECT_GE(thrash[2].dram_read_bytes, weights);      // LRU over a larger loop never hits

  SocSpec not_shared = fits;
  not_shared.caches[0].shared_by = {testing::kBig};
  const auto bypass = little_inferences(not_shared, 3);
  EXPECT_GE(bypass[2].dram_read_bytes, weights);
  EXPECT_EQ(bypass[2].cache_bytes, 0u);
}

TEST(SocTop, SharedCacheEnergyAndLeakageAreInTheLedger) {
  SocSpec spec = testing::round_soc();
  spec.clusters[testing::kLittle].l2_bytes = 256 << 10;
  spec.caches = {testing::round_cache("l3", 4 << 20, {testing::kLittle}),
                 testing::round_cache("slc", 8 << 20, {testing::kBig, testing::kLittle})};
  const NetworkCost net = testing::lenet_cost();
  EnergyBreakdown total, rows;
  double time_s = 0, leak_rows_j = 0;
  simulate(spec, [&](SocTop& soc) {
    soc.cluster(testing::kBig).enter(PowerState::kOff);
    for (int i = 0; i < 3; ++i) {
      soc.cluster(testing::kLittle).run_network(net, "lenet", "little");
      sc_core::wait(sc_core::sc_time(50, sc_core::SC_US));
    }
    soc.finish();
    time_s = to_seconds(sc_core::sc_time_stamp());
    total = soc.energy_so_far();
    rows = soc.ledger().total();
    for (const auto& r : soc.ledger().rows()) {
      if (r.layer == "leakage") leak_rows_j += r.energy.sram_j;
    }
    EXPECT_GT(soc.cache(0).timing().hit_bytes(), 0u);
  });
  EXPECT_LT(relative(rows.total_j(), total.total_j()), 1e-9);
  EXPECT_LT(relative(rows.sram_j, total.sram_j), 1e-9);
  // The gaps' leakage is booked to the levels' idle rows; the rest inside the layer rows.
  EXPECT_GT(leak_rows_j, 0.04 * 3 * 50e-6 * 0.99);
  EXPECT_LT(leak_rows_j, 0.04 * time_s);
}

TEST(SocTop, FastPathAgreesWithTheEventDrivenRunThroughSharedCaches) {
  const NetworkCost net = testing::lenet_cost();
  SocSpec spec = testing::round_soc();
  spec.clusters[testing::kLittle].l2_bytes = 256 << 10;
  spec.caches = {testing::round_cache("l3", 4 << 20, {testing::kBig, testing::kLittle})};
  const NetworkEstimate est = estimate_network(spec, testing::kLittle, net, "lenet");
  const int n = 20;
  double time_s = 0;
  EnergyBreakdown layers;
  simulate(spec, [&](SocTop& soc) {
    soc.cluster(testing::kLittle).enter(PowerState::kActive);
    const sc_core::sc_time t0 = sc_core::sc_time_stamp();
    for (int i = 0; i < n; ++i) soc.cluster(testing::kLittle).run_network(net, "lenet", "s");
    time_s = to_seconds(sc_core::sc_time_stamp() - t0);
    for (const auto& r : soc.ledger().rows()) {
      if (r.stage == "s") layers += r.energy;
    }
  });
  const double est_time_s = est.cold.time_s + (n - 1) * est.warm.time_s;
  const double est_energy_j = est.cold.energy.total_j() + (n - 1) * est.warm.energy.total_j();
  EXPECT_LT(relative(est_time_s, time_s), 0.01);
  EXPECT_LT(relative(est_energy_j, layers.total_j()), 0.01);
}

TEST(SocTop, ThreeClustersEachWithItsOwnPortAllContendForDram) {
  const NetworkCost net = testing::lenet_cost();
  SocSpec spec = testing::round_soc();
  spec.clusters.push_back(testing::round_cluster("prime", 1, 2000, 8));
  for (auto& c : spec.clusters) {
    c.l2_bytes = 256 << 10;   // weights stream from DRAM every time
    c.macs_per_cycle = 64;    // fast cores: memory-bound
  }
  auto times = [&](std::vector<ClusterIndex> running) {
    std::vector<double> t(3, 0.0);
    fresh_simulation_kernel();
    SocTop soc("soc", spec);
    std::vector<std::unique_ptr<ThreadRunner>> threads;
    for (ClusterIndex c : running) {
      threads.push_back(std::make_unique<ThreadRunner>(("runner" + std::to_string(c)).c_str(), [&, c] {
        for (int i = 0; i < 3; ++i) {
          t[c] += to_seconds(soc.cluster(c).run_network(net, "n" + std::to_string(c), "s"));
        }
      }));
    }
    sc_core::sc_start();
    EXPECT_EQ(soc.interconnect().bytes_from(2) > 0, running.size() == 3 || running[0] == 2);
    return t;
  };
  const double alone_big = times({testing::kBig})[testing::kBig];
  const double alone_little = times({testing::kLittle})[testing::kLittle];
  const double alone_prime = times({2})[2];
  const std::vector<double> shared = times({testing::kBig, testing::kLittle, 2});
  EXPECT_GT(shared[testing::kBig], 1.2 * alone_big);
  EXPECT_GT(shared[testing::kLittle], 1.2 * alone_little);
  EXPECT_GT(shared[2], 1.2 * alone_prime);
}

}  // namespace
}  // namespace blsim
