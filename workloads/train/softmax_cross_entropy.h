// SPDX-License-Identifier: MIT
// The training loss: softmax cross-entropy over logits, averaged over the batch. Its gradient
// (softmax - one_hot) / N is computed together with the loss, the stable textbook form.
#pragma once

#include "workloads/train/layer.h"

namespace blsim {

// logits is N x K; labels has N values in [0, K). Writes dLoss/dLogits to grad and returns the
// mean loss in nats; `correct` (if not null) receives how many argmax predictions match.
double softmax_cross_entropy(const Activations& logits, const int* labels, Activations& grad,
                             int64_t* correct = nullptr);

}  // namespace blsim
