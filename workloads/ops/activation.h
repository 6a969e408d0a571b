// SPDX-License-Identifier: MIT
// Element-wise activations on float32: Relu, LeakyRelu, Elu, Sigmoid, Tanh, Clip (min/max as
// attributes before opset 11, as optional scalar inputs since). FLOPs per element count each
// arithmetic step and each exp as one: Relu 1, LeakyRelu/Clip 2, Elu/Sigmoid 3, Tanh 5.
#pragma once

#include "workloads/ops/op.h"

namespace blsim {

Metas infer_activation(const Node& node, const Metas& in);
std::vector<Tensor> run_activation(const Node& node, const Inputs& in, const Metas& out);
OpWork work_activation(const Node& node, const Metas& in, const Metas& out);

}  // namespace blsim
