// SPDX-License-Identifier: MIT
#include "workloads/train/conv_layer.h"

#include <Eigen/Core>

#include <cmath>
#include <stdexcept>

#include "workloads/datasets/rng.h"

namespace blsim {
namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MatrixMap = Eigen::Map<RowMatrix>;
using ConstMatrixMap = Eigen::Map<const RowMatrix>;

}  // namespace

ConvLayer::ConvLayer(std::string name, int64_t in_channels, int64_t out_channels, int64_t kernel,
                     int64_t stride, int64_t pad, int64_t group)
    : Layer(std::move(name)),
      in_channels_(in_channels),
      out_channels_(out_channels),
      kernel_(kernel),
      stride_(stride),
      pad_(pad),
      group_(group) {
  if (group <= 0 || in_channels % group != 0 || out_channels % group != 0) {
    throw std::invalid_argument(this->name() + ": group must divide the input and output channels");
  }
  const int64_t in_per_group = in_channels / group;
  weight_.name = this->name() + ".weight";
  weight_.shape = {out_channels, in_per_group, kernel, kernel};
  weight_.value.assign(static_cast<size_t>(out_channels * in_per_group * kernel * kernel), 0.0f);
  weight_.grad = weight_.value;
  weight_.decays = true;
  bias_.name = this->name() + ".bias";
  bias_.shape = {out_channels};
  bias_.value.assign(static_cast<size_t>(out_channels), 0.0f);
  bias_.grad = bias_.value;
}

void ConvLayer::init(SplitMix64& rng) {
  const double fan_in = static_cast<double>(in_channels_ / group_ * kernel_ * kernel_);
  const double limit = std::sqrt(6.0 / fan_in);
  for (float& w : weight_.value) w = static_cast<float>(rng.uniform(-limit, limit));
  std::fill(bias_.value.begin(), bias_.value.end(), 0.0f);
}

std::vector<int64_t> ConvLayer::output_shape(const std::vector<int64_t>& in) const {
  if (in.size() != 3 || in[0] != in_channels_) {
    throw std::invalid_argument(name() + ": expects [" + std::to_string(in_channels_) +
                                ",H,W] input");
  }
  const int64_t oh = (in[1] + 2 * pad_ - kernel_) / stride_ + 1;
  const int64_t ow = (in[2] + 2 * pad_ - kernel_) / stride_ + 1;
  if (oh <= 0 || ow <= 0) throw std::invalid_argument(name() + ": input smaller than kernel");
  return {out_channels_, oh, ow};
}

uint64_t ConvLayer::macs(const std::vector<int64_t>& in) const {
  const auto out = output_shape(in);
  return static_cast<uint64_t>(out[0] * out[1] * out[2] * (in_channels_ / group_) * kernel_ *
                               kernel_);
}

// cols is (C*K*K) x (OH*OW), row-major; padding reads as zero.
void ConvLayer::im2col(const float* image, int64_t h, int64_t w, float* cols) const {
  const int64_t positions = out_h_ * out_w_;
  for (int64_t c = 0; c < in_channels_; ++c) {
    for (int64_t kh = 0; kh < kernel_; ++kh) {
      for (int64_t kw = 0; kw < kernel_; ++kw) {
        float* row = cols + ((c * kernel_ + kh) * kernel_ + kw) * positions;
        for (int64_t oh = 0; oh < out_h_; ++oh) {
          const int64_t y = oh * stride_ - pad_ + kh;
          for (int64_t ow = 0; ow < out_w_; ++ow) {
            const int64_t x = ow * stride_ - pad_ + kw;
            row[oh * out_w_ + ow] =
                (y >= 0 && y < h && x >= 0 && x < w) ? image[(c * h + y) * w + x] : 0.0f;
          }
        }
      }
    }
  }
}

void ConvLayer::col2im(const float* cols, int64_t h, int64_t w, float* image) const {
  const int64_t positions = out_h_ * out_w_;
  std::fill(image, image + in_channels_ * h * w, 0.0f);
  for (int64_t c = 0; c < in_channels_; ++c) {
    for (int64_t kh = 0; kh < kernel_; ++kh) {
      for (int64_t kw = 0; kw < kernel_; ++kw) {
        const float* row = cols + ((c * kernel_ + kh) * kernel_ + kw) * positions;
        for (int64_t oh = 0; oh < out_h_; ++oh) {
          const int64_t y = oh * stride_ - pad_ + kh;
          if (y < 0 || y >= h) continue;
          for (int64_t ow = 0; ow < out_w_; ++ow) {
            const int64_t x = ow * stride_ - pad_ + kw;
            if (x >= 0 && x < w) image[(c * h + y) * w + x] += row[oh * out_w_ + ow];
          }
        }
      }
    }
  }
}

void ConvLayer::forward(const Activations& in, Activations& out, bool training) {
  const auto out_shape = output_shape({in.shape[1], in.shape[2], in.shape[3]});
  const int64_t n = in.batch(), h = in.shape[2], w = in.shape[3];
  out_h_ = out_shape[1];
  out_w_ = out_shape[2];
  out.resize({n, out_channels_, out_h_, out_w_});
  const int64_t patch = in_channels_ * kernel_ * kernel_, positions = out_h_ * out_w_;
  std::vector<float> scratch;
  if (training) {
    cols_.resize(static_cast<size_t>(n * patch * positions));
  } else {
    scratch.resize(static_cast<size_t>(patch * positions));
  }
  // Group g maps rows [g*gp, (g+1)*gp) of the patches to output channels [g*go, (g+1)*go).
  const int64_t gp = patch / group_, go = out_channels_ / group_;
  const ConstMatrixMap weight(weight_.value.data(), out_channels_, gp);
  const Eigen::Map<const Eigen::VectorXf> bias(bias_.value.data(), out_channels_);
  for (int64_t s = 0; s < n; ++s) {
    float* cols = training ? cols_.data() + s * patch * positions : scratch.data();
    im2col(in.data.data() + s * in.per_sample(), h, w, cols);
    const ConstMatrixMap all_cols(cols, patch, positions);
    MatrixMap y(out.data.data() + s * out_channels_ * positions, out_channels_, positions);
    for (int64_t g = 0; g < group_; ++g) {
      y.middleRows(g * go, go).noalias() =
          weight.middleRows(g * go, go) * all_cols.middleRows(g * gp, gp);
    }
    y.colwise() += bias;
  }
}

void ConvLayer::backward(const Activations& in, const Activations& grad_out,
                         Activations& grad_in) {
  const int64_t n = in.batch(), h = in.shape[2], w = in.shape[3];
  const int64_t patch = in_channels_ * kernel_ * kernel_, positions = out_h_ * out_w_;
  grad_in.resize(in.shape);
  const int64_t gp = patch / group_, go = out_channels_ / group_;
  const ConstMatrixMap weight(weight_.value.data(), out_channels_, gp);
  MatrixMap weight_grad(weight_.grad.data(), out_channels_, gp);
  Eigen::Map<Eigen::VectorXf> bias_grad(bias_.grad.data(), out_channels_);
  RowMatrix grad_cols(patch, positions);
  for (int64_t s = 0; s < n; ++s) {
    const ConstMatrixMap dy(grad_out.data.data() + s * out_channels_ * positions, out_channels_,
                            positions);
    const ConstMatrixMap cols(cols_.data() + s * patch * positions, patch, positions);
    for (int64_t g = 0; g < group_; ++g) {
      const auto dy_g = dy.middleRows(g * go, go);
      weight_grad.middleRows(g * go, go).noalias() += dy_g * cols.middleRows(g * gp, gp).transpose();
      grad_cols.middleRows(g * gp, gp).noalias() = weight.middleRows(g * go, go).transpose() * dy_g;
    }
    bias_grad += dy.rowwise().sum();
    col2im(grad_cols.data(), h, w, grad_in.data.data() + s * in.per_sample());
  }
}

}  // namespace blsim
