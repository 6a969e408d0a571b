// SPDX-License-Identifier: MIT
#include "workloads/train/teacher.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "common/user_error.h"
#include "workloads/cascade/gate_temperature.h"
#include "workloads/graph.h"
#include "workloads/scores.h"

namespace blsim {

Teacher::Teacher(const Graph& graph, double temperature, int64_t classes, size_t samples,
                 int64_t max_shift_px)
    : graph_(graph), temperature_(temperature), classes_(classes), max_shift_px_(max_shift_px) {
  if (!(temperature > 0) || classes < 2 || max_shift_px < 0) {
    throw std::invalid_argument("Teacher: temperature > 0, classes >= 2, shift >= 0");
  }
  if (graph.inputs().size() != 1 || graph.outputs().empty()) {
    throw UserError(graph.origin() + ": a teacher needs one input and an output");
  }
  softmax_output_ = !graph.nodes().empty() && graph.nodes().back().op_type == "Softmax";
  const size_t span = static_cast<size_t>(2 * max_shift_px + 1);
  soft_.assign(samples * span * span * static_cast<size_t>(classes), 0.0f);
  known_.assign(samples * span * span, 0);
}

size_t Teacher::key(size_t index, int64_t dx, int64_t dy) const {
  const int64_t span = 2 * max_shift_px_ + 1;
  return index * static_cast<size_t>(span * span) +
         static_cast<size_t>((dy + max_shift_px_) * span + dx + max_shift_px_);
}

void Teacher::targets(const Activations& batch, const std::vector<size_t>& keys,
                      std::vector<float>& out) {
  const size_t n = keys.size(), k = static_cast<size_t>(classes_);
  const size_t per = static_cast<size_t>(batch.per_sample());
  std::vector<size_t> missing;
  for (size_t j = 0; j < n; ++j) {
    if (!known_[keys[j]]) missing.push_back(j);
  }
  if (!missing.empty()) {
    std::vector<float> pixels(missing.size() * per);
    for (size_t m = 0; m < missing.size(); ++m) {
      std::copy_n(batch.data.data() + missing[m] * per, per, pixels.data() + m * per);
    }
    Shape shape = batch.shape;
    shape[0] = static_cast<int64_t>(missing.size());
    const Tensor result = graph_.run(Tensor::from_floats(shape, std::move(pixels)));
    if (result.type() != DataType::kFloat32 || result.rank() != 2 ||
        result.dim(0) != static_cast<int64_t>(missing.size()) || result.dim(1) != classes_) {
      throw UserError(graph_.origin() + ": teacher output " + shape_text(result.shape()) +
                      " is not a [batch, " + std::to_string(classes_) + "] score matrix");
    }
    std::vector<float> rows = result.float_values();
    to_probabilities(rows, k, softmax_output_);
    apply_temperature(rows, k, temperature_);
    for (size_t m = 0; m < missing.size(); ++m) {
      const size_t key = keys[missing[m]];
      // A key may repeat within a batch only for the same image and shift: same targets.
      std::copy_n(rows.data() + m * k, k, soft_.data() + key * k);
      known_[key] = 1;
    }
    runs_ += missing.size();
  }
  out.resize(n * k);
  for (size_t j = 0; j < n; ++j) std::copy_n(soft_.data() + keys[j] * k, k, out.data() + j * k);
}

}  // namespace blsim
