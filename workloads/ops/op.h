// SPDX-License-Identifier: MIT
// The interface every operator implements: shape/type inference (which also validates the node),
// the kernel, and the work it does (MACs, FLOPs, the kind the hardware model prices it as).
// Graph fills the byte counts of LayerCost itself, from which inputs are initializers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "workloads/layer_cost.h"
#include "workloads/ops/node.h"
#include "workloads/tensor.h"

namespace blsim {

// What inference knows of one value: type, shape, and the data when it is a constant.
struct ValueMeta {
  bool present = false;  // false for an omitted optional input/output
  DataType type = DataType::kFloat32;
  Shape shape;
  const Tensor* constant = nullptr;  // initializer or Constant output, when known
};

using Metas = std::vector<ValueMeta>;
using Inputs = std::vector<const Tensor*>;  // nullptr: optional input omitted

struct OpWork {
  OpKind kind = OpKind::kFree;
  uint64_t macs = 0;
  uint64_t flops = 0;
};

struct OpDef {
  const char* op_type;
  // Checks attributes and input types/shapes (node.fail on error); returns one meta per output.
  Metas (*infer)(const Node& node, const Metas& in);
  // Runs on inputs that `infer` accepted; `out` is what infer returned for them.
  std::vector<Tensor> (*run)(const Node& node, const Inputs& in, const Metas& out);
  OpWork (*work)(const Node& node, const Metas& in, const Metas& out);
};

// nullptr when the operator is not implemented.
const OpDef* find_op(const std::string& op_type);
// Every implemented op type, sorted.
std::vector<std::string> supported_ops();

// Thrown by inference when an output shape depends on a value known only at run time (e.g. a
// Reshape whose target shape is a graph input). Graph then leaves the node's outputs unknown
// until run time; it never reaches the user.
struct ValueUnknown {};

// Helpers shared by the operator files.
ValueMeta float_meta(Shape shape);
// Fails unless input `index` is given, float32 and (when rank >= 0) of that rank.
const ValueMeta& require_float(const Node& node, const Metas& in, size_t index, int rank = -1);
// Fails unless the node has between min and max inputs.
void require_inputs(const Node& node, const Metas& in, size_t min_count, size_t max_count);
// The value of input `index` (initializer, Constant, or the actual tensor at run time);
// throws ValueUnknown when only its shape is known.
const Tensor& require_value(const Node& node, const Metas& in, size_t index);
// Normalises a possibly negative axis into [0, rank) or fails naming the attribute.
int64_t normalize_axis(const Node& node, int64_t axis, int64_t rank, const char* what);

}  // namespace blsim
