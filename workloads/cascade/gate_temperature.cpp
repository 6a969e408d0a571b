// SPDX-License-Identifier: MIT
#include "workloads/cascade/gate_temperature.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace blsim {
namespace {

// log p / T with p floored, so that a probability that underflowed to 0 stays finite.
double scaled_log(float p, double inv_t) {
  return std::log(std::max(static_cast<double>(p), 1e-30)) * inv_t;
}

}  // namespace

void apply_temperature(std::vector<float>& rows, size_t classes, double temperature) {
  if (!(temperature > 0)) throw std::invalid_argument("apply_temperature: T must be positive");
  if (temperature == 1.0) return;
  const double inv_t = 1.0 / temperature;
  std::vector<double> e(classes);
  for (size_t first = 0; first + classes <= rows.size(); first += classes) {
    float* row = rows.data() + first;
    double top = -1e300;
    for (size_t c = 0; c < classes; ++c) top = std::max(top, e[c] = scaled_log(row[c], inv_t));
    double sum = 0;
    for (size_t c = 0; c < classes; ++c) sum += (e[c] = std::exp(e[c] - top));
    for (size_t c = 0; c < classes; ++c) row[c] = static_cast<float>(e[c] / sum);
  }
}

double temperature_nll(const std::vector<float>& rows, size_t classes,
                       const std::vector<int>& labels, double temperature) {
  const size_t n = classes == 0 ? 0 : rows.size() / classes;
  if (n != labels.size()) throw std::invalid_argument("temperature_nll: one label per row");
  if (n == 0) return 0;
  const double inv_t = 1.0 / temperature;
  double nll = 0;
  for (size_t i = 0; i < n; ++i) {
    const float* row = rows.data() + i * classes;
    double top = -1e300;
    for (size_t c = 0; c < classes; ++c) top = std::max(top, scaled_log(row[c], inv_t));
    double sum = 0;
    for (size_t c = 0; c < classes; ++c) sum += std::exp(scaled_log(row[c], inv_t) - top);
    nll += std::log(sum) + top - scaled_log(row[static_cast<size_t>(labels[i])], inv_t);
  }
  return nll / static_cast<double>(n);
}

double fit_temperature(const std::vector<float>& rows, size_t classes,
                       const std::vector<int>& labels) {
  // The NLL is convex in 1/T (a log-sum-exp of linear functions minus a linear one), so unimodal
  // in log T: golden-section search to a relative width of 1e-4.
  double lo = std::log(0.05), hi = std::log(20.0);
  const double g = 0.5 * (std::sqrt(5.0) - 1.0);
  double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
  double fa = temperature_nll(rows, classes, labels, std::exp(a));
  double fb = temperature_nll(rows, classes, labels, std::exp(b));
  while (hi - lo > 1e-4) {
    if (fa <= fb) {
      hi = b, b = a, fb = fa;
      a = hi - g * (hi - lo);
      fa = temperature_nll(rows, classes, labels, std::exp(a));
    } else {
      lo = a, a = b, fa = fb;
      b = lo + g * (hi - lo);
      fb = temperature_nll(rows, classes, labels, std::exp(b));
    }
  }
  return std::exp(0.5 * (lo + hi));
}

}  // namespace blsim
