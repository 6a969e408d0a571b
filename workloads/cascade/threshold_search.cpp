// SPDX-License-Identifier: MIT
#include "workloads/cascade/threshold_search.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

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

// Mean and upper bound of the paired loss of the cascade against the last stage alone.
struct PairedLoss {
  double mean = 0;
  double bound = 0;
};

// From the counts of samples the cascade gets wrong where the last stage is right (`worse`) and
// the reverse (`better`) over n samples.
PairedLoss paired_loss_of(size_t worse, size_t better, size_t n, double z, size_t unseen) {
  PairedLoss p;
  if (n == 0) return p;
  p.mean = (static_cast<double>(worse) - static_cast<double>(better)) / n;
  const double second = static_cast<double>(worse + better) / n;
  const double var = std::max(0.0, second - p.mean * p.mean);
  const double spread = 1.0 / n + (unseen == 0 ? 0.0 : 1.0 / static_cast<double>(unseen));
  p.bound = p.mean + z * std::sqrt(var * spread);
  return p;
}

PairedLoss paired_loss(const CascadeScores& val, const std::vector<double>& thresholds, double z,
                       size_t unseen) {
  const size_t n = val.samples();
  const size_t last = val.stages.size() - 1;
  size_t worse = 0, better = 0;
  for (size_t i = 0; i < n; ++i) {
    const bool big_right = val.stages[last].prediction[i] == val.labels[i];
    const bool cascade_right =
        val.stages[exit_stage(val, i, thresholds)].prediction[i] == val.labels[i];
    worse += big_right && !cascade_right ? 1 : 0;
    better += cascade_right && !big_right ? 1 : 0;
  }
  return paired_loss_of(worse, better, n, z, unseen);
}

// A point within budget replaces the best so far when that was not within budget or costs more
// (on a tie the point found first, which escalates more, stays).
void keep_if_cheaper(ThresholdChoice& best, ThresholdChoice point) {
  if (!best.within_budget || point.energy_per_inference_j < best.energy_per_inference_j) {
    best = std::move(point);
  }
}

// One gate: the candidates from the top down, stopping at the first breach, as the general walk
// does, but counting as it goes. Samples sorted by confidence, highest first, join the little
// network's answers as the threshold falls past them (a sample escalates while its confidence is
// below the threshold), so the whole walk is O(n log n) where evaluating each candidate afresh
// is O(n) a candidate. The counts, and so every number, are the ones evaluate_policy and
// paired_loss give.
void walk_one_gate(const CascadeScores& val, const std::vector<double>& grid,
                   const std::vector<double>& stage_energy_j, double max_accuracy_loss, double z,
                   size_t unseen, ThresholdChoice& best) {
  const size_t n = val.samples();
  const std::vector<double>& confidence = val.stages[0].confidence;
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  // NaN never escalates (it is below no threshold): first, with the highest.
  auto key = [&confidence](size_t i) {
    return std::isnan(confidence[i]) ? std::numeric_limits<double>::infinity() : confidence[i];
  };
  std::stable_sort(order.begin(), order.end(),
                   [&key](size_t a, size_t b) { return key(a) > key(b); });
  size_t big_right = 0;  // over every sample
  for (size_t i = 0; i < n; ++i) big_right += val.stages[1].prediction[i] == val.labels[i] ? 1 : 0;
  // Over the samples the little network answers: how many it gets right, how many the big one
  // would, and the paired counts.
  size_t kept = 0, little_right_kept = 0, big_right_kept = 0, worse = 0, better = 0;
  for (size_t k = grid.size(); k-- > 0;) {
    const double t = grid[k];
    while (kept < n && !(confidence[order[kept]] < t)) {
      const size_t i = order[kept++];
      const bool little = val.stages[0].prediction[i] == val.labels[i];
      const bool big = val.stages[1].prediction[i] == val.labels[i];
      little_right_kept += little ? 1 : 0;
      big_right_kept += big ? 1 : 0;
      worse += big && !little ? 1 : 0;
      better += little && !big ? 1 : 0;
    }
    const PairedLoss loss = paired_loss_of(worse, better, n, z, unseen);
    if (loss.bound > max_accuracy_loss + 1e-12) return;  // every lower candidate fails too
    const PolicyResult r =
        policy_result(n, little_right_kept + big_right - big_right_kept, {n, n - kept});
    keep_if_cheaper(best, ThresholdChoice{{t}, r, loss.mean, loss.bound,
                                          expected_energy_j(r, stage_energy_j), true});
  }
}

}  // namespace

double normal_quantile(double p) {
  if (!(p > 0 && p < 1)) throw std::invalid_argument("normal_quantile: p outside (0, 1)");
  // Bisection on the CDF 0.5 * erfc(-z / sqrt 2): slow but exact to double precision.
  double lo = -40, hi = 40;
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (lo + hi);
    (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

double expected_energy_j(const PolicyResult& result, const std::vector<double>& stage_energy_j) {
  double e = 0;
  for (size_t s = 0; s < stage_energy_j.size() && s < result.reach_fraction.size(); ++s) {
    e += result.reach_fraction[s] * stage_energy_j[s];
  }
  return e;
}

ThresholdChoice choose_thresholds(const CascadeScores& val, const std::vector<double>& stage_energy_j,
                                  double max_accuracy_loss, double z, size_t unseen_samples) {
  const size_t gates = val.stages.size() - 1;
  if (val.stages.size() < 2 || stage_energy_j.size() != val.stages.size()) {
    throw std::invalid_argument("choose_thresholds: need >= 2 stages and one energy per stage");
  }
  // Two stages: exhaustive. Deeper: a grid whose size stays near 10^4 points.
  const size_t quantiles = gates == 1 ? 0 : (gates == 2 ? 100 : 20);
  std::vector<std::vector<double>> grid;
  for (size_t g = 0; g < gates; ++g) grid.push_back(candidates(val.stages[g].confidence, quantiles));

  ThresholdChoice best;
  best.thresholds.assign(gates, 0.0);
  for (size_t g = 0; g < gates; ++g) best.thresholds[g] = grid[g].back();  // all escalate
  best.result = evaluate_policy(val, best.thresholds);
  const PairedLoss all = paired_loss(val, best.thresholds, z, unseen_samples);
  best.accuracy_loss = all.mean;
  best.accuracy_loss_bound = all.bound;
  best.energy_per_inference_j = expected_energy_j(best.result, stage_energy_j);
  best.within_budget = all.bound <= max_accuracy_loss + 1e-12;

  // A point may be chosen only when its bound and the bound of every point that escalates more
  // (each threshold at least as high, up to "everybody escalates") fit: for one gate, walking
  // down from the top and stopping at the first breach. Taking any point whose bound fits would
  // let the search pick one below a breach, where the validation samples happen to favour the
  // little network (more "cascade right, big wrong" cases by chance): measured on re-splits,
  // that choice broke the budget on unseen data two to five times as often.
  if (gates == 1 && val.samples() > 0) {
    walk_one_gate(val, grid[0], stage_energy_j, max_accuracy_loss, z, unseen_samples, best);
    return best;
  }
  std::vector<size_t> stride(gates, 1);
  size_t points = 1;
  for (size_t g = 0; g < gates; ++g) {
    stride[g] = points;
    points *= grid[g].size();
  }
  std::vector<char> fits(points, 0);
  std::vector<double> t(gates);
  for (size_t index = points; index-- > 0;) {  // every point after its higher neighbours
    bool ok = true;
    for (size_t g = 0; g < gates; ++g) {
      const size_t k = index / stride[g] % grid[g].size();
      t[g] = grid[g][k];
      if (k + 1 < grid[g].size()) ok = ok && fits[index + stride[g]];
    }
    if (!ok) continue;
    const PairedLoss loss = paired_loss(val, t, z, unseen_samples);
    if (loss.bound > max_accuracy_loss + 1e-12) continue;
    fits[index] = 1;
    const PolicyResult r = evaluate_policy(val, t);
    keep_if_cheaper(best, ThresholdChoice{t, r, loss.mean, loss.bound,
                                          expected_energy_j(r, stage_energy_j), true});
  }
  return best;
}

}  // namespace blsim
