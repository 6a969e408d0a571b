// SPDX-License-Identifier: MIT
// Temperature scaling of a classifier's probabilities (Guo et al., "On calibration of modern
// neural networks", ICML 2017): softmax(logits / T), computed from probabilities as p^(1/T)
// renormalised (log p is the logits up to a per-row constant). One T is fitted per network on the
// validation split by the least mean negative log-likelihood of the labels; T keeps every row's
// argmax, so only the gate's confidence changes.
#pragma once

#include <cstddef>
#include <vector>

namespace blsim {

// p^(1/T) normalised, per row of `classes` probabilities (T = 1 leaves them unchanged).
void apply_temperature(std::vector<float>& rows, size_t classes, double temperature);

// Mean negative log-likelihood (nats) of `labels` under the rows softened by `temperature`.
double temperature_nll(const std::vector<float>& rows, size_t classes,
                       const std::vector<int>& labels, double temperature);

// The T in [0.05, 20] with the least temperature_nll (golden-section search on log T).
double fit_temperature(const std::vector<float>& rows, size_t classes, const std::vector<int>& labels);

}  // namespace blsim
