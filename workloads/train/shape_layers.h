// SPDX-License-Identifier: MIT
// The parameter-free layers of the trainer: ReLU, max pooling (square window, no padding; the
// gradient goes to the first maximum of each window, as in ONNX MaxPool's argmax) and Flatten
// (NCHW -> N x CHW, no data movement).
#pragma once

#include "workloads/train/layer.h"

namespace blsim {

class ReluLayer : public Layer {
 public:
  using Layer::Layer;
  const char* op_type() const override { return "Relu"; }
  std::vector<int64_t> output_shape(const std::vector<int64_t>& in) const override { return in; }
  void forward(const Activations& in, Activations& out, bool training) override;
  void backward(const Activations& in, const Activations& grad_out,
                Activations& grad_in) override;
};

class MaxPoolLayer : public Layer {
 public:
  MaxPoolLayer(std::string name, int64_t kernel, int64_t stride)
      : Layer(std::move(name)), kernel_(kernel), stride_(stride) {}
  const char* op_type() const override { return "MaxPool"; }
  std::vector<int64_t> output_shape(const std::vector<int64_t>& in) const override;
  void forward(const Activations& in, Activations& out, bool training) override;
  void backward(const Activations& in, const Activations& grad_out,
                Activations& grad_in) override;
  int64_t kernel() const { return kernel_; }
  int64_t stride() const { return stride_; }

 private:
  int64_t kernel_, stride_;
  std::vector<int64_t> argmax_;  // per output value: flat index into the input batch
};

class FlattenLayer : public Layer {
 public:
  using Layer::Layer;
  const char* op_type() const override { return "Flatten"; }
  std::vector<int64_t> output_shape(const std::vector<int64_t>& in) const override;
  void forward(const Activations& in, Activations& out, bool training) override;
  void backward(const Activations& in, const Activations& grad_out,
                Activations& grad_in) override;
};

}  // namespace blsim
