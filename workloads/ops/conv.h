// SPDX-License-Identifier: MIT
// Conv (1-3 spatial dims, groups, dilations, any padding): per group, the output positions of the
// whole batch are unrolled (im2col) in cache-sized chunks and multiplied by the weight matrix with
// Eigen's GEMM, each chunk padded to whole GEMM blocks so that a sample's result does not depend
// on the batch it runs in (see batch_invariant.h). A MAC counts 2 FLOPs; a bias adds 1 per output.
#pragma once

#include "workloads/ops/op.h"
#include "workloads/ops/window.h"

namespace blsim {

// y[n, m, o] = b[m] + sum over c in m's group and kernel offsets k of x[n, c, o*s - p + k*d] *
// w[m, c, k]. x: [N, C, spatial], w: [M, C/group, kernel], b: [M] or nullptr, y: [N, M, out].
void conv_forward(const Window3& window, int64_t group, const Tensor& x, const Tensor& w,
                  const Tensor* b, Tensor& y);

Metas infer_conv(const Node& node, const Metas& in);
std::vector<Tensor> run_conv(const Node& node, const Inputs& in, const Metas& out);
OpWork work_conv(const Node& node, const Metas& in, const Metas& out);

}  // namespace blsim
