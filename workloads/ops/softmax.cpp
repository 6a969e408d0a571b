// SPDX-License-Identifier: MIT
#include "workloads/ops/softmax.h"

#include "common/checked_math.h"

#include <algorithm>
#include <cmath>

namespace blsim {
namespace {

struct SoftmaxView {
  int64_t outer, length, inner;
};

SoftmaxView softmax_view(const Node& node, const Shape& x) {
  const auto rank = static_cast<int64_t>(x.size());
  const bool legacy = node.opset < 13;
  const int64_t axis = normalize_axis(node, node.attr_int("axis", legacy ? 1 : -1),
                                      std::max<int64_t>(rank, 1), "axis");
  SoftmaxView v{1, 1, 1};
  for (int64_t d = 0; d < rank; ++d) {
    if (d < axis) {
      v.outer *= x[d];
    } else if (d == axis || legacy) {
      v.length *= x[d];
    } else {
      v.inner *= x[d];
    }
  }
  return v;
}

}  // namespace

void softmax_forward(const Tensor& x, int64_t outer, int64_t length, int64_t inner, bool log,
                     Tensor& y) {
  const float* in = x.floats();
  float* out = y.floats();
  for (int64_t o = 0; o < outer; ++o) {
    for (int64_t i = 0; i < inner; ++i) {
      const int64_t base = o * length * inner + i;
      float max = in[base];
      for (int64_t k = 1; k < length; ++k) max = std::max(max, in[base + k * inner]);
      double sum = 0;
      for (int64_t k = 0; k < length; ++k) {
        const float e = std::exp(in[base + k * inner] - max);
        out[base + k * inner] = e;
        sum += e;
      }
      if (log) {
        const auto log_sum = static_cast<float>(std::log(sum));
        for (int64_t k = 0; k < length; ++k) {
          out[base + k * inner] = in[base + k * inner] - max - log_sum;
        }
      } else {
        const auto scale = static_cast<float>(1.0 / sum);
        for (int64_t k = 0; k < length; ++k) out[base + k * inner] *= scale;
      }
    }
  }
}

Metas infer_softmax(const Node& node, const Metas& in) {
  require_inputs(node, in, 1, 1);
  const Shape& x = require_float(node, in, 0).shape;
  softmax_view(node, x);  // checks the axis
  return {float_meta(x)};
}

std::vector<Tensor> run_softmax(const Node& node, const Inputs& in, const Metas& out) {
  const SoftmaxView v = softmax_view(node, in[0]->shape());
  Tensor y(out[0].shape);
  if (v.length > 0) {
    softmax_forward(*in[0], v.outer, v.length, v.inner, node.op_type == "LogSoftmax", y);
  }
  std::vector<Tensor> result;
  result.push_back(std::move(y));
  return result;
}

OpWork work_softmax(const Node&, const Metas&, const Metas& out) {
  OpWork work;
  work.kind = OpKind::kSoftmax;
  work.flops = checked_mul(uint64_t{5}, checked_unsigned(element_count(out[0].shape), "outputs"),
                           "FLOPs");
  return work;
}

}  // namespace blsim
