// SPDX-License-Identifier: MIT
// Add, Sub, Mul, Div on float32 with numpy broadcasting (opset >= 7) or the legacy
// broadcast/axis attributes of older opsets. One FLOP per output element.
#pragma once

#include "workloads/ops/op.h"

namespace blsim {

enum class BinaryOp { kAdd, kSub, kMul, kDiv };

// y = a (op) b with b and a broadcast to y's shape.
void binary_forward(BinaryOp op, const Tensor& a, const Tensor& b, Tensor& y);

Metas infer_binary(const Node& node, const Metas& in);
std::vector<Tensor> run_binary(const Node& node, const Inputs& in, const Metas& out);
OpWork work_binary(const Node& node, const Metas& in, const Metas& out);

}  // namespace blsim
