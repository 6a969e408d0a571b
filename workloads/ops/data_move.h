// SPDX-License-Identifier: MIT
// Operators that copy data without arithmetic: Concat and Transpose (float32 or int64).
// They cost bytes moved, no FLOPs.
#pragma once

#include "workloads/ops/op.h"

namespace blsim {

Metas infer_concat(const Node& node, const Metas& in);
std::vector<Tensor> run_concat(const Node& node, const Inputs& in, const Metas& out);

Metas infer_transpose(const Node& node, const Metas& in);
std::vector<Tensor> run_transpose(const Node& node, const Inputs& in, const Metas& out);

OpWork work_data_move(const Node& node, const Metas& in, const Metas& out);

}  // namespace blsim
