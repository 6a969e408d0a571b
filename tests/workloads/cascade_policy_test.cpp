// SPDX-License-Identifier: MIT
// Cascade policy: exit stages, design-time threshold choice and the runtime controller, on
// hand-made scores whose right answers can be worked out by hand.
#include <gtest/gtest.h>

#include <cstdint>

#include "workloads/cascade/cascade_scores.h"
#include "workloads/cascade/threshold_controller.h"
#include "workloads/cascade/threshold_search.h"
#include "common/user_error.h"

namespace blsim {
namespace {

// Six samples, label 0 everywhere. Little is right on samples 0-3, big on all but sample 5.
CascadeScores two_stage() {
  CascadeScores s;
  s.labels = {0, 0, 0, 0, 0, 0};
  s.stages.resize(2);
  s.stages[0].prediction = {0, 0, 0, 0, 1, 1};
  s.stages[0].confidence = {0.9, 0.8, 0.7, 0.3, 0.2, 0.6};
  s.stages[1].prediction = {0, 0, 0, 0, 0, 1};
  s.stages[1].confidence = {1, 1, 1, 1, 1, 1};
  return s;
}

TEST(CascadePolicy, ExitStageFollowsThreshold) {
  const CascadeScores s = two_stage();
  EXPECT_EQ(exit_stage(s, 0, {0.5}), 0u);
  EXPECT_EQ(exit_stage(s, 3, {0.5}), 1u);
  EXPECT_EQ(exit_stage(s, 3, {0.3}), 0u);  // confidence equal to the threshold exits
  const PolicyResult r = evaluate_policy(s, {0.5});
  // Samples 3 and 4 escalate: answers 0,0,0,0(big),0(big),1(little) -> 5 of 6 right.
  EXPECT_DOUBLE_EQ(r.accuracy, 5.0 / 6);
  EXPECT_DOUBLE_EQ(r.escalation_rate, 2.0 / 6);
  EXPECT_DOUBLE_EQ(r.reach_fraction[0], 1.0);
  EXPECT_DOUBLE_EQ(r.reach_fraction[1], 2.0 / 6);
}

TEST(CascadePolicy, ChoosesCheapestThresholdWithinBudget) {
  const CascadeScores s = two_stage();
  // Big alone: 5/6. Little alone: 4/6, wrong on 4 (conf 0.2) and 5 (conf 0.6, big wrong too).
  // Zero loss needs sample 4 escalated and nothing more: threshold between 0.2 and 0.3 -> 0.25.
  const ThresholdChoice c = choose_thresholds(s, {1.0, 10.0}, 0.0);
  ASSERT_TRUE(c.within_budget);
  EXPECT_DOUBLE_EQ(c.thresholds[0], 0.25);
  EXPECT_DOUBLE_EQ(c.accuracy_loss, 0.0);
  EXPECT_DOUBLE_EQ(c.energy_per_inference_j, 1.0 + 10.0 / 6);
  // A budget of one sample (1/6) lets the little network answer everything.
  const ThresholdChoice loose = choose_thresholds(s, {1.0, 10.0}, 1.0 / 6);
  EXPECT_DOUBLE_EQ(loose.thresholds[0], 0.0);
  EXPECT_DOUBLE_EQ(loose.result.escalation_rate, 0.0);
  EXPECT_DOUBLE_EQ(loose.energy_per_inference_j, 1.0);
  // An impossible budget (big alone is wrong on sample 5) still escalates everything.
  CascadeScores worse = s;
  worse.stages[1].prediction[0] = 1;  // big now wrong where little is right: loss can be < 0
  const ThresholdChoice neg = choose_thresholds(worse, {1.0, 10.0}, -0.5);
  EXPECT_FALSE(neg.within_budget);
  EXPECT_DOUBLE_EQ(neg.result.escalation_rate, 1.0);
}

TEST(CascadePolicy, ConfidenceBoundMakesTheChoiceMoreCautious) {
  // 400 samples: little wrong on the 8 least confident (big right there), 392 easy ones right.
  CascadeScores s;
  s.stages.resize(2);
  for (int i = 0; i < 400; ++i) {
    s.labels.push_back(0);
    s.stages[0].prediction.push_back(i < 8 ? 1 : 0);
    s.stages[0].confidence.push_back(i / 400.0);
    s.stages[1].prediction.push_back(0);
    s.stages[1].confidence.push_back(1.0);
  }
  // Plain estimate, budget 1%: 4 of the 8 may stay wrong, so escalate the 4 least confident.
  const ThresholdChoice plain = choose_thresholds(s, {1.0, 10.0}, 0.01, 0.0);
  EXPECT_DOUBLE_EQ(plain.result.escalation_rate, 4.0 / 400);
  EXPECT_DOUBLE_EQ(plain.accuracy_loss, 0.01);
  // With z = 1.2816 (90%): k wrong leaves mean k/400 and bound k/400 + z*sqrt(p(1-p)/400), which
  // fits 1% for k <= 2 (2/400 + 1.2816*0.00353 = 0.0095) but not k = 3 (0.0075 + 0.0055).
  const ThresholdChoice careful = choose_thresholds(s, {1.0, 10.0}, 0.01, normal_quantile(0.9));
  EXPECT_DOUBLE_EQ(careful.result.escalation_rate, 6.0 / 400);
  EXPECT_DOUBLE_EQ(careful.accuracy_loss, 2.0 / 400);
  EXPECT_LE(careful.accuracy_loss_bound, 0.01);
}

TEST(CascadePolicy, NormalQuantileMatchesTables) {
  EXPECT_NEAR(normal_quantile(0.5), 0.0, 1e-12);
  EXPECT_NEAR(normal_quantile(0.9), 1.2815515655446004, 1e-9);
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-9);
}

TEST(CascadePolicy, ThreeStagesUseTheCheapestPath) {
  CascadeScores s = two_stage();
  // A middle stage that is right everywhere except sample 5 and cheap: nothing needs stage 3.
  StageScores mid;
  mid.prediction = {0, 0, 0, 0, 0, 1};
  mid.confidence = {1, 1, 1, 1, 1, 1};
  s.stages.insert(s.stages.begin() + 1, mid);
  const ThresholdChoice c = choose_thresholds(s, {1.0, 2.0, 10.0}, 0.0);
  ASSERT_TRUE(c.within_budget);
  EXPECT_DOUBLE_EQ(c.result.reach_fraction[2], 0.0);
  EXPECT_DOUBLE_EQ(c.result.reach_fraction[1], 1.0 / 6);
  EXPECT_DOUBLE_EQ(c.energy_per_inference_j, 1.0 + 2.0 / 6);
}

TEST(ThresholdController, ParsesTargetsAndRejectsNonsense) {
  EXPECT_EQ(parse_controller("none", "x").kind, ControllerSpec::Kind::kNone);
  const ControllerSpec r = parse_controller("rate:0.15", "x");
  EXPECT_EQ(r.kind, ControllerSpec::Kind::kRate);
  EXPECT_DOUBLE_EQ(r.target, 0.15);
  EXPECT_EQ(parse_controller("energy:2.5e-4", "x").kind, ControllerSpec::Kind::kEnergy);
  EXPECT_THROW(parse_controller("rate:1.5", "x"), UserError);
  EXPECT_THROW(parse_controller("rate:", "x"), UserError);
  EXPECT_THROW(parse_controller("speed:3", "x"), UserError);
  EXPECT_THROW(parse_controller("energy:-1", "x"), UserError);
}

// Deterministic uniform numbers in [0, 1).
struct Lcg {
  uint64_t state = 12345;
  double next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  }
};

TEST(ThresholdController, TracksRateWhenInputsTurnFromEasyToHard) {
  ControllerSpec spec{ControllerSpec::Kind::kRate, 0.15, 100, 0.01};
  ThresholdController ctrl(spec, 0.5, 1.0);
  Lcg rng;
  for (int phase = 0; phase < 2; ++phase) {
    int escalated_tail = 0;
    for (int i = 0; i < 3000; ++i) {
      // Easy inputs: confidence in [0.5, 1); hard inputs: in [0, 0.6).
      const double conf = phase == 0 ? 0.5 + 0.5 * rng.next() : 0.6 * rng.next();
      const bool escalated = conf < ctrl.threshold();
      ctrl.observe(escalated, 0.0);
      if (i >= 2000) escalated_tail += escalated ? 1 : 0;
    }
    EXPECT_NEAR(escalated_tail / 1000.0, 0.15, 0.03) << "phase " << phase;
  }
  // Right thresholds for 15%: 0.575 when easy, 0.09 when hard; it ends near the latter.
  EXPECT_NEAR(ctrl.threshold(), 0.09, 0.04);
}

TEST(ThresholdController, TracksEnergyTarget) {
  // Each escalation costs 10 J on top of 1 J: a 3 J target means a 20% escalation rate.
  ControllerSpec spec{ControllerSpec::Kind::kEnergy, 3.0, 100, 0.01};
  ThresholdController ctrl(spec, 0.0, 10.0);
  Lcg rng;
  double energy_tail = 0;
  for (int i = 0; i < 4000; ++i) {
    const bool escalated = rng.next() < ctrl.threshold();
    const double e = 1.0 + (escalated ? 10.0 : 0.0);
    ctrl.observe(escalated, e);
    if (i >= 3000) energy_tail += e;
  }
  EXPECT_NEAR(energy_tail / 1000.0, 3.0, 0.3);
}

}  // namespace
}  // namespace blsim
