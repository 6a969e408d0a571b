// SPDX-License-Identifier: MIT
// 2-D convolution (ONNX Conv, square kernel, equal pads on all sides, dilation 1, `group` groups:
// 1 = dense, channels = depthwise) with bias, trained through im2col: each sample's patches form a
// matrix so forward, weight gradient and input gradient are one Eigen matrix product per group.
#pragma once

#include "workloads/train/layer.h"

namespace blsim {

class SplitMix64;

class ConvLayer : public Layer {
 public:
  ConvLayer(std::string name, int64_t in_channels, int64_t out_channels, int64_t kernel,
            int64_t stride, int64_t pad, int64_t group = 1);

  const char* op_type() const override { return "Conv"; }
  std::vector<int64_t> output_shape(const std::vector<int64_t>& in) const override;
  void forward(const Activations& in, Activations& out, bool training) override;
  void backward(const Activations& in, const Activations& grad_out,
                Activations& grad_in) override;
  std::vector<Param*> params() override { return {&weight_, &bias_}; }
  uint64_t macs(const std::vector<int64_t>& in) const override;

  // He-uniform weights (suits a following ReLU), zero bias.
  void init(SplitMix64& rng);

  int64_t kernel() const { return kernel_; }
  int64_t stride() const { return stride_; }
  int64_t pad() const { return pad_; }
  int64_t group() const { return group_; }

 private:
  void im2col(const float* image, int64_t h, int64_t w, float* cols) const;
  void col2im(const float* cols, int64_t h, int64_t w, float* image) const;

  int64_t in_channels_, out_channels_, kernel_, stride_, pad_, group_;
  int64_t out_h_ = 0, out_w_ = 0;
  Param weight_, bias_;
  std::vector<float> cols_;  // im2col of every sample of the last training batch
};

}  // namespace blsim
