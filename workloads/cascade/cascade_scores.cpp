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
  size_t correct = 0, escalated = 0;
  std::vector<size_t> reached(scores.stages.size(), 0);
  for (size_t i = 0; i < n; ++i) {
    const size_t s = exit_stage(scores, i, thresholds);
    for (size_t k = 0; k <= s; ++k) ++reached[k];
    escalated += s > 0 ? 1 : 0;
    correct += scores.stages[s].prediction[i] == scores.labels[i] ? 1 : 0;
  }
  r.accuracy = static_cast<double>(correct) / n;
  r.escalation_rate = static_cast<double>(escalated) / n;
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
