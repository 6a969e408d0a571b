// SPDX-License-Identifier: MIT
// A feed-forward chain of trainable layers ending in class logits. Training sees logits (the loss
// applies softmax); predict() and the exported ONNX graph end with a Softmax, so both give class
// probabilities.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "workloads/train/layer.h"

namespace blsim {

class Network {
 public:
  Network(std::string arch, std::vector<int64_t> input_shape /* C, H, W */, int classes);

  // Appends a layer; throws std::invalid_argument when it cannot take the current output shape.
  void add(std::unique_ptr<Layer> layer);

  // Runs the batch through every layer; returns the logits (N x classes).
  const Activations& forward(const Activations& input, bool training);
  // After forward(..., true): accumulates every parameter gradient from dLoss/dLogits.
  void backward(const Activations& grad_logits);
  void zero_grad();

  // Class probabilities (softmax of the logits) of `count` samples, computed in batches.
  std::vector<float> predict(const float* images, size_t count, size_t batch_size = 256);

  std::vector<Param*> params();
  const std::vector<std::unique_ptr<Layer>>& layers() const { return layers_; }
  const std::string& arch() const { return arch_; }
  const std::vector<int64_t>& input_shape() const { return input_shape_; }
  int classes() const { return classes_; }
  // Per-sample shape after each layer (shapes()[i] is the output of layers()[i]).
  const std::vector<std::vector<int64_t>>& shapes() const { return shapes_; }
  uint64_t macs() const;          // per sample, without the final Softmax
  uint64_t param_count() const;

 private:
  std::string arch_;
  std::vector<int64_t> input_shape_;
  int classes_;
  std::vector<std::unique_ptr<Layer>> layers_;
  std::vector<std::vector<int64_t>> shapes_;
  std::vector<Activations> acts_;  // acts_[i] = input of layer i; acts_.back() = logits
  Activations grad_a_, grad_b_;
};

}  // namespace blsim
