// SPDX-License-Identifier: MIT
#include "workloads/train/network.h"

#include <algorithm>
#include <stdexcept>

#include "workloads/scores.h"

namespace blsim {

Network::Network(std::string arch, std::vector<int64_t> input_shape, int classes)
    : arch_(std::move(arch)), input_shape_(std::move(input_shape)), classes_(classes) {}

void Network::add(std::unique_ptr<Layer> layer) {
  const auto& in = shapes_.empty() ? input_shape_ : shapes_.back();
  shapes_.push_back(layer->output_shape(in));
  layers_.push_back(std::move(layer));
}

const Activations& Network::forward(const Activations& input, bool training) {
  if (shapes_.empty() || shapes_.back() != std::vector<int64_t>{classes_}) {
    throw std::logic_error("network " + arch_ + " does not end in " + std::to_string(classes_) +
                           " logits");
  }
  acts_.resize(layers_.size() + 1);
  acts_[0].shape = input.shape;
  acts_[0].data = input.data;
  for (size_t i = 0; i < layers_.size(); ++i) layers_[i]->forward(acts_[i], acts_[i + 1], training);
  return acts_.back();
}

void Network::backward(const Activations& grad_logits) {
  const Activations* grad_out = &grad_logits;
  for (size_t i = layers_.size(); i-- > 0;) {
    Activations& grad_in = (grad_out == &grad_a_) ? grad_b_ : grad_a_;
    layers_[i]->backward(acts_[i], *grad_out, grad_in);
    grad_out = &grad_in;
  }
}

void Network::zero_grad() {
  for (Param* p : params()) std::fill(p->grad.begin(), p->grad.end(), 0.0f);
}

std::vector<float> Network::predict(const float* images, size_t count, size_t batch_size) {
  int64_t per = 1;
  for (const int64_t d : input_shape_) per *= d;
  std::vector<float> probs;
  probs.reserve(count * static_cast<size_t>(classes_));
  Activations batch;
  for (size_t start = 0; start < count; start += batch_size) {
    const size_t n = std::min(batch_size, count - start);
    std::vector<int64_t> shape = {static_cast<int64_t>(n)};
    shape.insert(shape.end(), input_shape_.begin(), input_shape_.end());
    batch.shape = shape;
    batch.data.assign(images + start * static_cast<size_t>(per),
                      images + (start + n) * static_cast<size_t>(per));
    const Activations& logits = forward(batch, false);
    probs.insert(probs.end(), logits.data.begin(), logits.data.end());
  }
  to_probabilities(probs, static_cast<size_t>(classes_), false);
  return probs;
}

std::vector<Param*> Network::params() {
  std::vector<Param*> all;
  for (auto& layer : layers_) {
    for (Param* p : layer->params()) all.push_back(p);
  }
  return all;
}

uint64_t Network::macs() const {
  uint64_t total = 0;
  for (size_t i = 0; i < layers_.size(); ++i) {
    total += layers_[i]->macs(i == 0 ? input_shape_ : shapes_[i - 1]);
  }
  return total;
}

uint64_t Network::param_count() const {
  uint64_t total = 0;
  for (const auto& layer : layers_) {
    for (const Param* p : layer->params()) total += p->value.size();
  }
  return total;
}

}  // namespace blsim
