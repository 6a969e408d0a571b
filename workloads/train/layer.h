// SPDX-License-Identifier: MIT
// A trainable layer: forward on a batch, backward that accumulates parameter gradients and returns
// the gradient of its input. Activations are dense NCHW (or N x features) float batches; a layer
// may cache what its backward pass needs during a training forward pass.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace blsim {

struct Activations {
  std::vector<int64_t> shape;  // [N, ...]
  std::vector<float> data;

  int64_t batch() const { return shape.empty() ? 0 : shape[0]; }
  int64_t per_sample() const;
  void resize(std::vector<int64_t> new_shape);  // keeps no values
};

// A learned tensor with its gradient (same shape); ONNX exports `value` as an initializer.
struct Param {
  std::string name;            // ONNX initializer name, e.g. "conv1.weight"
  std::vector<int64_t> shape;  // ONNX layout
  std::vector<float> value;
  std::vector<float> grad;
  bool decays = false;  // weight decay applies (weights yes, biases no)
};

class Layer {
 public:
  explicit Layer(std::string name) : name_(std::move(name)) {}
  virtual ~Layer() = default;
  Layer(const Layer&) = delete;
  Layer& operator=(const Layer&) = delete;

  const std::string& name() const { return name_; }
  virtual const char* op_type() const = 0;  // the ONNX operator it exports as

  // Per-sample output shape for a per-sample input shape (no batch dimension);
  // throws std::invalid_argument for an input it cannot take.
  virtual std::vector<int64_t> output_shape(const std::vector<int64_t>& in) const = 0;

  virtual void forward(const Activations& in, Activations& out, bool training) = 0;
  // After forward(in, ..., training = true): adds dLoss/dParam to each Param::grad and writes
  // dLoss/dIn to grad_in.
  virtual void backward(const Activations& in, const Activations& grad_out,
                        Activations& grad_in) = 0;

  virtual std::vector<Param*> params() { return {}; }
  // Multiply-accumulates per sample for a per-sample input shape.
  virtual uint64_t macs(const std::vector<int64_t>& /*in*/) const { return 0; }

 private:
  std::string name_;
};

}  // namespace blsim
