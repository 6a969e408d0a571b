// SPDX-License-Identifier: MIT
// Softmax, the last-node rule and the gate's confidence measures, by hand-computed values.
#include <gtest/gtest.h>

#include <cmath>

#include "workloads/scores.h"

namespace blsim {
namespace {

TEST(Scores, SoftmaxOfHandValues) {
  std::vector<float> v = {0.0f, std::log(3.0f)};  // e^0 : e^ln3 = 1 : 3
  softmax_in_place(v.data(), v.size());
  EXPECT_NEAR(v[0], 0.25f, 1e-7);
  EXPECT_NEAR(v[1], 0.75f, 1e-7);
}

TEST(Scores, SoftmaxIsStableForHugeLogits) {
  std::vector<float> v = {1000.0f, 1000.0f, -1000.0f};
  softmax_in_place(v.data(), v.size());
  EXPECT_FLOAT_EQ(v[0], 0.5f);
  EXPECT_FLOAT_EQ(v[1], 0.5f);
  EXPECT_FLOAT_EQ(v[2], 0.0f);
}

TEST(Scores, ProbabilitiesPassThroughOnlyAfterASoftmaxNode) {
  std::vector<float> rows = {0.2f, 0.8f, 1.0f, 1.0f};
  std::vector<float> same = rows;
  to_probabilities(same, 2, true);
  EXPECT_EQ(same, rows);
  to_probabilities(rows, 2, false);  // logits: each row gets its own softmax
  EXPECT_NEAR(rows[0], 1.0 / (1.0 + std::exp(0.6)), 1e-6);
  EXPECT_NEAR(rows[2], 0.5, 1e-7);
  EXPECT_NEAR(rows[3], 0.5, 1e-7);
  std::vector<float> odd = {1.0f, 2.0f, 3.0f};
  EXPECT_THROW(to_probabilities(odd, 2, false), std::invalid_argument);
}

TEST(Scores, TopTwoMarginMaxprobEntropy) {
  const float p[] = {0.1f, 0.6f, 0.05f, 0.25f};
  const TopScores s = top_scores(p, 4);
  EXPECT_EQ(s.top1_class, 1);
  EXPECT_EQ(s.top2_class, 3);
  EXPECT_FLOAT_EQ(s.top1, 0.6f);
  EXPECT_FLOAT_EQ(s.top2, 0.25f);
  EXPECT_NEAR(score_margin(p, 4), 0.35f, 1e-7);
  EXPECT_FLOAT_EQ(max_probability(p, 4), 0.6f);
  const double h = -(0.1 * std::log(0.1) + 0.6 * std::log(0.6) + 0.05 * std::log(0.05) +
                     0.25 * std::log(0.25));
  EXPECT_NEAR(entropy_nats(p, 4), h, 1e-6);
}

TEST(Scores, TiesGoToTheLowerClassAndZeroProbabilitiesAddNoEntropy) {
  const float p[] = {0.0f, 0.5f, 0.5f};
  const TopScores s = top_scores(p, 3);
  EXPECT_EQ(s.top1_class, 1);
  EXPECT_EQ(s.top2_class, 2);
  EXPECT_FLOAT_EQ(s.margin(), 0.0f);
  EXPECT_NEAR(entropy_nats(p, 3), std::log(2.0), 1e-6);
  const float first[] = {0.7f, 0.1f, 0.2f};
  EXPECT_EQ(top_scores(first, 3).top1_class, 0);
  EXPECT_EQ(top_scores(first, 3).top2_class, 2);
}

TEST(Scores, OneClassHasNoMargin) {
  const float p[] = {1.0f};
  EXPECT_THROW(top_scores(p, 1), std::invalid_argument);
}

}  // namespace
}  // namespace blsim
