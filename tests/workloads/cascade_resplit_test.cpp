// SPDX-License-Identifier: MIT
// Thresholds that hold on unseen data: the two-stage search stops at the first threshold (from
// "everybody escalates" down) whose bound breaks the budget; a finite unseen set widens the
// bound; re-splits deal the pooled samples into parts of the original sizes, reproducibly, and
// count the deals whose test loss exceeds the budget.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "workloads/cascade/resplit.h"
#include "workloads/cascade/threshold_search.h"

namespace blsim {
namespace {

// Label 0 everywhere, big always right. Little's predictions by confidence (low to high):
// `wrong[i]` true means little is wrong on sample i (confidence i / n).
CascadeScores by_confidence(const std::vector<bool>& wrong) {
  CascadeScores s;
  s.stages.resize(2);
  const size_t n = wrong.size();
  for (size_t i = 0; i < n; ++i) {
    s.labels.push_back(0);
    s.stages[0].prediction.push_back(wrong[i] ? 1 : 0);
    s.stages[0].confidence.push_back(static_cast<double>(i) / n);
    s.stages[1].prediction.push_back(0);
    s.stages[1].confidence.push_back(1.0);
  }
  return s;
}

TEST(CascadeResplit, SearchStopsAtTheFirstBreachFromTheTop) {
  // Little wrong on sample 6 only (a confident mistake), big wrong on samples 0-2 where little is
  // right. Budget 0, z = 0. Thresholds above 0.6 escalate sample 6: loss 0. Between 0.3 and 0.6
  // sample 6 answers wrongly while 0-2 still escalate: loss 0.1, a breach. At 0 nobody escalates
  // and little's three wins pay for its one mistake: loss -0.2 and the least energy, the point a
  // search over all thresholds would take; it lies below the breach, so the search stops above.
  CascadeScores s = by_confidence({false, false, false, false, false, false, true, false, false, false});
  for (int i = 0; i < 3; ++i) s.stages[1].prediction[static_cast<size_t>(i)] = 1;
  const ThresholdChoice c = choose_thresholds(s, {1.0, 10.0}, 0.0, 0.0);
  ASSERT_TRUE(c.within_budget);
  EXPECT_GT(c.thresholds[0], 0.6);
  EXPECT_LT(c.thresholds[0], 0.7);
  EXPECT_DOUBLE_EQ(c.result.escalation_rate, 0.7);
  EXPECT_DOUBLE_EQ(c.accuracy_loss, 0.0);
}

TEST(CascadeResplit, AFiniteUnseenSetWidensTheBound) {
  // 400 samples, little wrong on the 8 least confident: with the population bound (unseen 0) two
  // may stay unescalated within 1% (see CascadePolicy); a 400-input unseen set doubles the
  // variance, sqrt 2 times the margin: only one may.
  std::vector<bool> wrong(400, false);
  for (int i = 0; i < 8; ++i) wrong[static_cast<size_t>(i)] = true;
  const CascadeScores s = by_confidence(wrong);
  const double z = normal_quantile(0.9);
  const ThresholdChoice population = choose_thresholds(s, {1.0, 10.0}, 0.01, z, 0);
  const ThresholdChoice finite = choose_thresholds(s, {1.0, 10.0}, 0.01, z, 400);
  EXPECT_DOUBLE_EQ(population.accuracy_loss, 2.0 / 400);
  // k = 1: 1/400 + 1.2816 * sqrt((1/400 - 1/400^2) * 2/400) = 0.0025 + 0.0045 = 0.0070 fits;
  // k = 2: 0.005 + 1.2816 * sqrt((2/400 - 4/400^2) * 2/400) = 0.005 + 0.0064 = 0.0114 does not.
  EXPECT_DOUBLE_EQ(finite.accuracy_loss, 1.0 / 400);
  EXPECT_GT(finite.accuracy_loss_bound, 0.0025);
  EXPECT_LE(finite.accuracy_loss_bound, 0.01);
}

TEST(CascadeResplit, SubsetKeepsTheOrderGiven) {
  const CascadeScores s = by_confidence({true, false, false, true});
  const CascadeScores sub = subset(s, {3, 0});
  ASSERT_EQ(sub.samples(), 2u);
  EXPECT_EQ(sub.stages[0].prediction, (std::vector<int>{1, 1}));
  EXPECT_EQ(sub.stages[0].confidence, (std::vector<double>{0.75, 0.0}));
}

TEST(CascadeResplit, DealsAreReproducibleAndCountBreaches) {
  // A little network that is never wrong: no deal can exceed a zero budget.
  const CascadeScores perfect_val = by_confidence(std::vector<bool>(100, false));
  const CascadeScores perfect_test = by_confidence(std::vector<bool>(200, false));
  ThresholdRule rule;
  rule.max_accuracy_loss = 0;
  for (const ResplitOutcome& o :
       resplit_study(perfect_val, perfect_test, {1.0, 10.0}, rule, 20, 1)) {
    EXPECT_FALSE(o.exceeded);
    EXPECT_DOUBLE_EQ(o.test_loss, 0.0);
    EXPECT_DOUBLE_EQ(o.test_escalation, 0.0);
  }
  // Confident mistakes spread thinly: on some deals validation holds none of them above the
  // chosen threshold and the test part does, so the plain rule (z = 0) breaks the budget there.
  std::vector<bool> val_wrong(100, false), test_wrong(200, false);
  for (size_t i = 20; i < 200; i += 37) test_wrong[i] = true;
  for (size_t i = 50; i < 100; i += 45) val_wrong[i] = true;
  const CascadeScores val = by_confidence(val_wrong), test = by_confidence(test_wrong);
  const auto a = resplit_study(val, test, {1.0, 10.0}, rule, 25, 7);
  const auto b = resplit_study(val, test, {1.0, 10.0}, rule, 25, 7);
  const auto c = resplit_study(val, test, {1.0, 10.0}, rule, 25, 8);
  ASSERT_EQ(a.size(), 25u);
  size_t exceeded = 0;
  std::set<double> thresholds_a, thresholds_c;
  for (size_t r = 0; r < a.size(); ++r) {
    EXPECT_EQ(a[r].thresholds, b[r].thresholds);
    EXPECT_DOUBLE_EQ(a[r].test_loss, b[r].test_loss);
    EXPECT_EQ(a[r].exceeded, a[r].test_loss > 0);
    EXPECT_LE(a[r].val_loss, 0.0);  // the rule holds on the part it was chosen on
    exceeded += a[r].exceeded ? 1 : 0;
    thresholds_a.insert(a[r].thresholds[0]);
    thresholds_c.insert(c[r].thresholds[0]);
  }
  EXPECT_GT(exceeded, 0u);
  EXPECT_LT(exceeded, 25u);
  EXPECT_GT(thresholds_a.size(), 1u);  // the deals differ
  EXPECT_NE(thresholds_a, thresholds_c);  // and the seed chooses them
}

}  // namespace
}  // namespace blsim
