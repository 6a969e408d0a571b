// SPDX-License-Identifier: MIT
// choose_thresholds on two-stage cascades (one gate, which it walks counting as it goes) against
// the rule it documents, evaluated afresh at every candidate with evaluate_policy and exit_stage:
// walk down from "everybody escalates", stop at the first candidate whose loss bound breaks the
// budget, keep the cheapest (the higher threshold on a tie).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "workloads/cascade/threshold_search.h"

namespace blsim {
namespace {

ThresholdChoice reference_choice(const CascadeScores& val, const std::vector<double>& energy_j,
                                 double budget, double z, size_t unseen) {
  std::vector<double> c = val.stages[0].confidence;
  std::sort(c.begin(), c.end());
  c.erase(std::unique(c.begin(), c.end()), c.end());
  std::vector<double> grid{0.0};  // 0, the midpoints, just above the largest
  for (size_t i = 1; i < c.size(); ++i) grid.push_back(0.5 * (c[i - 1] + c[i]));
  grid.push_back(std::nextafter(c.back(), 2.0));
  grid.erase(std::unique(grid.begin(), grid.end()), grid.end());

  const double n = static_cast<double>(val.samples());
  ThresholdChoice best;
  for (size_t k = grid.size(); k-- > 0;) {
    const std::vector<double> t{grid[k]};
    double sum = 0, squares = 0;  // of the per-sample paired loss, -1, 0 or +1
    for (size_t i = 0; i < val.samples(); ++i) {
      const bool big = val.stages[1].prediction[i] == val.labels[i];
      const bool cascade = val.stages[exit_stage(val, i, t)].prediction[i] == val.labels[i];
      const int l = (big ? 1 : 0) - (cascade ? 1 : 0);
      sum += l;
      squares += l * l;
    }
    const double mean = sum / n;
    const double var = std::max(0.0, squares / n - mean * mean);
    const double spread = 1.0 / n + (unseen == 0 ? 0.0 : 1.0 / static_cast<double>(unseen));
    const double bound = mean + z * std::sqrt(var * spread);
    const PolicyResult r = evaluate_policy(val, t);
    const double energy = expected_energy_j(r, energy_j);
    if (k + 1 == grid.size()) best = ThresholdChoice{t, r, mean, bound, energy, false};
    if (bound > budget + 1e-12) break;
    if (!best.within_budget || energy < best.energy_per_inference_j) {
      best = ThresholdChoice{t, r, mean, bound, energy, true};
    }
  }
  return best;
}

TEST(ThresholdWalk, OneGateMatchesTheRuleEvaluatedAtEveryCandidate) {
  std::mt19937_64 rng(11);
  int within = 0, over = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const size_t n = 1 + rng() % 400;
    // Few distinct confidences in some trials (ties), continuous ones in others.
    const int levels = trial % 3 == 0 ? 1 + static_cast<int>(rng() % 8) : 0;
    const double little_skill = 0.5 + 0.5 * std::uniform_real_distribution<double>()(rng);
    CascadeScores s;
    s.stages.resize(2);
    for (size_t i = 0; i < n; ++i) {
      const int label = static_cast<int>(rng() % 10);
      double conf = std::uniform_real_distribution<double>()(rng);
      if (levels > 0) conf = static_cast<double>(rng() % levels) / levels;
      // The little network is right more often when it is confident; the big one mostly.
      const double draw = std::uniform_real_distribution<double>()(rng);
      const bool little_right = draw < little_skill * (0.5 + conf / 2);
      const bool big_right = std::uniform_real_distribution<double>()(rng) < 0.9;
      s.labels.push_back(label);
      s.stages[0].confidence.push_back(conf);
      s.stages[0].prediction.push_back(little_right ? label : (label + 1) % 10);
      s.stages[1].confidence.push_back(1.0);
      s.stages[1].prediction.push_back(big_right ? label : (label + 2) % 10);
    }
    const std::vector<double> energy{1.0 + rng() % 5, 10.0 + rng() % 50};
    const double budget = std::uniform_real_distribution<double>(-0.01, 0.05)(rng);
    const double z = trial % 2 == 0 ? 0.0 : 1.2815515655446004;
    const size_t unseen = trial % 4 < 2 ? 0 : 500;
    const ThresholdChoice got = choose_thresholds(s, energy, budget, z, unseen);
    const ThresholdChoice want = reference_choice(s, energy, budget, z, unseen);
    ASSERT_EQ(got.thresholds, want.thresholds) << "trial " << trial;
    ASSERT_EQ(got.within_budget, want.within_budget) << "trial " << trial;
    EXPECT_DOUBLE_EQ(got.accuracy_loss, want.accuracy_loss) << "trial " << trial;
    EXPECT_DOUBLE_EQ(got.accuracy_loss_bound, want.accuracy_loss_bound) << "trial " << trial;
    EXPECT_DOUBLE_EQ(got.energy_per_inference_j, want.energy_per_inference_j) << "trial " << trial;
    EXPECT_EQ(got.result.accuracy, want.result.accuracy) << "trial " << trial;
    EXPECT_EQ(got.result.escalation_rate, want.result.escalation_rate) << "trial " << trial;
    EXPECT_EQ(got.result.reach_fraction, want.result.reach_fraction) << "trial " << trial;
    (want.within_budget ? within : over) += 1;
  }
  // Both outcomes were exercised.
  EXPECT_GT(within, 30);
  EXPECT_GT(over, 30);
}

}  // namespace
}  // namespace blsim
