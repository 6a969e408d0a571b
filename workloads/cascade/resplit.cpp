// SPDX-License-Identifier: MIT
#include "workloads/cascade/resplit.h"

#include <numeric>
#include <stdexcept>

#include "workloads/datasets/rng.h"

namespace blsim {

CascadeScores subset(const CascadeScores& all, const std::vector<size_t>& indices) {
  CascadeScores out;
  out.stages.resize(all.stages.size());
  for (const size_t i : indices) {
    out.labels.push_back(all.labels.at(i));
    for (size_t s = 0; s < all.stages.size(); ++s) {
      out.stages[s].prediction.push_back(all.stages[s].prediction.at(i));
      out.stages[s].confidence.push_back(all.stages[s].confidence.at(i));
    }
  }
  return out;
}

namespace {

CascadeScores pooled(const CascadeScores& a, const CascadeScores& b) {
  if (a.stages.size() != b.stages.size()) {
    throw std::invalid_argument("resplit_study: the splits have different stage counts");
  }
  CascadeScores out = a;
  out.labels.insert(out.labels.end(), b.labels.begin(), b.labels.end());
  for (size_t s = 0; s < out.stages.size(); ++s) {
    auto& p = out.stages[s].prediction;
    auto& c = out.stages[s].confidence;
    p.insert(p.end(), b.stages[s].prediction.begin(), b.stages[s].prediction.end());
    c.insert(c.end(), b.stages[s].confidence.begin(), b.stages[s].confidence.end());
  }
  return out;
}

}  // namespace

std::vector<ResplitOutcome> resplit_study(const CascadeScores& val, const CascadeScores& test,
                                          const std::vector<double>& stage_energy_j,
                                          const ThresholdRule& rule, size_t resplits,
                                          uint64_t seed) {
  const CascadeScores pool = pooled(val, test);
  const size_t n_val = val.samples();
  std::vector<size_t> order(pool.samples());
  std::vector<ResplitOutcome> out;
  SplitMix64 rng(seed);
  const size_t last = pool.stages.size() - 1;
  for (size_t r = 0; r < resplits; ++r) {
    std::iota(order.begin(), order.end(), size_t{0});
    fisher_yates_shuffle(order, rng);
    const CascadeScores v = subset(pool, {order.begin(), order.begin() + static_cast<long>(n_val)});
    const CascadeScores t = subset(pool, {order.begin() + static_cast<long>(n_val), order.end()});
    const ThresholdChoice choice = choose_thresholds(v, stage_energy_j, rule.max_accuracy_loss,
                                                     rule.z, rule.unseen_samples);
    const PolicyResult on_test = evaluate_policy(t, choice.thresholds);
    ResplitOutcome o;
    o.thresholds = choice.thresholds;
    o.val_loss = choice.accuracy_loss;
    o.test_loss = stage_accuracy(t, last) - on_test.accuracy;
    o.test_escalation = on_test.escalation_rate;
    o.test_energy_j = expected_energy_j(on_test, stage_energy_j);
    o.exceeded = o.test_loss > rule.max_accuracy_loss + 1e-12;
    out.push_back(o);
  }
  return out;
}

}  // namespace blsim
