// SPDX-License-Identifier: MIT
// MaxPool (with its optional Indices output), AveragePool (1-3 spatial dims, pads, strides,
// dilations, ceil_mode) and the global pools. Padding never wins a max; an average divides by the
// window clipped to the input, or to the padded input with count_include_pad. FLOPs: one compare
// or add per window element read.
#pragma once

#include "workloads/ops/op.h"
#include "workloads/ops/window.h"

namespace blsim {

enum class PoolMode { kMax, kAverage, kAverageIncludePad };

// x: [N, C, spatial], y: [N, C, out]. For kMax, `indices` (int64, y's shape, or nullptr) gets
// the flat index into x of each maximum, the spatial part column-major when `column_major`
// (ONNX storage_order 1).
void pool_forward(const Window3& window, PoolMode mode, const Tensor& x, Tensor& y,
                  Tensor* indices = nullptr, bool column_major = false);

Metas infer_pool(const Node& node, const Metas& in);
std::vector<Tensor> run_pool(const Node& node, const Inputs& in, const Metas& out);
OpWork work_pool(const Node& node, const Metas& in, const Metas& out);

Metas infer_global_pool(const Node& node, const Metas& in);
std::vector<Tensor> run_global_pool(const Node& node, const Inputs& in, const Metas& out);
OpWork work_global_pool(const Node& node, const Metas& in, const Metas& out);

}  // namespace blsim
