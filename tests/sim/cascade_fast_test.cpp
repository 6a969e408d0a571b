// SPDX-License-Identifier: MIT
// The fast path against the event-driven run: over a grid of thresholds, operating points and
// rest states, on presets with and without shared caches, the composed cascade agrees with the
// SystemC run within 1% in energy per inference and mean latency, input by input in its answers.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "../models/soc_fixtures.h"
#include "sim/cascade_fast.h"
#include "sim/cascade_sim.h"
#include "sim/command_line.h"
#include "sim/soc_config.h"

namespace blsim {
namespace {

double relative(double a, double b) { return std::fabs(a - b) / std::max(std::fabs(b), 1e-300); }

SocSpec preset(const std::string& name) {
  const std::string path = std::string(BLSIM_SOURCE_DIR) + "/configs/soc/" + name + ".ini";
  return soc_spec_from(load_config(blsim_options(), {path}, {}, BLSIM_SOURCE_DIR));
}

// A little MLP-sized first stage and the LeNet-sized second stage.
CascadePlan plan_on(ClusterIndex little, ClusterIndex big) {
  CascadePlan plan;
  NetworkCost small;
  small.layers = {testing::layer("fc1", "Gemm", OpKind::kGemm, 100000, 200000, 400000, 3136, 512),
                  testing::layer("fc2", "Gemm", OpKind::kGemm, 1280, 2560, 5160, 512, 40)};
  plan.stages.push_back(StagePlan{"stage1", "small", little, small});
  plan.stages.push_back(StagePlan{"stage2", "lenet", big, testing::lenet_cost()});
  plan.gate_cycles = 500;
  return plan;
}

// 200 inputs whose first-stage confidences spread over [0, 1).
CascadeScores scores_of(size_t n) {
  CascadeScores s;
  s.stages.resize(2);
  for (size_t i = 0; i < n; ++i) {
    const double c = static_cast<double>((i * 37) % n) / n;
    s.labels.push_back(static_cast<int>(i % 10));
    s.stages[0].prediction.push_back(c > 0.3 ? static_cast<int>(i % 10) : 0);
    s.stages[0].confidence.push_back(c);
    s.stages[1].prediction.push_back(static_cast<int>(i % 10));
    s.stages[1].confidence.push_back(1.0);
  }
  return s;
}

void expect_agreement(const SocSpec& soc, const CascadePlan& plan, const CascadeScores& scores,
                      const std::string& label) {
  std::string why;
  ASSERT_TRUE(fast_path_applies(soc, plan, &why)) << label << ": " << why;
  const CascadeSimResult full = simulate_cascade(soc, plan, scores);
  const CascadeSimResult fast = estimate_cascade(soc, plan, scores);
  ASSERT_EQ(full.inferences.size(), fast.inferences.size());
  for (size_t i = 0; i < full.inferences.size(); ++i) {
    EXPECT_EQ(full.inferences[i].exit_stage, fast.inferences[i].exit_stage) << label << " " << i;
  }
  EXPECT_LT(relative(fast.energy_per_inference_j(), full.energy_per_inference_j()), 0.01)
      << label << ": fast " << fast.energy_per_inference_j() << " J, full "
      << full.energy_per_inference_j() << " J";
  EXPECT_LT(relative(fast.latency_mean_s(), full.latency_mean_s()), 0.01)
      << label << ": fast " << fast.latency_mean_s() << " s, full " << full.latency_mean_s() << " s";
  EXPECT_LT(relative(fast.time_s, full.time_s), 0.01) << label;
}

// The grid: every pair of rest states (one test process each: a process keeps every simulation
// context it made), each at two operating points of the big cluster and three thresholds.
class CascadeFastPathGrid
    : public ::testing::TestWithParam<std::pair<PowerState, PowerState>> {};

TEST_P(CascadeFastPathGrid, AgreesWithTheEventDrivenRun) {
  const auto [first, escalation] = GetParam();
  const CascadeScores scores = scores_of(200);
  const SocSpec base = preset("exynos5422");
  size_t points = 0;
  for (const double big_mhz : {2000.0, 1400.0}) {
    SocSpec soc = base;
    ClusterSpec& big = soc.clusters[soc.find_cluster("big")];
    for (size_t i = 0; i < big.opps.size(); ++i) {
      if (big.opps[i].freq_mhz == big_mhz) big.initial_opp = i;
    }
    for (const double threshold : {0.2, 0.5, 0.9}) {
      CascadePlan plan = plan_on(soc.find_cluster("little"), soc.find_cluster("big"));
      plan.first_rest = first;
      plan.escalation_rest = escalation;
      plan.thresholds = {threshold};
      expect_agreement(soc, plan, scores,
                       std::to_string(big_mhz) + " MHz, " + power_state_name(first) + "/" +
                           power_state_name(escalation) + ", threshold " +
                           std::to_string(threshold));
      ++points;
    }
  }
  EXPECT_EQ(points, 6u);
}

INSTANTIATE_TEST_SUITE_P(
    RestStates, CascadeFastPathGrid,
    ::testing::Values(std::pair{PowerState::kIdle, PowerState::kIdle},
                      std::pair{PowerState::kIdle, PowerState::kParked},
                      std::pair{PowerState::kIdle, PowerState::kOff},
                      std::pair{PowerState::kActive, PowerState::kIdle},
                      std::pair{PowerState::kActive, PowerState::kParked},
                      std::pair{PowerState::kActive, PowerState::kOff}),
    [](const auto& info) {
      return std::string(power_state_name(info.param.first)) + "_" +
             power_state_name(info.param.second);
    });

TEST(CascadeFastPath, AgreesThroughSharedCachesOnThreeClusters) {
  const SocSpec soc = preset("gs101");
  CascadePlan plan = plan_on(soc.find_cluster("little"), soc.find_cluster("big"));
  plan.stages.push_back(StagePlan{"stage3", "lenet", soc.find_cluster("prime"),
                                  testing::lenet_cost()});
  plan.escalation_rest = PowerState::kParked;
  CascadeScores scores = scores_of(200);
  scores.stages.push_back(scores.stages[1]);
  for (size_t i = 0; i < scores.samples(); ++i) scores.stages[1].confidence[i] = (i % 3) / 3.0;
  for (const double threshold : {0.3, 0.6}) {
    plan.thresholds = {threshold, 0.5};
    expect_agreement(soc, plan, scores, "gs101, threshold " + std::to_string(threshold));
  }
}

TEST(CascadeFastPath, SaysWhenItDoesNotApply) {
  SocSpec soc = preset("gs101");
  CascadePlan plan = plan_on(soc.find_cluster("little"), soc.find_cluster("big"));
  std::string why;
  plan.escalation_rest = PowerState::kOff;
  EXPECT_FALSE(fast_path_applies(soc, plan, &why));
  EXPECT_NE(why.find("powers off"), std::string::npos);
  plan.escalation_rest = PowerState::kParked;
  soc.caches[0].bytes = 2 << 20;  // LeNet's 1.7 MB of weights no longer fit with the rest
  EXPECT_FALSE(fast_path_applies(soc, plan, &why));
  EXPECT_NE(why.find("shared cache l3"), std::string::npos);
  EXPECT_TRUE(fast_path_applies(preset("exynos5422"), plan, &why));
}

}  // namespace
}  // namespace blsim
