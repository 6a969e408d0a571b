// SPDX-License-Identifier: MIT
// ONNX import: ModelProto -> Graph. Only the default operator domain is understood; opset
// version decides operator semantics. Before IR 4 initializers were also listed as graph inputs;
// such names are treated as initializers (constants), not as inputs to feed.
#include <cmath>

#include <onnx/onnx_pb.h>

#include "common/regular_file.h"
#include "common/user_error.h"
#include "workloads/graph.h"
#include "workloads/tensor_io.h"

namespace blsim {
namespace {

bool default_domain(const std::string& domain) { return domain.empty() || domain == "ai.onnx"; }

// Weights are data the network computes with on every input: one NaN or infinity there makes
// every output non-finite, so such a model is refused at load, naming the tensor.
void require_finite(const Tensor& t, const std::string& where) {
  if (t.type() != DataType::kFloat32) return;
  const float* v = t.floats();
  for (int64_t i = 0; i < t.size(); ++i) {
    if (!std::isfinite(v[i])) {
      throw UserError(where + ": element " + std::to_string(i) + " is " +
                      (std::isnan(v[i]) ? "NaN" : v[i] > 0 ? "+inf" : "-inf") +
                      " (weights must be finite)");
    }
  }
}

// Older exporters leave the attribute type unset; the filled field tells it then.
onnx::AttributeProto::AttributeType attribute_type(const onnx::AttributeProto& a) {
  if (a.type() != onnx::AttributeProto::UNDEFINED) return a.type();
  if (a.has_f()) return onnx::AttributeProto::FLOAT;
  if (a.has_i()) return onnx::AttributeProto::INT;
  if (a.has_s()) return onnx::AttributeProto::STRING;
  if (a.has_t()) return onnx::AttributeProto::TENSOR;
  if (a.floats_size() > 0) return onnx::AttributeProto::FLOATS;
  if (a.ints_size() > 0) return onnx::AttributeProto::INTS;
  return onnx::AttributeProto::UNDEFINED;
}

Attribute convert_attribute(const onnx::AttributeProto& a, const std::string& where) {
  Attribute out;
  switch (attribute_type(a)) {
    case onnx::AttributeProto::FLOAT:
      out.kind = Attribute::Kind::kFloat;
      out.f = a.f();
      break;
    case onnx::AttributeProto::INT:
      out.kind = Attribute::Kind::kInt;
      out.i = a.i();
      break;
    case onnx::AttributeProto::STRING:
      out.kind = Attribute::Kind::kString;
      out.s = a.s();
      break;
    case onnx::AttributeProto::TENSOR:
      out.kind = Attribute::Kind::kTensor;
      out.t = tensor_from_proto(a.t(), where + ": attribute " + a.name());
      break;
    case onnx::AttributeProto::FLOATS:
      out.kind = Attribute::Kind::kFloats;
      out.floats.assign(a.floats().begin(), a.floats().end());
      break;
    case onnx::AttributeProto::INTS:
      out.kind = Attribute::Kind::kInts;
      out.ints.assign(a.ints().begin(), a.ints().end());
      break;
    default:
      out.kind = Attribute::Kind::kOther;  // graphs, strings lists...: no supported op uses them
      break;
  }
  return out;
}

GraphValue convert_value_info(const onnx::ValueInfoProto& v, const std::string& origin,
                              const char* role) {
  const std::string where = origin + ": " + role + " " + v.name();
  if (!v.type().has_tensor_type()) throw UserError(where + ": only tensor values are supported");
  const auto& tt = v.type().tensor_type();
  GraphValue out;
  out.name = v.name();
  // The engine computes in float32 and int64; tensor_io narrows double and widens int32 alike.
  switch (tt.elem_type()) {
    case onnx::TensorProto::FLOAT:
    case onnx::TensorProto::DOUBLE:
      out.type = DataType::kFloat32;
      break;
    case onnx::TensorProto::INT64:
    case onnx::TensorProto::INT32:
      out.type = DataType::kInt64;
      break;
    default:
      throw UserError(where + ": element type " + proto_type_name(tt.elem_type()) +
                      " is not supported (float32, double, int32, int64 are)");
  }
  if (!tt.has_shape()) {
    // An output's shape is informative only; an input's is needed to check and cost the graph.
    if (std::string(role) == "output") return out;
    throw UserError(where + ": has no declared shape");
  }
  for (const auto& dim : tt.shape().dim()) {
    out.shape.push_back(dim.has_dim_value() && dim.dim_value() > 0 ? dim.dim_value() : -1);
  }
  return out;
}

}  // namespace

Graph Graph::load(const std::string& path) {
  const std::string bytes = read_regular_file(path, "ONNX model", kMaxProtobufBytes);
  onnx::ModelProto model;
  if (!model.ParseFromString(bytes) || !model.has_graph()) {
    throw UserError(path + ": not an ONNX model (cannot parse a ModelProto with a graph)");
  }
  return from_model(model, path);
}

Graph Graph::from_model(const onnx::ModelProto& model, const std::string& origin) {
  Graph g;
  g.origin_ = origin;
  g.info_.ir_version = model.ir_version();
  g.info_.opset = model.ir_version() < 3 ? 1 : 0;  // before IR 3 there were no opset imports
  for (const auto& op : model.opset_import()) {
    if (default_domain(op.domain())) g.info_.opset = op.version();
  }
  if (g.info_.opset <= 0) throw UserError(origin + ": imports no version of the ONNX operator set");
  g.info_.producer = model.producer_name() +
                     (model.producer_version().empty() ? "" : " " + model.producer_version());
  const onnx::GraphProto& graph = model.graph();
  g.info_.graph_name = graph.name();
  if (graph.sparse_initializer_size() > 0) {
    throw UserError(origin + ": sparse initializers are not supported");
  }
  for (const auto& init : graph.initializer()) {
    if (init.name().empty()) throw UserError(origin + ": an initializer has no name");
    if (g.initializers_.count(init.name()) != 0) {
      throw UserError(origin + ": initializer " + init.name() + " is given twice");
    }
    Tensor& t = g.initializers_[init.name()];
    t = tensor_from_proto(init, origin + ": initializer");
    require_finite(t, origin + ": initializer " + init.name());
  }
  for (const auto& v : graph.input()) {
    if (g.initializers_.count(v.name()) == 0) {
      g.inputs_.push_back(convert_value_info(v, origin, "input"));
    }
  }
  for (const auto& v : graph.output())
    g.outputs_.push_back(convert_value_info(v, origin, "output"));
  if (g.outputs_.empty()) throw UserError(origin + ": the graph declares no outputs");
  for (const auto& n : graph.node()) {
    Node node;
    node.name = n.name().empty() ? n.op_type() + "_" + std::to_string(g.nodes_.size()) : n.name();
    node.op_type = n.op_type();
    node.opset = g.info_.opset;
    node.origin = origin;
    node.inputs.assign(n.input().begin(), n.input().end());
    node.outputs.assign(n.output().begin(), n.output().end());
    if (!default_domain(n.domain())) {
      node.fail("operator domain \"" + n.domain() +
                "\" is not supported (only the default ONNX "
                "domain is)");
    }
    for (const auto& a : n.attribute()) {
      const Attribute& attr = node.attributes[a.name()] =
          convert_attribute(a, origin + ": node " + node.name);
      if (attr.kind == Attribute::Kind::kTensor) {
        require_finite(attr.t, origin + ": node " + node.name + ": attribute " + a.name());
      }
    }
    g.nodes_.push_back(std::move(node));
  }
  g.finish();
  return g;
}

}  // namespace blsim
