// SPDX-License-Identifier: MIT
#include "workloads/cascade/threshold_search.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace blsim {
namespace {

// Candidate thresholds of one gate: 0 (nobody escalates), the midpoints between distinct observed
// confidences (or `quantiles` of them), and just above the largest (everybody escalates).
std::vector<double> candidates(const std::vector<double>& confidence, size_t quantiles) {
  std::vector<double> sorted = confidence;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::vector<double> out{0.0};
  if (quantiles == 0 || sorted.size() <= quantiles) {
    for (size_t i = 1; i < sorted.size(); ++i) out.push_back(0.5 * (sorted[i - 1] + sorted[i]));
  } else {
    for (size_t q = 1; q < quantiles; ++q) {
      const size_t i = q * sorted.size() / quantiles;
      out.push_back(0.5 * (sorted[i - 1] + sorted[i]));
    }
  }
  if (!sorted.empty()) out.push_back(std::nextafter(sorted.back(), 2.0));
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

double expected_energy_j(const PolicyResult& result, const std::vector<double>& stage_energy_j) {
  double e = 0;
  for (size_t s = 0; s < stage_energy_j.size() && s < result.reach_fraction.size(); ++s) {
    e += result.reach_fraction[s] * stage_energy_j[s];
  }
  return e;
}

ThresholdChoice choose_thresholds(const CascadeScores& val, const std::vector<double>& stage_energy_j,
                                  double max_accuracy_loss) {
  const size_t gates = val.stages.size() - 1;
  if (val.stages.size() < 2 || stage_energy_j.size() != val.stages.size()) {
    throw std::invalid_argument("choose_thresholds: need >= 2 stages and one energy per stage");
  }
  // Two stages: exhaustive. Deeper: a grid whose size stays near 10^4 points.
  const size_t quantiles = gates == 1 ? 0 : (gates == 2 ? 100 : 20);
  std::vector<std::vector<double>> grid;
  for (size_t g = 0; g < gates; ++g) grid.push_back(candidates(val.stages[g].confidence, quantiles));

  const double reference = stage_accuracy(val, gates);
  ThresholdChoice best;
  best.thresholds.assign(gates, 0.0);
  for (size_t g = 0; g < gates; ++g) best.thresholds[g] = grid[g].back();  // all escalate
  best.result = evaluate_policy(val, best.thresholds);
  best.accuracy_loss = reference - best.result.accuracy;
  best.energy_per_inference_j = expected_energy_j(best.result, stage_energy_j);
  best.within_budget = best.accuracy_loss <= max_accuracy_loss + 1e-12;

  std::vector<size_t> pick(gates, 0);
  std::vector<double> t(gates);
  for (;;) {
    for (size_t g = 0; g < gates; ++g) t[g] = grid[g][pick[g]];
    const PolicyResult r = evaluate_policy(val, t);
    const double loss = reference - r.accuracy;
    const double energy = expected_energy_j(r, stage_energy_j);
    if (loss <= max_accuracy_loss + 1e-12 &&
        (!best.within_budget || energy < best.energy_per_inference_j)) {
      best = ThresholdChoice{t, r, loss, energy, true};
    }
    size_t g = 0;  // odometer over the grid
    while (g < gates && ++pick[g] == grid[g].size()) pick[g++] = 0;
    if (g == gates) break;
  }
  return best;
}

}  // namespace blsim
