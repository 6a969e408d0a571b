// SPDX-License-Identifier: MIT
#include "workloads/train/softmax_cross_entropy.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "workloads/scores.h"

namespace blsim {

double softmax_cross_entropy(const Activations& logits, const int* labels, Activations& grad,
                             int64_t* correct) {
  const int64_t n = logits.batch(), k = logits.per_sample();
  grad.shape = logits.shape;
  grad.data = logits.data;
  double loss = 0.0;
  int64_t hits = 0;
  for (int64_t s = 0; s < n; ++s) {
    float* row = grad.data.data() + s * k;
    const float* z = logits.data.data() + s * k;
    const int label = labels[s];
    // log softmax from the logits directly: no log(0) when a probability underflows.
    const float top = *std::max_element(z, z + k);
    double sum = 0.0;
    for (int64_t c = 0; c < k; ++c) sum += std::exp(static_cast<double>(z[c] - top));
    loss += std::log(sum) - static_cast<double>(z[label] - top);
    if (std::max_element(z, z + k) - z == label) ++hits;
    softmax_in_place(row, static_cast<size_t>(k));
    row[label] -= 1.0f;
    for (int64_t c = 0; c < k; ++c) row[c] /= static_cast<float>(n);
  }
  if (correct != nullptr) *correct = hits;
  return loss / static_cast<double>(n);
}

double distillation_loss(const Activations& logits, const int* labels, const float* soft,
                         double temperature, double alpha, Activations& grad, int64_t* correct) {
  const double hard = softmax_cross_entropy(logits, labels, grad, correct);
  const int64_t n = logits.batch(), k = logits.per_sample();
  const double inv_t = 1.0 / temperature;
  std::vector<double> q(static_cast<size_t>(k));
  double soft_loss = 0.0;
  for (int64_t s = 0; s < n; ++s) {
    const float* z = logits.data.data() + s * k;
    const float* p = soft + s * k;
    float* row = grad.data.data() + s * k;
    const double top = *std::max_element(z, z + k) * inv_t;
    double sum = 0.0;
    for (int64_t c = 0; c < k; ++c) sum += (q[c] = std::exp(z[c] * inv_t - top));
    const double log_sum = std::log(sum);
    for (int64_t c = 0; c < k; ++c) {
      const double log_q = z[c] * inv_t - top - log_sum;
      soft_loss -= static_cast<double>(p[c]) * log_q;
      // grad holds (1/N)(softmax(z) - one_hot): scale it by (1 - alpha), add the soft term.
      row[c] = static_cast<float>((1.0 - alpha) * row[c] +
                                  alpha * temperature * (q[c] / sum - p[c]) / static_cast<double>(n));
    }
  }
  return (1.0 - alpha) * hard +
         alpha * temperature * temperature * soft_loss / static_cast<double>(n);
}

}  // namespace blsim
