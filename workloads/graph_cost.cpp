// SPDX-License-Identifier: MIT
// Per-node cost at batch size 1, for the declared input shapes or one given by the caller: the
// operator reports its kind, MACs and FLOPs; bytes follow from the inferred shapes at 4 bytes
// per element. Inputs that are initializers (or folded Constants) count as parameters, the rest
// as activations. Free ops move no bytes.
#include "workloads/graph.h"

#include "common/checked_math.h"
#include "common/user_error.h"

namespace blsim {

std::vector<Shape> Graph::cost_input_shapes() const {
  std::vector<Shape> batch1;
  for (const GraphValue& in : inputs_) {
    Shape s = in.shape;
    for (size_t d = 0; d < s.size(); ++d) {
      if (d == 0 || s[d] < 0) s[d] = 1;
    }
    batch1.push_back(s);
  }
  return batch1;
}

NetworkCost Graph::cost() const { return cost_at(cost_input_shapes()); }

NetworkCost Graph::cost(const Shape& input_shape) const {
  if (inputs_.size() != 1) {
    throw UserError(origin_ + ": an input shape for the cost needs a one-input network, it has " +
                    std::to_string(inputs_.size()) + " inputs");
  }
  const GraphValue& in = inputs_[0];
  if (input_shape.size() != in.shape.size()) {
    throw UserError(origin_ + ": input " + in.name + " is " + shape_text(in.shape) + " (rank " +
                    std::to_string(in.shape.size()) + "), cannot cost it at " +
                    shape_text(input_shape));
  }
  for (int64_t d : input_shape) {
    if (d < 1) {
      throw UserError(origin_ + ": cannot cost input " + in.name + " at " +
                      shape_text(input_shape) + ": dimensions must be >= 1");
    }
  }
  Shape batch1 = input_shape;
  if (!batch1.empty()) batch1[0] = 1;
  return cost_at({batch1});
}

NetworkCost Graph::cost_at(const std::vector<Shape>& input_shapes) const {
  std::vector<bool> known;
  const std::vector<ValueMeta> metas = infer(input_shapes, &known);
  constexpr uint64_t kBytesPerElement = 4;  // float32 storage, see layer_cost.h
  NetworkCost cost;
  for (size_t i = 0; i < steps_.size(); ++i) {
    const Step& step = steps_[i];
    const Node& node = nodes_[i];
    Metas in, out;
    for (int id : step.inputs) in.push_back(id >= 0 ? metas[id] : ValueMeta{});
    for (int id : step.outputs) {
      if (id >= 0 && !known[id]) {
        node.fail(
            "output shape depends on values known only at run time, so it has no static "
            "cost (make the shape input a constant)");
      }
      out.push_back(id >= 0 ? metas[id] : ValueMeta{});
    }
    LayerCost layer;
    layer.name = node.name;
    layer.op_type = node.op_type;
    try {
      const OpWork work = step.op->work(node, in, out);
      layer.kind = work.kind;
      layer.macs = work.macs;
      layer.flops = work.flops;
      if (!out.empty() && out[0].present) layer.output_shape = out[0].shape;
      if (work.kind != OpKind::kFree) {
        const auto bytes_of = [](const Shape& shape) {
          return checked_mul(checked_unsigned(element_count(shape), "elements"), kBytesPerElement,
                             "bytes of " + shape_text(shape));
        };
        for (size_t k = 0; k < in.size(); ++k) {
          if (!in[k].present) continue;
          uint64_t& sum =
              constants_[step.inputs[k]] != nullptr ? layer.param_bytes : layer.input_bytes;
          sum = checked_add(sum, bytes_of(in[k].shape), "bytes read");
        }
        for (const ValueMeta& m : out) {
          if (m.present) {
            layer.output_bytes =
                checked_add(layer.output_bytes, bytes_of(m.shape), "bytes written");
          }
        }
      }
    } catch (const CountOverflow& e) {
      node.fail(e.what());
    }
    cost.layers.push_back(std::move(layer));
  }
  return cost;
}

}  // namespace blsim
