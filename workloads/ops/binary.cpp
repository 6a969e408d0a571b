// SPDX-License-Identifier: MIT
#include "workloads/ops/binary.h"

#include "common/checked_math.h"

#include <Eigen/Core>

#include "workloads/ops/broadcast.h"

namespace blsim {
namespace {

BinaryOp binary_op(const Node& node) {
  if (node.op_type == "Add") return BinaryOp::kAdd;
  if (node.op_type == "Sub") return BinaryOp::kSub;
  if (node.op_type == "Mul") return BinaryOp::kMul;
  return BinaryOp::kDiv;
}

float apply(BinaryOp op, float a, float b) {
  switch (op) {
    case BinaryOp::kAdd:
      return a + b;
    case BinaryOp::kSub:
      return a - b;
    case BinaryOp::kMul:
      return a * b;
    case BinaryOp::kDiv:
      return a / b;
  }
  return 0.0f;
}

// Before opset 7, B broadcast only when broadcast=1, aligned to A at `axis` (default: the
// trailing dimensions); trailing 1s turn that into the numpy alignment.
Shape effective_b_shape(const Node& node, const Shape& a, const Shape& b) {
  if (node.opset >= 7) return b;
  if (node.attr_int("broadcast", 0) == 0) {
    if (a != b) {
      node.fail("A " + shape_text(a) + " and B " + shape_text(b) +
                " differ and attribute broadcast is 0");
    }
    return b;
  }
  if (!node.has("axis")) return b;
  const int64_t axis =
      normalize_axis(node, node.attr_int("axis", 0), static_cast<int64_t>(a.size()), "axis");
  if (axis + static_cast<int64_t>(b.size()) > static_cast<int64_t>(a.size())) {
    node.fail("B " + shape_text(b) + " does not fit A " + shape_text(a) + " at axis " +
              std::to_string(axis));
  }
  Shape padded = b;
  padded.resize(a.size() - static_cast<size_t>(axis), 1);
  return padded;
}

}  // namespace

void binary_forward(BinaryOp op, const Tensor& a, const Tensor& b, Tensor& y) {
  using Array = Eigen::Map<const Eigen::ArrayXf>;
  Eigen::Map<Eigen::ArrayXf> out(y.floats(), y.size());
  // Same shapes, or a scalar right operand: one vectorised Eigen expression.
  const auto whole = [&](const Array& x, const auto& z) {
    switch (op) {
      case BinaryOp::kAdd: out = x + z; return;
      case BinaryOp::kSub: out = x - z; return;
      case BinaryOp::kMul: out = x * z; return;
      case BinaryOp::kDiv: out = x / z; return;
    }
  };
  if (a.shape() == y.shape() && b.shape() == y.shape()) {
    whole(Array(a.floats(), a.size()), Array(b.floats(), b.size()));
    return;
  }
  if (a.shape() == y.shape() && b.size() == 1) {
    whole(Array(a.floats(), a.size()), b.floats()[0]);
    return;
  }
  const Shape& shape = y.shape();
  const Shape sa = broadcast_strides(a.shape(), shape);
  const Shape sb = broadcast_strides(b.shape(), shape);
  const size_t rank = shape.size();
  const int64_t inner = rank == 0 ? 1 : shape[rank - 1];
  const int64_t ia = rank == 0 ? 0 : sa[rank - 1];
  const int64_t ib = rank == 0 ? 0 : sb[rank - 1];
  Shape index(rank, 0);
  float* dst = y.floats();
  for (int64_t done = 0; done < y.size(); done += inner) {
    int64_t oa = 0, ob = 0;
    for (size_t d = 0; d + 1 < rank; ++d) {
      oa += index[d] * sa[d];
      ob += index[d] * sb[d];
    }
    for (int64_t j = 0; j < inner; ++j) {
      *dst++ = apply(op, a.floats()[oa + j * ia], b.floats()[ob + j * ib]);
    }
    for (size_t d = rank == 0 ? 0 : rank - 1; d-- > 0;) {  // odometer over all but the last dim
      if (++index[d] < shape[d]) break;
      index[d] = 0;
    }
  }
}

Metas infer_binary(const Node& node, const Metas& in) {
  require_inputs(node, in, 2, 2);
  const Shape& a = require_float(node, in, 0).shape;
  const Shape b = effective_b_shape(node, a, require_float(node, in, 1).shape);
  Shape y;
  if (!broadcast_shapes(a, b, &y)) {
    node.fail("shapes " + shape_text(a) + " and " + shape_text(b) + " do not broadcast");
  }
  return {float_meta(y)};
}

std::vector<Tensor> run_binary(const Node& node, const Inputs& in, const Metas& out) {
  Tensor y(out[0].shape);
  const Shape b_shape = effective_b_shape(node, in[0]->shape(), in[1]->shape());
  if (b_shape == in[1]->shape()) {
    binary_forward(binary_op(node), *in[0], *in[1], y);
  } else {
    binary_forward(binary_op(node), *in[0], in[1]->reshaped(b_shape), y);
  }
  std::vector<Tensor> result;
  result.push_back(std::move(y));
  return result;
}

OpWork work_binary(const Node&, const Metas&, const Metas& out) {
  OpWork work;
  work.kind = OpKind::kEltwise;
  work.flops = checked_unsigned(element_count(out[0].shape), "FLOPs");
  return work;
}

}  // namespace blsim
