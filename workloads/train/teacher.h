// SPDX-License-Identifier: MIT
// Soft targets for knowledge distillation (Hinton, Vinyals and Dean 2015): a trained network's
// class probabilities softened by a temperature T, p_i^(1/T) / sum_j p_j^(1/T), which equals
// softmax(logits / T). Each (training image, pixel shift) is run through the teacher once and its
// targets kept, so shift augmentation costs one teacher pass per distinct shifted image.
#pragma once

#include <cstdint>
#include <vector>

#include "workloads/train/layer.h"

namespace blsim {

class Graph;

class Teacher {
 public:
  // `samples` training images, each seen under up to (2 * max_shift_px + 1)^2 shifts.
  Teacher(const Graph& graph, double temperature, int64_t classes, size_t samples,
          int64_t max_shift_px);

  // Key of image `index` shifted by (dx, dy) pixels.
  size_t key(size_t index, int64_t dx, int64_t dy) const;

  // Softened targets (batch x classes) of the images of `batch` whose keys are `keys`; runs the
  // teacher on the images it has not seen yet.
  void targets(const Activations& batch, const std::vector<size_t>& keys, std::vector<float>& out);

  double temperature() const { return temperature_; }
  size_t teacher_runs() const { return runs_; }  // images the teacher classified so far

 private:
  const Graph& graph_;
  double temperature_;
  int64_t classes_;
  int64_t max_shift_px_;
  bool softmax_output_;
  std::vector<float> soft_;    // keys x classes
  std::vector<uint8_t> known_;  // per key
  size_t runs_ = 0;
};

}  // namespace blsim
