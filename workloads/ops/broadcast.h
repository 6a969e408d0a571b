// SPDX-License-Identifier: MIT
// Multidirectional (numpy) broadcasting as ONNX defines it: shapes align at the right and a
// dimension of 1 stretches to match the other. Used by the binary element-wise ops and MatMul.
#pragma once

#include "workloads/tensor.h"

namespace blsim {

// The common shape of a and b; false when some aligned dimensions differ and neither is 1.
bool broadcast_shapes(const Shape& a, const Shape& b, Shape* out);

// Element strides of a tensor of shape `in` read as shape `out` (rank(out) >= rank(in)):
// one stride per dimension of `out`, 0 where `in` is broadcast.
Shape broadcast_strides(const Shape& in, const Shape& out);

}  // namespace blsim
