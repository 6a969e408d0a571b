// SPDX-License-Identifier: MIT
// Design-time threshold choice (on the validation split, never the test split): the per-gate
// thresholds with the least expected energy per inference whose accuracy loss against the last
// stage alone (big-only) stays within budget. Expected energy = sum over stages of the fraction of
// samples that reach the stage times that stage's energy per run (gate and wake-up included).
// The loss is judged by an upper confidence bound, mean + z * sd / sqrt(n) of the per-sample
// paired loss (big right and cascade wrong: +1, the reverse: -1), so that a threshold that only
// just fits the validation samples is not taken for one that fits unseen inputs; z = 0 uses the
// plain validation estimate. When the promise is about the loss measured on a finite unseen set
// of m inputs (a test split), that set's own sampling spread adds: sd * sqrt(1/n + 1/m). The
// bound assumes validation and unseen inputs are drawn alike from one population (exchangeable)
// and the normal approximation of the paired loss; it does not correct for the search over
// thresholds, which picks the cheapest that fits and so is slightly optimistic.
#pragma once

#include <vector>

#include "workloads/cascade/cascade_scores.h"

namespace blsim {

struct ThresholdChoice {
  std::vector<double> thresholds;  // one per gate
  PolicyResult result;
  double accuracy_loss = 0;        // accuracy of the last stage alone minus the cascade's
  double accuracy_loss_bound = 0;  // its upper confidence bound (equal to it when z = 0)
  double energy_per_inference_j = 0;  // expected, from stage_energy_j
  bool within_budget = false;      // false: no threshold met the budget; all samples escalate
};

// stage_energy_j[s]: energy of one run of stage s. Two-stage cascades search every distinct
// midpoint of the gate's confidences, deeper ones a grid of confidence quantiles per gate. A point
// qualifies when its bound fits and so do the bounds of all points that escalate more (every
// threshold at least as high): with one gate, the search walks down from "everybody escalates" and
// stops at the first breach. The cheapest qualifying point is chosen.
// unseen_samples: m above (0: the population, an unbounded set).
ThresholdChoice choose_thresholds(const CascadeScores& val, const std::vector<double>& stage_energy_j,
                                  double max_accuracy_loss, double z = 0.0,
                                  size_t unseen_samples = 0);

// Standard normal quantile: z such that P(Z <= z) = p, for p in (0, 1).
double normal_quantile(double p);

double expected_energy_j(const PolicyResult& result, const std::vector<double>& stage_energy_j);

}  // namespace blsim
