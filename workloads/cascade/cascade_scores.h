// SPDX-License-Identifier: MIT
// What the functional pass tells the cascade: per stage and sample, the network's prediction and
// its gate confidence. A sample leaves the cascade at the first stage whose confidence reaches that
// stage's threshold; the last stage always answers. Thresholds are per gate (stages - 1 of them).
#pragma once

#include <cstddef>
#include <vector>

namespace blsim {

struct StageScores {
  std::vector<int> prediction;    // argmax class per sample
  std::vector<double> confidence;  // gate metric per sample (higher = more sure)
};

struct CascadeScores {
  std::vector<StageScores> stages;  // in cascade order; all of the same sample count
  std::vector<int> labels;

  size_t samples() const { return labels.size(); }
};

// Index of the stage that answers for `sample` under per-gate `thresholds`.
size_t exit_stage(const CascadeScores& scores, size_t sample, const std::vector<double>& thresholds);

struct PolicyResult {
  double accuracy = 0;                // of the cascade's answers
  double escalation_rate = 0;         // fraction of samples that ran beyond the first stage
  std::vector<double> reach_fraction;  // per stage: fraction of samples that ran it
};

PolicyResult evaluate_policy(const CascadeScores& scores, const std::vector<double>& thresholds);

// The result from counts over n > 0 samples: the cascade's correct answers and, per stage, the
// samples that ran it (every sample runs stage 0; those that ran stage 1 escalated).
PolicyResult policy_result(size_t n, size_t correct, const std::vector<size_t>& reached);

// Accuracy of one stage's network alone (every sample answered by it).
double stage_accuracy(const CascadeScores& scores, size_t stage);

}  // namespace blsim
