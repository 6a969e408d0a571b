// SPDX-License-Identifier: MIT
#include "workloads/ops/window.h"

#include "common/checked_math.h"

#include <algorithm>
#include <string>

namespace blsim {
namespace {

Shape read_per_dim(const Node& node, const char* attr, size_t dims, int64_t fill, size_t count) {
  Shape v = node.attr_ints(attr, Shape(count, fill));
  if (v.size() != count) {
    node.fail(std::string("attribute ") + attr + " has " + std::to_string(v.size()) +
              " values, the input has " + std::to_string(dims) + " spatial dimensions");
  }
  return v;
}

}  // namespace

Window read_window(const Node& node, const Shape& spatial_in, const Shape& kernel, bool ceil_mode) {
  const size_t dims = spatial_in.size();
  if (dims == 0) node.fail("the input needs at least one spatial dimension (rank >= 3)");
  Window w;
  if (kernel.empty()) {
    if (!node.has("kernel_shape")) node.fail("attribute kernel_shape is missing");
    w.kernel = read_per_dim(node, "kernel_shape", dims, 1, dims);
  } else {
    w.kernel = kernel;
    if (node.has("kernel_shape") && node.attr_ints("kernel_shape") != kernel) {
      node.fail("attribute kernel_shape " + shape_text(node.attr_ints("kernel_shape")) +
                " does not match the weights' " + shape_text(kernel));
    }
  }
  w.strides = read_per_dim(node, "strides", dims, 1, dims);
  w.dilations = read_per_dim(node, "dilations", dims, 1, dims);
  const Shape pads = read_per_dim(node, "pads", dims, 0, 2 * dims);
  const std::string auto_pad = node.attr_string("auto_pad", "NOTSET");
  w.pads_begin.assign(pads.begin(), pads.begin() + static_cast<long>(dims));
  w.pads_end.assign(pads.begin() + static_cast<long>(dims), pads.end());
  w.output.resize(dims);
  for (size_t d = 0; d < dims; ++d) {
    if (w.kernel[d] <= 0) node.fail("kernel size must be positive, got " + shape_text(w.kernel));
    if (w.strides[d] <= 0) node.fail("strides must be positive, got " + shape_text(w.strides));
    if (w.dilations[d] <= 0) {
      node.fail("dilations must be positive, got " + shape_text(w.dilations));
    }
    if (w.pads_begin[d] < 0 || w.pads_end[d] < 0) {
      node.fail("pads must be non-negative, got " + shape_text(pads));
    }
    const int64_t span =
        checked_add(checked_mul(w.kernel[d] - 1, w.dilations[d], "window span"), 1, "window span");
    if (auto_pad == "SAME_UPPER" || auto_pad == "SAME_LOWER") {
      // ceil(in / stride) without overflowing for a huge stride
      w.output[d] = spatial_in[d] == 0 ? 0 : (spatial_in[d] - 1) / w.strides[d] + 1;
      const int64_t total = std::max<int64_t>(
          0, checked_add(checked_mul(w.output[d] - 1, w.strides[d], "window reach"),
                         span - spatial_in[d], "window reach"));
      const int64_t small = total / 2;
      w.pads_begin[d] = auto_pad == "SAME_UPPER" ? small : total - small;
      w.pads_end[d] = total - w.pads_begin[d];
      continue;
    }
    if (auto_pad == "VALID") {
      w.pads_begin[d] = w.pads_end[d] = 0;
    } else if (auto_pad != "NOTSET") {
      node.fail("auto_pad \"" + auto_pad +
                "\" is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID");
    }
    const int64_t padded = checked_add(checked_add(spatial_in[d], w.pads_begin[d], "padded input"),
                                       w.pads_end[d], "padded input");
    const int64_t room = padded - span;
    if (room < 0) {
      node.fail("the window (" + std::to_string(span) + ") is larger than the padded input (" +
                std::to_string(padded) + ")");
    }
    const int64_t ceil_steps = room == 0 ? 0 : (room - 1) / w.strides[d] + 1;
    w.output[d] = (ceil_mode ? ceil_steps : room / w.strides[d]) + 1;
  }
  return w;
}

Window3 to_window3(const Node& node, const Window& window, const Shape& spatial_in) {
  const size_t dims = spatial_in.size();
  if (dims > 3)
    node.fail("at most 3 spatial dimensions are supported, got " + std::to_string(dims));
  Window3 w;
  const size_t lead = 3 - dims;
  for (size_t d = 0; d < 3; ++d) {
    const bool real = d >= lead;
    const size_t s = d - lead;
    w.in[d] = real ? spatial_in[s] : 1;
    w.out[d] = real ? window.output[s] : 1;
    w.kernel[d] = real ? window.kernel[s] : 1;
    w.stride[d] = real ? window.strides[s] : 1;
    w.dilation[d] = real ? window.dilations[s] : 1;
    w.pad_begin[d] = real ? window.pads_begin[s] : 0;
    w.pad_end[d] = real ? window.pads_end[s] : 0;
  }
  return w;
}

}  // namespace blsim
