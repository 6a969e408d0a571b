// SPDX-License-Identifier: MIT
#include "workloads/ops/batch_norm.h"

#include "common/checked_math.h"

#include <cmath>

#include <Eigen/Core>

namespace blsim {

void batch_norm_forward(const Tensor& x, const Tensor& scale, const Tensor& bias,
                        const Tensor& mean, const Tensor& var, float epsilon, Tensor& y) {
  const int64_t batch = x.dim(0);
  const int64_t channels = x.dim(1);
  const int64_t plane = channels > 0 && batch > 0 ? x.size() / (batch * channels) : 0;
  for (int64_t c = 0; c < channels; ++c) {
    const float factor = scale.floats()[c] / std::sqrt(var.floats()[c] + epsilon);
    const float shift = bias.floats()[c] - mean.floats()[c] * factor;
    for (int64_t n = 0; n < batch; ++n) {
      const int64_t offset = (n * channels + c) * plane;
      Eigen::Map<Eigen::ArrayXf>(y.floats() + offset, plane) =
          Eigen::Map<const Eigen::ArrayXf>(x.floats() + offset, plane) * factor + shift;
    }
  }
}

void batch_statistics(const Tensor& x, Tensor& mean, Tensor& var) {
  const int64_t batch = x.dim(0);
  const int64_t channels = x.dim(1);
  const int64_t plane = channels > 0 && batch > 0 ? x.size() / (batch * channels) : 0;
  const auto count = static_cast<double>(batch * plane);
  for (int64_t c = 0; c < channels; ++c) {
    // Two passes in double: the variance of values far from zero keeps its digits.
    double sum = 0;
    for (int64_t n = 0; n < batch; ++n) {
      const float* p = x.floats() + (n * channels + c) * plane;
      for (int64_t i = 0; i < plane; ++i) sum += p[i];
    }
    const double m = count > 0 ? sum / count : 0.0;
    double squares = 0;
    for (int64_t n = 0; n < batch; ++n) {
      const float* p = x.floats() + (n * channels + c) * plane;
      for (int64_t i = 0; i < plane; ++i) squares += (p[i] - m) * (p[i] - m);
    }
    mean.floats()[c] = static_cast<float>(m);
    var.floats()[c] = static_cast<float>(count > 0 ? squares / count : 0.0);
  }
}

namespace {

bool training(const Node& node) {
  return node.opset >= 14 && node.attr_int("training_mode", 0) != 0;
}

}  // namespace

Metas infer_batch_norm(const Node& node, const Metas& in) {
  require_inputs(node, in, 5, 5);
  const Shape& x = require_float(node, in, 0).shape;
  if (x.size() < 2) node.fail("input X has shape " + shape_text(x) + ", expected [N,C,...]");
  if (node.opset < 9 && node.attr_int("spatial", 1) == 0) {
    node.fail("spatial 0 (per-element statistics) is not supported");
  }
  if (node.opset < 7 && node.has("is_test") && node.attr_int("is_test", 0) == 0) {
    node.fail("is_test 0 (training) is not supported");
  }
  // Before opset 14 the optional outputs themselves asked for training, with other semantics.
  const size_t max_outputs = training(node) ? 3 : 1;
  for (size_t i = max_outputs; i < node.outputs.size(); ++i) {
    if (!node.outputs[i].empty()) {
      node.fail(node.opset >= 14 ? "outputs running_mean/running_var need training_mode 1"
                                 : "the training outputs of opset < 14 are not supported");
    }
  }
  static const char* const names[] = {"X", "scale", "B", "mean", "var"};
  for (size_t i = 1; i < 5; ++i) {
    const Shape& s = require_float(node, in, i).shape;
    if (s != Shape{x[1]}) {
      node.fail(std::string("input ") + names[i] + " has shape " + shape_text(s) + ", expected [" +
                std::to_string(x[1]) + "]");
    }
  }
  if (!training(node)) return {float_meta(x)};
  return {float_meta(x), float_meta({x[1]}), float_meta({x[1]})};
}

std::vector<Tensor> run_batch_norm(const Node& node, const Inputs& in, const Metas& out) {
  Tensor y(out[0].shape);
  const float epsilon = node.attr_float("epsilon", 1e-5f);
  std::vector<Tensor> result;
  if (!training(node)) {
    batch_norm_forward(*in[0], *in[1], *in[2], *in[3], *in[4], epsilon, y);
    result.push_back(std::move(y));
    return result;
  }
  const int64_t channels = in[0]->dim(1);
  Tensor mean({channels}), var({channels});
  batch_statistics(*in[0], mean, var);
  batch_norm_forward(*in[0], *in[1], *in[2], mean, var, epsilon, y);
  const float momentum = node.attr_float("momentum", 0.9f);
  Tensor running_mean({channels}), running_var({channels});
  for (int64_t c = 0; c < channels; ++c) {
    running_mean.floats()[c] = in[3]->floats()[c] * momentum + mean.floats()[c] * (1 - momentum);
    running_var.floats()[c] = in[4]->floats()[c] * momentum + var.floats()[c] * (1 - momentum);
  }
  result.push_back(std::move(y));
  result.push_back(std::move(running_mean));
  result.push_back(std::move(running_var));
  return result;
}

OpWork work_batch_norm(const Node& node, const Metas&, const Metas& out) {
  OpWork work;
  work.kind = OpKind::kEltwise;
  work.macs = checked_unsigned(element_count(out[0].shape), "MACs");
  work.flops = checked_mul(uint64_t{training(node) ? 5u : 2u}, work.macs, "FLOPs");
  return work;
}

}  // namespace blsim
