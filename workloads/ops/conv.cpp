// SPDX-License-Identifier: MIT
#include "workloads/ops/conv.h"

#include <algorithm>

#include <Eigen/Core>

namespace blsim {
namespace {

using MatrixR = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

Shape spatial_of(const Shape& shape) { return Shape(shape.begin() + 2, shape.end()); }

// Smallest q with q * b >= a, for b > 0 and any sign of a.
int64_t ceil_div(int64_t a, int64_t b) { return a >= 0 ? (a + b - 1) / b : -((-a) / b); }

Window conv_window(const Node& node, const Shape& x, const Shape& w) {
  return read_window(node, spatial_of(x), spatial_of(w), /*ceil_mode=*/false);
}

// Unrolls channels [c0, c0 + channels) of one sample into col: one row per (channel, kernel
// offset) in the weights' order, one column per output position; padding reads as zero.
void im2col(const Window3& w, const float* x, int64_t channels, float* col) {
  for (int64_t c = 0; c < channels; ++c) {
    const float* xc = x + c * w.in_size();
    for (int64_t kd = 0; kd < w.kernel[0]; ++kd) {
      for (int64_t kh = 0; kh < w.kernel[1]; ++kh) {
        for (int64_t kw = 0; kw < w.kernel[2]; ++kw) {
          for (int64_t od = 0; od < w.out[0]; ++od) {
            const int64_t id = od * w.stride[0] - w.pad_begin[0] + kd * w.dilation[0];
            const bool d_in = id >= 0 && id < w.in[0];
            // Output columns [lo, hi) read inside the input row; the rest read padding.
            const int64_t shift = kw * w.dilation[2] - w.pad_begin[2];
            const int64_t lo = std::clamp<int64_t>(ceil_div(-shift, w.stride[2]), 0, w.out[2]);
            const int64_t hi =
                std::clamp<int64_t>(ceil_div(w.in[2] - shift, w.stride[2]), lo, w.out[2]);
            for (int64_t oh = 0; oh < w.out[1]; ++oh) {
              const int64_t ih = oh * w.stride[1] - w.pad_begin[1] + kh * w.dilation[1];
              if (!d_in || ih < 0 || ih >= w.in[1]) {
                std::fill(col, col + w.out[2], 0.0f);
                col += w.out[2];
                continue;
              }
              const float* row = xc + (id * w.in[1] + ih) * w.in[2] + shift;
              std::fill(col, col + lo, 0.0f);
              if (w.stride[2] == 1) {
                std::copy(row + lo, row + hi, col + lo);
              } else {
                for (int64_t ow = lo; ow < hi; ++ow) col[ow] = row[ow * w.stride[2]];
              }
              std::fill(col + hi, col + w.out[2], 0.0f);
              col += w.out[2];
            }
          }
        }
      }
    }
  }
}

bool is_pointwise(const Window3& w) {
  for (int d = 0; d < 3; ++d) {
    if (w.kernel[d] != 1 || w.stride[d] != 1 || w.pad_begin[d] != 0 || w.pad_end[d] != 0) {
      return false;
    }
  }
  return true;
}

}  // namespace

void conv_forward(const Window3& window, int64_t group, const Tensor& x, const Tensor& w,
                  const Tensor* b, Tensor& y) {
  const int64_t batch = x.dim(0);
  const int64_t in_channels = x.dim(1);
  const int64_t out_channels = w.dim(0);
  const int64_t group_in = in_channels / group;
  const int64_t group_out = out_channels / group;
  const int64_t rows = group_in * window.kernel_size();
  const int64_t positions = window.out_size();
  // A 1x1 kernel with unit stride and no padding reads the input as its own column matrix.
  const bool pointwise = is_pointwise(window);
  MatrixR col(pointwise ? 0 : rows, pointwise ? 0 : positions);
  for (int64_t n = 0; n < batch; ++n) {
    for (int64_t g = 0; g < group; ++g) {
      const float* xg = x.floats() + (n * in_channels + g * group_in) * window.in_size();
      float* yg = y.floats() + (n * out_channels + g * group_out) * positions;
      Eigen::Map<const MatrixR> wg(w.floats() + g * group_out * rows, group_out, rows);
      Eigen::Map<MatrixR> out(yg, group_out, positions);
      if (pointwise) {
        out.noalias() = wg * Eigen::Map<const MatrixR>(xg, rows, positions);
      } else {
        im2col(window, xg, group_in, col.data());
        out.noalias() = wg * col;
      }
      if (b != nullptr) {
        out.colwise() += Eigen::Map<const Eigen::VectorXf>(b->floats() + g * group_out, group_out);
      }
    }
  }
}

Metas infer_conv(const Node& node, const Metas& in) {
  require_inputs(node, in, 2, 3);
  const Shape& x = require_float(node, in, 0).shape;
  if (x.size() < 3) node.fail("input X has shape " + shape_text(x) + ", expected [N,C,spatial]");
  const Shape& w = require_float(node, in, 1, static_cast<int>(x.size())).shape;
  const int64_t group = node.attr_int("group", 1);
  if (group <= 0 || x[1] % group != 0 || w[0] % group != 0) {
    node.fail("group " + std::to_string(group) + " does not divide the input channels (" +
              std::to_string(x[1]) + ") and output channels (" + std::to_string(w[0]) + ")");
  }
  if (w[1] * group != x[1]) {
    node.fail("weights " + shape_text(w) + " expect " + std::to_string(w[1] * group) +
              " input channels, X " + shape_text(x) + " has " + std::to_string(x[1]));
  }
  if (in.size() > 2 && in[2].present) {
    const Shape& b = require_float(node, in, 2, 1).shape;
    if (b[0] != w[0]) {
      node.fail("bias " + shape_text(b) + " does not match " + std::to_string(w[0]) +
                " output channels");
    }
  }
  const Window window = conv_window(node, x, w);
  to_window3(node, window, spatial_of(x));  // checks the spatial rank
  Shape y = {x[0], w[0]};
  y.insert(y.end(), window.output.begin(), window.output.end());
  return {float_meta(y)};
}

std::vector<Tensor> run_conv(const Node& node, const Inputs& in, const Metas& out) {
  const Tensor& x = *in[0];
  const Tensor& w = *in[1];
  const Window window = conv_window(node, x.shape(), w.shape());
  Tensor y(out[0].shape);
  conv_forward(to_window3(node, window, spatial_of(x.shape())), node.attr_int("group", 1), x, w,
               in.size() > 2 ? in[2] : nullptr, y);
  std::vector<Tensor> result;
  result.push_back(std::move(y));
  return result;
}

OpWork work_conv(const Node& node, const Metas& in, const Metas& out) {
  const Shape& x = in[0].shape;
  const Shape& w = in[1].shape;
  const int64_t group = node.attr_int("group", 1);
  const auto outputs = static_cast<uint64_t>(element_count(out[0].shape));
  // Each output sums over one group's input channels times the kernel volume.
  const auto per_output = static_cast<uint64_t>(element_count(w) / w[0]);
  OpWork work;
  work.kind = group > 1 && group == x[1] ? OpKind::kDepthwise : OpKind::kConv;
  work.macs = outputs * per_output;
  const bool bias = in.size() > 2 && in[2].present;
  work.flops = 2 * work.macs + (bias ? outputs : 0);
  return work;
}

}  // namespace blsim
