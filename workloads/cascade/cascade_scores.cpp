// SPDX-License-Identifier: MIT
#include "workloads/cascade/cascade_scores.h"

namespace blsim {

size_t exit_stage(const CascadeScores& scores, size_t sample,
                  const std::vector<double>& thresholds) {
  const size_t last = scores.stages.size() - 1;
  size_t s = 0;
  while (s < last && scores.stages[s].confidence[sample] < thresholds[s]) ++s;
  return s;
}

PolicyResult evaluate_policy(const CascadeScores& scores, const std::vector<double>& thresholds) {
  PolicyResult r;
  r.reach_fraction.assign(scores.stages.size(), 0.0);
  const size_t n = scores.samples();
  if (n == 0) return r;
  size_t correct = 0;
  std::vector<size_t> reached(scores.stages.size(), 0);
  for (size_t i = 0; i < n; ++i) {
    const size_t s = exit_stage(scores, i, thresholds);
    for (size_t k = 0; k <= s; ++k) ++reached[k];
    correct += scores.stages[s].prediction[i] == scores.labels[i] ? 1 : 0;
  }
  return policy_result(n, correct, reached);
}

PolicyResult policy_result(size_t n, size_t correct, const std::vector<size_t>& reached) {
  PolicyResult r;
  r.accuracy = static_cast<double>(correct) / n;
  r.escalation_rate = reached.size() > 1 ? static_cast<double>(reached[1]) / n : 0.0;
  r.reach_fraction.resize(reached.size());
  for (size_t k = 0; k < reached.size(); ++k) r.reach_fraction[k] = static_cast<double>(reached[k]) / n;
  return r;
}

double stage_accuracy(const CascadeScores& scores, size_t stage) {
  const size_t n = scores.samples();
  if (n == 0) return 0;
  size_t correct = 0;
  for (size_t i = 0; i < n; ++i) {
    correct += scores.stages[stage].prediction[i] == scores.labels[i] ? 1 : 0;
  }
  return static_cast<double>(correct) / n;
}

}  // namespace blsim
