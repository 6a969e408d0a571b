// SPDX-License-Identifier: MIT
#include "workloads/ops/pool.h"

#include "common/checked_math.h"

#include <algorithm>
#include <limits>
#include <vector>

#include <Eigen/Core>

namespace blsim {
namespace {

Shape spatial_of(const Shape& shape) { return Shape(shape.begin() + 2, shape.end()); }

bool is_max(const Node& node) {
  return node.op_type == "MaxPool" || node.op_type == "GlobalMaxPool";
}

Window pool_window(const Node& node, const Shape& x) {
  return read_window(node, spatial_of(x), {}, node.attr_int("ceil_mode", 0) != 0);
}

PoolMode pool_mode(const Node& node) {
  if (is_max(node)) return PoolMode::kMax;
  return node.attr_int("count_include_pad", 0) != 0 ? PoolMode::kAverageIncludePad
                                                    : PoolMode::kAverage;
}

// Where the window of each output index of one dimension starts in the input, which of its
// kernel offsets [lo, hi) land inside the input, and its divisor share with count_include_pad.
struct AxisWindows {
  std::vector<int64_t> start, lo, hi, padded;
};

AxisWindows axis_windows(const Window3& w, int d) {
  AxisWindows a;
  const int64_t dil = w.dilation[d];
  for (int64_t o = 0; o < w.out[d]; ++o) {
    const int64_t start = o * w.stride[d] - w.pad_begin[d];
    const int64_t lo = start >= 0 ? 0 : (-start + dil - 1) / dil;
    const int64_t hi =
        start >= w.in[d] ? 0 : std::min<int64_t>(w.kernel[d], (w.in[d] - start + dil - 1) / dil);
    // count_include_pad counts the window clipped to the padded input, not to the input.
    const int64_t end = std::min(start + (w.kernel[d] - 1) * dil + 1, w.in[d] + w.pad_end[d]);
    a.start.push_back(start);
    a.lo.push_back(lo);
    a.hi.push_back(std::max(hi, lo));
    a.padded.push_back((end - start + dil - 1) / dil);
  }
  return a;
}

// Row-major flat spatial index -> column-major (first spatial dimension fastest).
int64_t column_major_index(const Window3& w, int64_t row_major) {
  const int64_t i2 = row_major % w.in[2];
  const int64_t i1 = (row_major / w.in[2]) % w.in[1];
  const int64_t i0 = row_major / (w.in[2] * w.in[1]);
  return i0 + w.in[0] * (i1 + w.in[1] * i2);
}

// With kIndices, `indices` receives where each max was read: the flat index into the whole
// input, its spatial part in row-major (or column-major) order; the first of equal maxima wins.
template <PoolMode kMode, bool kIndices>
void pool_planes(const Window3& w, const float* in, int64_t planes, float* out, int64_t* indices,
                 bool column_major) {
  const AxisWindows ax[3] = {axis_windows(w, 0), axis_windows(w, 1), axis_windows(w, 2)};
  for (int64_t p = 0; p < planes; ++p) {
    const float* plane = in + p * w.in_size();
    for (int64_t od = 0; od < w.out[0]; ++od) {
      for (int64_t oh = 0; oh < w.out[1]; ++oh) {
        for (int64_t ow = 0; ow < w.out[2]; ++ow) {
          float acc = kMode == PoolMode::kMax ? -std::numeric_limits<float>::infinity() : 0.0f;
          int64_t best = -1;
          for (int64_t kd = ax[0].lo[od]; kd < ax[0].hi[od]; ++kd) {
            const int64_t id = ax[0].start[od] + kd * w.dilation[0];
            for (int64_t kh = ax[1].lo[oh]; kh < ax[1].hi[oh]; ++kh) {
              const int64_t ih = ax[1].start[oh] + kh * w.dilation[1];
              const int64_t row_start = (id * w.in[1] + ih) * w.in[2] + ax[2].start[ow];
              const float* row = plane + row_start;
              for (int64_t kw = ax[2].lo[ow]; kw < ax[2].hi[ow]; ++kw) {
                const float v = row[kw * w.dilation[2]];
                if constexpr (kIndices) {
                  // NaN never wins, as with std::max; an all -inf window keeps its first element.
                  if (best < 0 || v > acc) best = row_start + kw * w.dilation[2];
                }
                acc = kMode == PoolMode::kMax ? std::max(acc, v) : acc + v;
              }
            }
          }
          if (kMode != PoolMode::kMax) {
            const int64_t divisor = kMode == PoolMode::kAverage
                                        ? (ax[0].hi[od] - ax[0].lo[od]) *
                                              (ax[1].hi[oh] - ax[1].lo[oh]) *
                                              (ax[2].hi[ow] - ax[2].lo[ow])
                                        : ax[0].padded[od] * ax[1].padded[oh] * ax[2].padded[ow];
            acc = divisor > 0 ? acc / static_cast<float>(divisor) : 0.0f;
          }
          *out++ = acc;
          if constexpr (kIndices) {
            // A window entirely in the padding reads no element: its -inf maximum has index -1.
            const int64_t spatial = column_major ? column_major_index(w, best) : best;
            *indices++ = best < 0 ? -1 : p * w.in_size() + spatial;
          }
        }
      }
    }
  }
}

}  // namespace

void pool_forward(const Window3& window, PoolMode mode, const Tensor& x, Tensor& y,
                  Tensor* indices, bool column_major) {
  const int64_t planes = x.dim(0) * x.dim(1);
  switch (mode) {
    case PoolMode::kMax:
      if (indices != nullptr) {
        pool_planes<PoolMode::kMax, true>(window, x.floats(), planes, y.floats(), indices->ints(),
                                          column_major);
      } else {
        pool_planes<PoolMode::kMax, false>(window, x.floats(), planes, y.floats(), nullptr, false);
      }
      break;
    case PoolMode::kAverage:
      pool_planes<PoolMode::kAverage, false>(window, x.floats(), planes, y.floats(), nullptr,
                                             false);
      break;
    case PoolMode::kAverageIncludePad:
      pool_planes<PoolMode::kAverageIncludePad, false>(window, x.floats(), planes, y.floats(),
                                                       nullptr, false);
      break;
  }
}

Metas infer_pool(const Node& node, const Metas& in) {
  require_inputs(node, in, 1, 1);
  const Shape& x = require_float(node, in, 0).shape;
  if (x.size() < 3) node.fail("input X has shape " + shape_text(x) + ", expected [N,C,spatial]");
  const bool with_indices = node.outputs.size() > 1 && !node.outputs[1].empty();
  if (with_indices && node.op_type != "MaxPool") node.fail("only MaxPool has an Indices output");
  if (with_indices && node.opset < 8) node.fail("the Indices output needs opset 8 or later");
  const int64_t storage_order = node.attr_int("storage_order", 0);
  if (storage_order != 0 && storage_order != 1) {
    node.fail("storage_order " + std::to_string(storage_order) + " is not 0 or 1");
  }
  if (!is_max(node) && node.has("dilations")) {
    const Shape d = node.attr_ints("dilations");
    if (std::any_of(d.begin(), d.end(), [](int64_t v) { return v != 1; })) {
      node.fail("AveragePool with dilations is not supported");
    }
  }
  const Window window = pool_window(node, x);
  to_window3(node, window, spatial_of(x));
  Shape y = {x[0], x[1]};
  y.insert(y.end(), window.output.begin(), window.output.end());
  if (!with_indices) return {float_meta(y)};
  ValueMeta indices = float_meta(y);
  indices.type = DataType::kInt64;
  return {float_meta(y), indices};
}

std::vector<Tensor> run_pool(const Node& node, const Inputs& in, const Metas& out) {
  const Tensor& x = *in[0];
  const Window window = pool_window(node, x.shape());
  Tensor y(out[0].shape);
  const bool with_indices = out.size() > 1;
  Tensor indices = with_indices ? Tensor(out[1].shape, DataType::kInt64) : Tensor();
  pool_forward(to_window3(node, window, spatial_of(x.shape())), pool_mode(node), x, y,
               with_indices ? &indices : nullptr, node.attr_int("storage_order", 0) != 0);
  std::vector<Tensor> result;
  result.push_back(std::move(y));
  if (with_indices) result.push_back(std::move(indices));
  return result;
}

OpWork work_pool(const Node& node, const Metas& in, const Metas& out) {
  const Window window = pool_window(node, in[0].shape);
  OpWork work;
  work.kind = OpKind::kPool;
  work.flops = checked_unsigned(
      checked_mul(element_count(out[0].shape), element_count(window.kernel), "FLOPs"), "FLOPs");
  return work;
}

Metas infer_global_pool(const Node& node, const Metas& in) {
  require_inputs(node, in, 1, 1);
  const Shape& x = require_float(node, in, 0).shape;
  if (x.size() < 3) node.fail("input X has shape " + shape_text(x) + ", expected [N,C,spatial]");
  if (element_count(Shape(x.begin() + 2, x.end())) == 0) {
    node.fail("input X has shape " + shape_text(x) + ", an empty spatial extent");
  }
  Shape y(x.size(), 1);
  y[0] = x[0];
  y[1] = x[1];
  return {float_meta(y)};
}

std::vector<Tensor> run_global_pool(const Node& node, const Inputs& in, const Metas& out) {
  const Tensor& x = *in[0];
  Tensor y(out[0].shape);
  const int64_t planes = x.dim(0) * x.dim(1);
  const int64_t plane_size = planes > 0 ? x.size() / planes : 0;
  const bool max = is_max(node);
  for (int64_t p = 0; p < planes; ++p) {
    Eigen::Map<const Eigen::VectorXf> plane(x.floats() + p * plane_size, plane_size);
    y.floats()[p] = max ? plane.maxCoeff() : plane.sum() / static_cast<float>(plane_size);
  }
  std::vector<Tensor> result;
  result.push_back(std::move(y));
  return result;
}

OpWork work_global_pool(const Node&, const Metas& in, const Metas&) {
  OpWork work;
  work.kind = OpKind::kPool;
  work.flops = checked_unsigned(element_count(in[0].shape), "FLOPs");
  return work;
}

}  // namespace blsim
