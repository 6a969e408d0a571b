// SPDX-License-Identifier: MIT
#include "workloads/ops/activation.h"

#include "common/checked_math.h"

#include <cmath>
#include <limits>

#include <Eigen/Core>

namespace blsim {
namespace {

uint64_t flops_per_element(const std::string& op) {
  if (op == "Relu") return 1;
  if (op == "LeakyRelu" || op == "Clip") return 2;
  if (op == "Elu" || op == "Sigmoid") return 3;
  return 5;  // Tanh
}

// Clip bounds: attributes before opset 11, optional scalar inputs 1 and 2 since.
void clip_bounds(const Node& node, const Inputs& in, float* lo, float* hi) {
  *lo = -std::numeric_limits<float>::infinity();
  *hi = std::numeric_limits<float>::infinity();
  if (node.opset < 11) {
    *lo = node.attr_float("min", *lo);
    *hi = node.attr_float("max", *hi);
    return;
  }
  if (in.size() > 1 && in[1] != nullptr) *lo = in[1]->floats()[0];
  if (in.size() > 2 && in[2] != nullptr) *hi = in[2]->floats()[0];
}

}  // namespace

Metas infer_activation(const Node& node, const Metas& in) {
  const bool clip_inputs = node.op_type == "Clip" && node.opset >= 11;
  require_inputs(node, in, 1, clip_inputs ? 3 : 1);
  const Shape& x = require_float(node, in, 0).shape;
  for (size_t i = 1; i < in.size(); ++i) {
    if (in[i].present && element_count(require_float(node, in, i).shape) != 1) {
      node.fail("input " + std::to_string(i) + " (" + (i == 1 ? "min" : "max") +
                ") must be a scalar, got " + shape_text(in[i].shape));
    }
  }
  return {float_meta(x)};
}

std::vector<Tensor> run_activation(const Node& node, const Inputs& in, const Metas& out) {
  Tensor y(out[0].shape);
  const Eigen::Map<const Eigen::ArrayXf> x(in[0]->floats(), in[0]->size());
  Eigen::Map<Eigen::ArrayXf> r(y.floats(), y.size());
  const std::string& op = node.op_type;
  if (op == "Relu") {
    r = x.max(0.0f);
  } else if (op == "LeakyRelu") {
    const float alpha = node.attr_float("alpha", 0.01f);
    r = (x >= 0.0f).select(x, alpha * x);
  } else if (op == "Elu") {
    const float alpha = node.attr_float("alpha", 1.0f);
    r = (x >= 0.0f).select(x, alpha * (x.exp() - 1.0f));
  } else if (op == "Sigmoid") {
    // exp(-|x|) never overflows, so large inputs of either sign stay exact.
    const Eigen::ArrayXf e = (-x.abs()).exp();
    r = (x >= 0.0f).select(1.0f / (1.0f + e), e / (1.0f + e));
  } else if (op == "Tanh") {
    r = x.tanh();
  } else {
    float lo, hi;
    clip_bounds(node, in, &lo, &hi);
    r = x.max(lo).min(hi);
  }
  std::vector<Tensor> result;
  result.push_back(std::move(y));
  return result;
}

OpWork work_activation(const Node& node, const Metas&, const Metas& out) {
  OpWork work;
  work.kind = OpKind::kEltwise;
  work.flops = checked_mul(flops_per_element(node.op_type),
                           checked_unsigned(element_count(out[0].shape), "outputs"), "FLOPs");
  return work;
}

}  // namespace blsim
