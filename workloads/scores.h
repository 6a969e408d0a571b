// SPDX-License-Identifier: MIT
// Turning a classifier's outputs into class probabilities and confidence scores, shared by
// `blsim eval`, the trainer and the cascade gate. Rule: a network whose last node is a Softmax
// already outputs probabilities; any other output is taken as logits and softmax is applied.
#pragma once

#include <cstddef>
#include <vector>

namespace blsim {

// Numerically stable softmax over `count` values (the maximum is subtracted first).
void softmax_in_place(float* values, size_t count);

// Applies the rule above to a batch of rows of `classes` outputs each.
void to_probabilities(std::vector<float>& rows, size_t classes, bool last_node_is_softmax);

struct TopScores {
  int top1_class = 0;  // ties go to the lower class index
  int top2_class = 0;
  float top1 = 0.0f;
  float top2 = 0.0f;
  float margin() const { return top1 - top2; }
};

// The two largest probabilities of one row (classes >= 2).
TopScores top_scores(const float* probs, size_t classes);

// Confidence measures of the cascade gate; high means "trust the little network", except
// entropy, where low means confident.
float score_margin(const float* probs, size_t classes);     // top1 - top2
float max_probability(const float* probs, size_t classes);  // top1
float entropy_nats(const float* probs, size_t classes);     // -sum p ln p, 0 ln 0 = 0

}  // namespace blsim
