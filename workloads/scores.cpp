// SPDX-License-Identifier: MIT
#include "workloads/scores.h"

#include <cmath>
#include <stdexcept>

namespace blsim {

void softmax_in_place(float* values, size_t count) {
  if (count == 0) return;
  float top = values[0];
  for (size_t i = 1; i < count; ++i) top = std::max(top, values[i]);
  // Summing in double keeps rows of thousands of classes accurate; the order is fixed.
  double sum = 0.0;
  for (size_t i = 0; i < count; ++i) {
    values[i] = std::exp(values[i] - top);
    sum += values[i];
  }
  const float scale = static_cast<float>(1.0 / sum);
  for (size_t i = 0; i < count; ++i) values[i] *= scale;
}

void to_probabilities(std::vector<float>& rows, size_t classes, bool last_node_is_softmax) {
  if (classes == 0 || rows.size() % classes != 0) {
    throw std::invalid_argument("to_probabilities: output size is not a multiple of the classes");
  }
  if (last_node_is_softmax) return;
  for (size_t at = 0; at < rows.size(); at += classes) softmax_in_place(rows.data() + at, classes);
}

TopScores top_scores(const float* probs, size_t classes) {
  if (classes < 2) throw std::invalid_argument("top_scores: needs at least two classes");
  TopScores s;
  s.top1_class = probs[1] > probs[0] ? 1 : 0;
  s.top2_class = 1 - s.top1_class;
  for (size_t c = 2; c < classes; ++c) {
    const int k = static_cast<int>(c);
    if (probs[c] > probs[s.top1_class]) {
      s.top2_class = s.top1_class;
      s.top1_class = k;
    } else if (probs[c] > probs[s.top2_class]) {
      s.top2_class = k;
    }
  }
  s.top1 = probs[s.top1_class];
  s.top2 = probs[s.top2_class];
  return s;
}

float score_margin(const float* probs, size_t classes) {
  return top_scores(probs, classes).margin();
}

float max_probability(const float* probs, size_t classes) {
  return top_scores(probs, classes).top1;
}

float entropy_nats(const float* probs, size_t classes) {
  double h = 0.0;
  for (size_t c = 0; c < classes; ++c) {
    const double p = probs[c];
    if (p > 0.0) h -= p * std::log(p);
  }
  return static_cast<float>(h);
}

}  // namespace blsim
