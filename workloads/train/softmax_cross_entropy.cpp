// SPDX-License-Identifier: MIT
#include "workloads/train/softmax_cross_entropy.h"

#include <algorithm>
#include <cmath>

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

}  // namespace blsim
