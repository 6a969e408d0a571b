// SPDX-License-Identifier: MIT
#include "workloads/ops/reshape.h"

namespace blsim {
namespace {

ValueMeta meta_like(const ValueMeta& in, Shape shape) {
  ValueMeta m = float_meta(std::move(shape));
  m.type = in.type;
  return m;
}

// Target shape: 0 copies the input dimension (unless allowzero), one -1 takes the rest.
Shape reshape_target(const Node& node, const Shape& x, const Shape& requested) {
  const bool allow_zero = node.attr_int("allowzero", 0) != 0;
  Shape y = requested;
  int64_t known = 1;
  int infer_at = -1;
  for (size_t i = 0; i < y.size(); ++i) {
    if (y[i] == 0 && !allow_zero) {
      if (i >= x.size()) {
        node.fail("shape " + shape_text(requested) + " copies dimension " + std::to_string(i) +
                  " that input " + shape_text(x) + " lacks");
      }
      y[i] = x[i];
    }
    if (y[i] == -1) {
      if (infer_at >= 0) node.fail("shape " + shape_text(requested) + " has more than one -1");
      infer_at = static_cast<int>(i);
      continue;
    }
    if (y[i] < 0) node.fail("shape " + shape_text(requested) + " has a negative dimension");
    known *= y[i];
  }
  const int64_t count = element_count(x);
  if (infer_at >= 0) {
    if (known == 0 || count % known != 0) {
      node.fail("cannot reshape " + shape_text(x) + " to " + shape_text(requested));
    }
    y[infer_at] = count / known;
  }
  if (element_count(y) != count) {
    node.fail("cannot reshape " + shape_text(x) + " (" + std::to_string(count) + " values) to " +
              shape_text(requested));
  }
  return y;
}

}  // namespace

Metas infer_reshape(const Node& node, const Metas& in) {
  if (node.opset < 5) {
    require_inputs(node, in, 1, 1);
    return {meta_like(in[0], reshape_target(node, in[0].shape, node.attr_ints("shape")))};
  }
  require_inputs(node, in, 2, 2);
  if (in[1].type != DataType::kInt64 || in[1].shape.size() != 1) {
    node.fail("input shape must be a 1-D int64 tensor, got " +
              std::string(data_type_name(in[1].type)) + " " + shape_text(in[1].shape));
  }
  const Tensor& requested = require_value(node, in, 1);
  return {meta_like(in[0], reshape_target(node, in[0].shape, requested.int_values()))};
}

Metas infer_flatten(const Node& node, const Metas& in) {
  require_inputs(node, in, 1, 1);
  const Shape& x = in[0].shape;
  const auto rank = static_cast<int64_t>(x.size());
  // axis lies in [-rank, rank]: rank itself puts everything in the first dimension.
  int64_t axis = node.attr_int("axis", 1);
  if (axis < -rank || axis > rank) {
    node.fail("axis " + std::to_string(axis) + " is out of range for rank " + std::to_string(rank));
  }
  if (axis < 0) axis += rank;
  Shape y = {1, 1};
  for (int64_t d = 0; d < rank; ++d) y[d < axis ? 0 : 1] *= x[d];
  return {meta_like(in[0], y)};
}

Metas infer_identity(const Node& node, const Metas& in) {
  require_inputs(node, in, 1, node.op_type == "Dropout" ? 3 : 1);
  if (node.op_type == "Dropout") {
    if (node.outputs.size() > 1 && !node.outputs[1].empty()) {
      node.fail("the mask output of Dropout is not supported");
    }
    if (node.opset < 7 && node.attr_int("is_test", 0) == 0 && node.has("is_test")) {
      node.fail("is_test 0 (training) is not supported");
    }
    if (in.size() > 2 && in[2].present) {
      const Tensor* training = in[2].constant;
      if (training == nullptr) node.fail("training_mode must be a constant");
      if (training->type() == DataType::kInt64 ? training->ints()[0] != 0
                                               : training->floats()[0] != 0.0f) {
        node.fail("training_mode true is not supported");
      }
    }
  }
  return {meta_like(in[0], in[0].shape)};
}

Metas infer_constant(const Node& node, const Metas& in) {
  require_inputs(node, in, 0, 0);
  const Tensor value = constant_value(node);
  ValueMeta m = float_meta(value.shape());
  m.type = value.type();
  return {m};
}

std::vector<Tensor> run_relabel(const Node&, const Inputs& in, const Metas& out) {
  std::vector<Tensor> result;
  result.push_back(in[0]->reshaped(out[0].shape));
  return result;
}

std::vector<Tensor> run_constant(const Node& node, const Inputs&, const Metas&) {
  std::vector<Tensor> result;
  result.push_back(constant_value(node));
  return result;
}

OpWork work_free(const Node&, const Metas&, const Metas&) { return OpWork{}; }

Tensor constant_value(const Node& node) {
  int given = 0;
  for (const auto& [name, attr] : node.attributes) {
    (void)attr;
    if (name == "value" || name.rfind("value_", 0) == 0 || name == "sparse_value") ++given;
  }
  if (given != 1) node.fail("needs exactly one of value, value_float(s), value_int(s)");
  if (node.has("sparse_value")) node.fail("sparse_value is not supported");
  if (node.has("value_string") || node.has("value_strings")) {
    node.fail("string constants are not supported");
  }
  if (node.has("value")) return node.attr_tensor("value");
  if (node.has("value_float")) return Tensor::from_floats({}, {node.attr_float("value_float", 0)});
  if (node.has("value_int")) return Tensor::from_ints({}, {node.attr_int("value_int", 0)});
  if (node.has("value_ints")) {
    const Shape v = node.attr_ints("value_ints");
    return Tensor::from_ints({static_cast<int64_t>(v.size())}, v);
  }
  const auto it = node.attributes.find("value_floats");
  if (it == node.attributes.end() || it->second.kind != Attribute::Kind::kFloats) {
    node.fail("attribute value_floats is not a list of floats");
  }
  return Tensor::from_floats({static_cast<int64_t>(it->second.floats.size())}, it->second.floats);
}

}  // namespace blsim
