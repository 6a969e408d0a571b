// SPDX-License-Identifier: MIT
// Fully connected layer y = x W^T + b, exported as ONNX Gemm with transB = 1 (W is stored
// [out_features, in_features], the layout ONNX producers use). Input is N x in_features.
#pragma once

#include "workloads/train/layer.h"

namespace blsim {

class SplitMix64;

class DenseLayer : public Layer {
 public:
  DenseLayer(std::string name, int64_t in_features, int64_t out_features);

  const char* op_type() const override { return "Gemm"; }
  std::vector<int64_t> output_shape(const std::vector<int64_t>& in) const override;
  void forward(const Activations& in, Activations& out, bool training) override;
  void backward(const Activations& in, const Activations& grad_out,
                Activations& grad_in) override;
  std::vector<Param*> params() override { return {&weight_, &bias_}; }
  uint64_t macs(const std::vector<int64_t>& in) const override;

  // He-uniform for layers followed by ReLU; Glorot-uniform for the logits layer.
  void init(SplitMix64& rng, bool relu_follows);

 private:
  int64_t in_features_, out_features_;
  Param weight_, bias_;
};

}  // namespace blsim
