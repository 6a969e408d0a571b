// SPDX-License-Identifier: MIT
// The training losses: softmax cross-entropy over logits, averaged over the batch, its gradient
// (softmax - one_hot) / N computed together with the loss (the stable textbook form); and the
// distillation loss, which mixes in the cross-entropy against a teacher's softened targets.
#pragma once

#include "workloads/train/layer.h"

namespace blsim {

// logits is N x K; labels has N values in [0, K). Writes dLoss/dLogits to grad and returns the
// mean loss in nats; `correct` (if not null) receives how many argmax predictions match.
double softmax_cross_entropy(const Activations& logits, const int* labels, Activations& grad,
                             int64_t* correct = nullptr);

// Knowledge distillation (Hinton, Vinyals and Dean 2015): alpha * T^2 * CE(soft, softmax(z/T)) +
// (1 - alpha) * CE(one_hot(label), softmax(z)), averaged over the batch. `soft` holds N x K
// teacher probabilities already softened by T; T^2 keeps the soft term's gradient,
// alpha * T * (softmax(z/T) - soft) / N, on the scale of the hard one as T changes.
double distillation_loss(const Activations& logits, const int* labels, const float* soft,
                         double temperature, double alpha, Activations& grad,
                         int64_t* correct = nullptr);

}  // namespace blsim
