// SPDX-License-Identifier: MIT
// BatchNormalization. Inference mode folds the running statistics per channel (dimension 1) into
// one scale and shift: one MAC (2 FLOPs) per element. Training mode (opset 14+) normalises by the
// batch's own mean and population variance, so its samples are not independent, and also returns
// the updated running statistics; the statistics add 3 FLOPs per element.
#pragma once

#include "workloads/ops/op.h"

namespace blsim {

// x: [N, C, ...]; scale, bias, mean, var: [C].
void batch_norm_forward(const Tensor& x, const Tensor& scale, const Tensor& bias,
                        const Tensor& mean, const Tensor& var, float epsilon, Tensor& y);

// The batch's per-channel mean and population variance of x: [N, C, ...], summed in double.
void batch_statistics(const Tensor& x, Tensor& mean, Tensor& var);

Metas infer_batch_norm(const Node& node, const Metas& in);
std::vector<Tensor> run_batch_norm(const Node& node, const Inputs& in, const Metas& out);
OpWork work_batch_norm(const Node& node, const Metas& in, const Metas& out);

}  // namespace blsim
