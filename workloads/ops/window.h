// SPDX-License-Identifier: MIT
// The sliding window shared by Conv and the pools: kernel, strides, dilations and the padding,
// explicit (`pads`) or derived from `auto_pad` (SAME_UPPER puts the odd pad at the end).
// Kernels see at most three spatial dimensions; fewer are padded in front with size-1 dims.
#pragma once

#include <array>
#include <cstdint>

#include "workloads/ops/node.h"
#include "workloads/tensor.h"

namespace blsim {

struct Window {
  Shape kernel, strides, dilations, pads_begin, pads_end;  // one value per spatial dimension
  Shape output;                                            // spatial output size
};

// Reads the window attributes of `node` for an input of spatial size `spatial_in`.
// `kernel` comes from the weights for Conv (empty: read the kernel_shape attribute).
// `ceil_mode` rounds the output size up (pools); fails on inconsistent attributes.
Window read_window(const Node& node, const Shape& spatial_in, const Shape& kernel, bool ceil_mode);

// The window with spatial rank raised to 3 (leading size-1 dims with kernel 1, stride 1, no pad).
struct Window3 {
  std::array<int64_t, 3> in{}, out{}, kernel{}, stride{}, dilation{}, pad_begin{}, pad_end{};
  int64_t in_size() const { return in[0] * in[1] * in[2]; }
  int64_t out_size() const { return out[0] * out[1] * out[2]; }
  int64_t kernel_size() const { return kernel[0] * kernel[1] * kernel[2]; }
};

// Fails (node.fail) when the spatial rank exceeds 3.
Window3 to_window3(const Node& node, const Window& window, const Shape& spatial_in);

}  // namespace blsim
