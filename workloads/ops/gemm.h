// SPDX-License-Identifier: MIT
// Gemm (Y = alpha*A'*B' + beta*C, C broadcast) and MatMul (numpy matmul, batch broadcasting,
// 1-D promotion) through Eigen's GEMM, the rows (samples) padded as batch_invariant.h explains so
// that a sample's result never depends on the batch it runs in. A MAC is 2 FLOPs; adding C is
// one FLOP per output.
#pragma once

#include "workloads/ops/op.h"

namespace blsim {

// a: [M, K] (or [K, M] with trans_a), b: [K, N] (or [N, K] with trans_b), c broadcastable to
// [M, N] or nullptr, y: [M, N].
void gemm_forward(const Tensor& a, const Tensor& b, const Tensor* c, bool trans_a, bool trans_b,
                  float alpha, float beta, Tensor& y);

Metas infer_gemm(const Node& node, const Metas& in);
std::vector<Tensor> run_gemm(const Node& node, const Inputs& in, const Metas& out);
OpWork work_gemm(const Node& node, const Metas& in, const Metas& out);

Metas infer_matmul(const Node& node, const Metas& in);
std::vector<Tensor> run_matmul(const Node& node, const Inputs& in, const Metas& out);
OpWork work_matmul(const Node& node, const Metas& in, const Metas& out);

}  // namespace blsim
