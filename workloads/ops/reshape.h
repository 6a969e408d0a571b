// SPDX-License-Identifier: MIT
// Operators that cost nothing at inference because they only relabel data: Reshape, Flatten,
// Identity, Dropout (the identity outside training) and Constant. They report no FLOPs; a real
// runtime would alias their input, so the engine's copy here is not counted as traffic.
#pragma once

#include "workloads/ops/op.h"

namespace blsim {

Metas infer_reshape(const Node& node, const Metas& in);
Metas infer_flatten(const Node& node, const Metas& in);
Metas infer_identity(const Node& node, const Metas& in);  // Identity and Dropout
Metas infer_constant(const Node& node, const Metas& in);

// Reshape, Flatten, Identity and Dropout: the input's data under the output's shape.
std::vector<Tensor> run_relabel(const Node& node, const Inputs& in, const Metas& out);
std::vector<Tensor> run_constant(const Node& node, const Inputs& in, const Metas& out);

OpWork work_free(const Node& node, const Metas& in, const Metas& out);

// The value of a Constant node (its `value` tensor or one of the value_* attributes).
Tensor constant_value(const Node& node);

}  // namespace blsim
