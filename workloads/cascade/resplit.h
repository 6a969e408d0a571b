// SPDX-License-Identifier: MIT
// Does a design-time threshold keep its promise on data it has not seen? The validation and test
// samples are pooled and dealt anew, R times, into a validation part and a test part of the
// original sizes (a seeded shuffle each time); on each deal the threshold is chosen on the
// validation part exactly as a run chooses it, and the accuracy loss against the last stage is
// measured on the test part. The share of deals whose test loss exceeds the budget is how often
// the promise fails. Assumes the pooled samples are exchangeable (drawn alike from one population).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "workloads/cascade/cascade_scores.h"
#include "workloads/cascade/threshold_search.h"

namespace blsim {

struct ThresholdRule {
  double max_accuracy_loss = 0;
  double z = 0;               // confidence of the bound, as a normal quantile
  size_t unseen_samples = 0;  // see choose_thresholds
};

struct ResplitOutcome {
  std::vector<double> thresholds;
  double val_loss = 0;         // on the validation part (plain estimate)
  double test_loss = 0;        // last stage's accuracy minus the cascade's, on the test part
  double test_escalation = 0;  // fraction of the test part that ran beyond the first stage
  double test_energy_j = 0;    // expected energy per inference on the test part
  bool exceeded = false;       // test_loss above the budget
};

// The samples `indices` of `all`, in that order.
CascadeScores subset(const CascadeScores& all, const std::vector<size_t>& indices);

// Pools val and test and deals them `resplits` times (seed fixes the deals).
std::vector<ResplitOutcome> resplit_study(const CascadeScores& val, const CascadeScores& test,
                                          const std::vector<double>& stage_energy_j,
                                          const ThresholdRule& rule, size_t resplits,
                                          uint64_t seed);

}  // namespace blsim
