// SPDX-License-Identifier: MIT
#include "workloads/ops/op.h"

#include <string>

namespace blsim {

ValueMeta float_meta(Shape shape) {
  ValueMeta m;
  m.present = true;
  m.type = DataType::kFloat32;
  m.shape = std::move(shape);
  return m;
}

void require_inputs(const Node& node, const Metas& in, size_t min_count, size_t max_count) {
  size_t given = in.size();
  while (given > 0 && !in[given - 1].present) --given;
  if (given < min_count || given > max_count) {
    node.fail("takes " +
              (min_count == max_count
                   ? std::to_string(min_count)
                   : std::to_string(min_count) + " to " + std::to_string(max_count)) +
              " inputs, got " + std::to_string(given));
  }
  for (size_t i = 0; i < min_count; ++i) {
    if (!in[i].present) node.fail("input " + std::to_string(i) + " is required");
  }
}

const ValueMeta& require_float(const Node& node, const Metas& in, size_t index, int rank) {
  if (index >= in.size() || !in[index].present) {
    node.fail("input " + std::to_string(index) + " is required");
  }
  const ValueMeta& m = in[index];
  if (m.type != DataType::kFloat32) {
    node.fail("input " + std::to_string(index) + " (" + node.inputs[index] + ") is " +
              data_type_name(m.type) + ", expected float32");
  }
  if (rank >= 0 && m.shape.size() != static_cast<size_t>(rank)) {
    node.fail("input " + std::to_string(index) + " (" + node.inputs[index] + ") has shape " +
              shape_text(m.shape) + ", expected rank " + std::to_string(rank));
  }
  return m;
}

const Tensor& require_value(const Node& node, const Metas& in, size_t index) {
  if (index >= in.size() || !in[index].present) {
    node.fail("input " + std::to_string(index) + " is required");
  }
  if (in[index].constant == nullptr) throw ValueUnknown{};
  return *in[index].constant;
}

int64_t normalize_axis(const Node& node, int64_t axis, int64_t rank, const char* what) {
  if (axis < -rank || axis >= rank) {
    node.fail(std::string(what) + " " + std::to_string(axis) + " is out of range for rank " +
              std::to_string(rank));
  }
  return axis < 0 ? axis + rank : axis;
}

}  // namespace blsim
