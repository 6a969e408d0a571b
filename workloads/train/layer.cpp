// SPDX-License-Identifier: MIT
#include "workloads/train/layer.h"

namespace blsim {

int64_t Activations::per_sample() const {
  int64_t n = 1;
  for (size_t i = 1; i < shape.size(); ++i) n *= shape[i];
  return n;
}

void Activations::resize(std::vector<int64_t> new_shape) {
  shape = std::move(new_shape);
  int64_t n = 1;
  for (const int64_t d : shape) n *= d;
  data.resize(static_cast<size_t>(n));
}

}  // namespace blsim
