// SPDX-License-Identifier: MIT
#include "workloads/train/shape_layers.h"

#include <stdexcept>

namespace blsim {

void ReluLayer::forward(const Activations& in, Activations& out, bool) {
  out.resize(in.shape);
  for (size_t i = 0; i < in.data.size(); ++i) out.data[i] = in.data[i] > 0.0f ? in.data[i] : 0.0f;
}

void ReluLayer::backward(const Activations& in, const Activations& grad_out,
                         Activations& grad_in) {
  grad_in.resize(in.shape);
  for (size_t i = 0; i < in.data.size(); ++i) {
    grad_in.data[i] = in.data[i] > 0.0f ? grad_out.data[i] : 0.0f;
  }
}

std::vector<int64_t> MaxPoolLayer::output_shape(const std::vector<int64_t>& in) const {
  if (in.size() != 3 || in[1] < kernel_ || in[2] < kernel_) {
    throw std::invalid_argument(name() + ": expects a [C,H,W] input at least as large as the "
                                         "window");
  }
  return {in[0], (in[1] - kernel_) / stride_ + 1, (in[2] - kernel_) / stride_ + 1};
}

void MaxPoolLayer::forward(const Activations& in, Activations& out, bool training) {
  const auto os = output_shape({in.shape[1], in.shape[2], in.shape[3]});
  const int64_t planes = in.batch() * in.shape[1], h = in.shape[2], w = in.shape[3];
  const int64_t oh_count = os[1], ow_count = os[2];
  out.resize({in.batch(), os[0], os[1], os[2]});
  if (training) argmax_.resize(out.data.size());
  for (int64_t p = 0; p < planes; ++p) {
    const int64_t plane = p * h * w;
    for (int64_t oh = 0; oh < oh_count; ++oh) {
      for (int64_t ow = 0; ow < ow_count; ++ow) {
        int64_t best = plane + oh * stride_ * w + ow * stride_;
        for (int64_t kh = 0; kh < kernel_; ++kh) {
          for (int64_t kw = 0; kw < kernel_; ++kw) {
            const int64_t at = plane + (oh * stride_ + kh) * w + ow * stride_ + kw;
            if (in.data[static_cast<size_t>(at)] > in.data[static_cast<size_t>(best)]) best = at;
          }
        }
        const size_t o = static_cast<size_t>((p * oh_count + oh) * ow_count + ow);
        out.data[o] = in.data[static_cast<size_t>(best)];
        if (training) argmax_[o] = best;
      }
    }
  }
}

void MaxPoolLayer::backward(const Activations& in, const Activations& grad_out,
                            Activations& grad_in) {
  grad_in.resize(in.shape);
  std::fill(grad_in.data.begin(), grad_in.data.end(), 0.0f);
  for (size_t o = 0; o < grad_out.data.size(); ++o) {
    grad_in.data[static_cast<size_t>(argmax_[o])] += grad_out.data[o];
  }
}

std::vector<int64_t> FlattenLayer::output_shape(const std::vector<int64_t>& in) const {
  int64_t n = 1;
  for (const int64_t d : in) n *= d;
  return {n};
}

void FlattenLayer::forward(const Activations& in, Activations& out, bool) {
  out.shape = {in.batch(), in.per_sample()};
  out.data = in.data;
}

void FlattenLayer::backward(const Activations& in, const Activations& grad_out,
                            Activations& grad_in) {
  grad_in.shape = in.shape;
  grad_in.data = grad_out.data;
}

}  // namespace blsim
