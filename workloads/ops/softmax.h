// SPDX-License-Identifier: MIT
// Softmax and LogSoftmax, stabilised by subtracting the maximum. Before opset 13 the input is
// viewed as 2-D at `axis` (default 1) and normalised over everything after it; since opset 13
// only along `axis` (default -1). 5 FLOPs per element: max, subtract, exp, sum, divide/log-sub.
#pragma once

#include "workloads/ops/op.h"

namespace blsim {

// Normalises x viewed as [outer, length, inner] along the middle dimension.
void softmax_forward(const Tensor& x, int64_t outer, int64_t length, int64_t inner, bool log,
                     Tensor& y);

Metas infer_softmax(const Node& node, const Metas& in);
std::vector<Tensor> run_softmax(const Node& node, const Inputs& in, const Metas& out);
OpWork work_softmax(const Node& node, const Metas& in, const Metas& out);

}  // namespace blsim
