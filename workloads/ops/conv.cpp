// SPDX-License-Identifier: MIT
#include "workloads/ops/conv.h"

#include "common/checked_math.h"

#include <algorithm>
#include <vector>

#include <Eigen/Core>

#include "workloads/ops/batch_invariant.h"

namespace blsim {
namespace {

Shape spatial_of(const Shape& shape) { return Shape(shape.begin() + 2, shape.end()); }

// Smallest q with q * b >= a, for b > 0 and any sign of a.
int64_t ceil_div(int64_t a, int64_t b) { return a >= 0 ? (a + b - 1) / b : -((-a) / b); }

Window conv_window(const Node& node, const Shape& x, const Shape& w) {
  return read_window(node, spatial_of(x), spatial_of(w), /*ceil_mode=*/false);
}

// Unrolls output positions [p0, p0 + count) of `channels` channels of one sample into columns
// [0, count) of col (rows of `ld` floats): one row per (channel, kernel offset) in the weights'
// order; padding reads as zero.
void im2col(const Window3& w, const float* x, int64_t channels, int64_t p0, int64_t count,
            float* col, int64_t ld) {
  const int64_t plane_out = w.out[1] * w.out[2];
  for (int64_t c = 0; c < channels; ++c) {
    const float* xc = x + c * w.in_size();
    for (int64_t kd = 0; kd < w.kernel[0]; ++kd) {
      for (int64_t kh = 0; kh < w.kernel[1]; ++kh) {
        for (int64_t kw = 0; kw < w.kernel[2]; ++kw, col += ld) {
          // Output columns [lo, hi) of a row read inside the input row; the rest read padding.
          const int64_t shift = kw * w.dilation[2] - w.pad_begin[2];
          const int64_t lo = std::clamp<int64_t>(ceil_div(-shift, w.stride[2]), 0, w.out[2]);
          const int64_t hi =
              std::clamp<int64_t>(ceil_div(w.in[2] - shift, w.stride[2]), lo, w.out[2]);
          // Walk the positions one output row (od, oh) segment at a time.
          for (int64_t done = 0; done < count;) {
            const int64_t p = p0 + done;
            const int64_t od = p / plane_out;
            const int64_t oh = (p / w.out[2]) % w.out[1];
            const int64_t ow0 = p % w.out[2];
            const int64_t ow1 = std::min(w.out[2], ow0 + count - done);
            float* dst = col + done - ow0;  // dst[ow] is the column of position (od, oh, ow)
            done += ow1 - ow0;
            const int64_t id = od * w.stride[0] - w.pad_begin[0] + kd * w.dilation[0];
            const int64_t ih = oh * w.stride[1] - w.pad_begin[1] + kh * w.dilation[1];
            if (id < 0 || id >= w.in[0] || ih < 0 || ih >= w.in[1]) {
              std::fill(dst + ow0, dst + ow1, 0.0f);
              continue;
            }
            const float* row = xc + (id * w.in[1] + ih) * w.in[2] + shift;
            const int64_t a = std::max(ow0, lo), b = std::min(ow1, hi);
            if (a >= b) {
              std::fill(dst + ow0, dst + ow1, 0.0f);
              continue;
            }
            std::fill(dst + ow0, dst + a, 0.0f);
            if (w.stride[2] == 1) {
              std::copy(row + a, row + b, dst + a);
            } else {
              for (int64_t ow = a; ow < b; ++ow) dst[ow] = row[ow * w.stride[2]];
            }
            std::fill(dst + b, dst + ow1, 0.0f);
          }
        }
      }
    }
  }
}

// Output positions of the whole batch per GEMM call: about 1 MB of unrolled input (480 columns
// of a 3x3 conv over 64 channels), so the chunk is still in cache when the GEMM packs it.
int64_t chunk_columns(int64_t rows) {
  constexpr int64_t kChunkFloats = 1 << 18;
  constexpr int64_t kMaxColumns = 1536;
  return std::min(batch_invariant_columns(std::max<int64_t>(kChunkFloats / rows, 1)), kMaxColumns);
}

// Consecutive output positions [position, position + count) of one sample, held by columns
// [column, column + count) of a chunk.
struct Segment {
  int64_t sample, position, count, column;
};

// The samples' runs of positions among batch columns [first, first + count).
std::vector<Segment> segments_of(int64_t first, int64_t count, int64_t positions) {
  std::vector<Segment> runs;
  for (int64_t done = 0; done < count;) {
    const int64_t p = (first + done) % positions;
    const int64_t take = std::min(positions - p, count - done);
    runs.push_back({(first + done) / positions, p, take, done});
    done += take;
  }
  return runs;
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
  const int64_t total = batch * positions;  // output columns of the whole batch
  const int64_t chunk = std::min(chunk_columns(rows), batch_invariant_columns(total));
  MatrixR col_data(rows, chunk);  // uninitialised: every call fills the columns it multiplies
  MatrixR out_data(group_out, chunk);
  for (int64_t g = 0; g < group; ++g) {
    Eigen::Map<const MatrixR> wg(w.floats() + g * group_out * rows, group_out, rows);
    for (int64_t c0 = 0; c0 < total; c0 += chunk) {
      // Columns may span samples; zero columns pad the call as batch_invariant.h explains, so
      // each column's arithmetic is independent of the batch.
      const int64_t count = std::min(chunk, total - c0);
      const int64_t width = batch_invariant_columns(count);
      Eigen::Map<MatrixR> col(col_data.data(), rows, width);
      Eigen::Map<MatrixR> out(out_data.data(), group_out, width);
      const std::vector<Segment> runs = segments_of(c0, count, positions);
      for (const Segment& r : runs) {
        const float* xg = x.floats() + (r.sample * in_channels + g * group_in) * window.in_size();
        im2col(window, xg, group_in, r.position, r.count, col.data() + r.column, width);
      }
      col.rightCols(width - count).setZero();
      out.noalias() = wg * col;
      if (b != nullptr) {
        out.colwise() += Eigen::Map<const Eigen::VectorXf>(b->floats() + g * group_out, group_out);
      }
      for (const Segment& r : runs) {
        float* yg = y.floats() + (r.sample * out_channels + g * group_out) * positions + r.position;
        Eigen::Map<MatrixR, 0, Eigen::OuterStride<>>(yg, group_out, r.count,
                                                     Eigen::OuterStride<>(positions)) =
            out.middleCols(r.column, r.count);
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
  const uint64_t outputs = checked_unsigned(element_count(out[0].shape), "outputs");
  // Each output sums over one group's input channels times the kernel volume.
  const uint64_t per_output =
      w[0] > 0 ? checked_unsigned(element_count(w) / w[0], "kernel volume") : 0;
  OpWork work;
  work.kind = group > 1 && group == x[1] ? OpKind::kDepthwise : OpKind::kConv;
  work.macs = checked_mul(outputs, per_output, "MACs");
  const bool bias = in.size() > 2 && in[2].present;
  work.flops = checked_add(checked_mul(uint64_t{2}, work.macs, "FLOPs"), bias ? outputs : 0,
                           "FLOPs");
  return work;
}

}  // namespace blsim
