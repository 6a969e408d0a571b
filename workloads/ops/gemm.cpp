// SPDX-License-Identifier: MIT
#include "workloads/ops/gemm.h"

#include "common/checked_math.h"

#include <Eigen/Core>

#include "workloads/ops/batch_invariant.h"
#include "workloads/ops/broadcast.h"

namespace blsim {
namespace {

using MapR = Eigen::Map<const MatrixR>;

struct GemmDims {
  int64_t m, k, n;
};

GemmDims gemm_dims(const Node& node, const Shape& a, const Shape& b) {
  const bool ta = node.attr_int("transA", 0) != 0;
  const bool tb = node.attr_int("transB", 0) != 0;
  const GemmDims d{ta ? a[1] : a[0], ta ? a[0] : a[1], tb ? b[0] : b[1]};
  const int64_t kb = tb ? b[1] : b[0];
  if (d.k != kb) {
    node.fail("A " + shape_text(a) + (ta ? " (transposed)" : "") + " and B " + shape_text(b) +
              (tb ? " (transposed)" : "") + " do not agree on K (" + std::to_string(d.k) + " vs " +
              std::to_string(kb) + ")");
  }
  return d;
}

// Matrix dimensions of a MatMul operand after 1-D promotion: rows, cols, batch dims.
struct MatOperand {
  int64_t rows, cols;
  Shape batch;
};

MatOperand mat_operand(const Shape& s, bool left) {
  if (s.size() == 1) return left ? MatOperand{1, s[0], {}} : MatOperand{s[0], 1, {}};
  return MatOperand{s[s.size() - 2], s[s.size() - 1], Shape(s.begin(), s.end() - 2)};
}

}  // namespace

void gemm_forward(const Tensor& a, const Tensor& b, const Tensor* c, bool trans_a, bool trans_b,
                  float alpha, float beta, Tensor& y) {
  const MapR ma(a.floats(), a.dim(0), a.dim(1));
  const MapR mb(b.floats(), b.dim(0), b.dim(1));
  Eigen::Map<MatrixR> my(y.floats(), y.dim(0), y.dim(1));
  if (trans_a && trans_b) {
    batch_invariant_product(ma.transpose(), mb.transpose(), my);
  } else if (trans_a) {
    batch_invariant_product(ma.transpose(), mb, my);
  } else if (trans_b) {
    batch_invariant_product(ma, mb.transpose(), my);
  } else {
    batch_invariant_product(ma, mb, my);
  }
  if (alpha != 1.0f) my *= alpha;
  if (c == nullptr || beta == 0.0f) return;
  const Shape strides = broadcast_strides(c->shape(), y.shape());
  const float* cv = c->floats();
  for (int64_t i = 0; i < y.dim(0); ++i) {
    for (int64_t j = 0; j < y.dim(1); ++j) my(i, j) += beta * cv[i * strides[0] + j * strides[1]];
  }
}

Metas infer_gemm(const Node& node, const Metas& in) {
  require_inputs(node, in, 2, 3);
  const Shape& a = require_float(node, in, 0, 2).shape;
  const Shape& b = require_float(node, in, 1, 2).shape;
  const GemmDims d = gemm_dims(node, a, b);
  if (in.size() > 2 && in[2].present) {
    const Shape& c = require_float(node, in, 2).shape;
    Shape common;
    if (c.size() > 2 || !broadcast_shapes(c, {d.m, d.n}, &common) || common != Shape{d.m, d.n}) {
      node.fail("C " + shape_text(c) + " does not broadcast to the output [" + std::to_string(d.m) +
                "," + std::to_string(d.n) + "]");
    }
  }
  return {float_meta({d.m, d.n})};
}

std::vector<Tensor> run_gemm(const Node& node, const Inputs& in, const Metas& out) {
  Tensor y(out[0].shape);
  gemm_forward(*in[0], *in[1], in.size() > 2 ? in[2] : nullptr, node.attr_int("transA", 0) != 0,
               node.attr_int("transB", 0) != 0, node.attr_float("alpha", 1.0f),
               node.attr_float("beta", 1.0f), y);
  std::vector<Tensor> result;
  result.push_back(std::move(y));
  return result;
}

OpWork work_gemm(const Node& node, const Metas& in, const Metas& out) {
  const GemmDims d = gemm_dims(node, in[0].shape, in[1].shape);
  OpWork work;
  work.kind = OpKind::kGemm;
  work.macs = checked_unsigned(checked_product({d.m, d.n, d.k}, "MACs"), "MACs");
  const bool add_c = in.size() > 2 && in[2].present && node.attr_float("beta", 1.0f) != 0.0f;
  work.flops = checked_add(checked_mul(uint64_t{2}, work.macs, "FLOPs"),
                           add_c ? checked_unsigned(element_count(out[0].shape), "outputs") : 0,
                           "FLOPs");
  return work;
}

Metas infer_matmul(const Node& node, const Metas& in) {
  require_inputs(node, in, 2, 2);
  const Shape& a = require_float(node, in, 0).shape;
  const Shape& b = require_float(node, in, 1).shape;
  if (a.empty() || b.empty()) node.fail("MatMul inputs must have rank >= 1");
  const MatOperand ma = mat_operand(a, true);
  const MatOperand mb = mat_operand(b, false);
  if (ma.cols != mb.rows) {
    node.fail("A " + shape_text(a) + " and B " + shape_text(b) + " do not agree on K");
  }
  Shape y;
  if (!broadcast_shapes(ma.batch, mb.batch, &y)) {
    node.fail("batch dimensions of A " + shape_text(a) + " and B " + shape_text(b) +
              " do not broadcast");
  }
  if (a.size() > 1) y.push_back(ma.rows);
  if (b.size() > 1) y.push_back(mb.cols);
  return {float_meta(y)};
}

std::vector<Tensor> run_matmul(const Node&, const Inputs& in, const Metas& out) {
  const Tensor& a = *in[0];
  const Tensor& b = *in[1];
  const MatOperand ma = mat_operand(a.shape(), true);
  const MatOperand mb = mat_operand(b.shape(), false);
  Shape batch;
  broadcast_shapes(ma.batch, mb.batch, &batch);
  const Shape sa = broadcast_strides(ma.batch, batch);
  const Shape sb = broadcast_strides(mb.batch, batch);
  const int64_t a_size = ma.rows * ma.cols;
  const int64_t b_size = mb.rows * mb.cols;
  const int64_t y_size = ma.rows * mb.cols;
  Tensor y(out[0].shape);
  Shape index(batch.size(), 0);
  for (int64_t i = 0; i < element_count(batch); ++i) {
    int64_t oa = 0, ob = 0;
    for (size_t d = 0; d < batch.size(); ++d) {
      oa += index[d] * sa[d];
      ob += index[d] * sb[d];
    }
    Eigen::Map<MatrixR> my(y.floats() + i * y_size, ma.rows, mb.cols);
    const MapR a_mat(a.floats() + oa * a_size, ma.rows, ma.cols);
    const MapR b_mat(b.floats() + ob * b_size, mb.rows, mb.cols);
    // Padded like Gemm, so that a row's result does not depend on its neighbours.
    batch_invariant_product(a_mat, b_mat, my);
    for (size_t d = batch.size(); d-- > 0;) {  // odometer over the batch dims
      if (++index[d] < batch[d]) break;
      index[d] = 0;
    }
  }
  std::vector<Tensor> result;
  result.push_back(std::move(y));
  return result;
}

OpWork work_matmul(const Node&, const Metas& in, const Metas& out) {
  const MatOperand ma = mat_operand(in[0].shape, true);
  OpWork work;
  work.kind = OpKind::kGemm;
  work.macs = checked_unsigned(checked_mul(element_count(out[0].shape), ma.cols, "MACs"), "MACs");
  work.flops = checked_mul(uint64_t{2}, work.macs, "FLOPs");
  return work;
}

}  // namespace blsim
