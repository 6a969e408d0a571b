// SPDX-License-Identifier: MIT
#include "workloads/graph_builder.h"

#include <cmath>

#include "common/atomic_file.h"
#include "workloads/tensor_io.h"
#include "common/user_error.h"

namespace blsim {
namespace {

void set_value_info(onnx::ValueInfoProto* v, const std::string& name, const Shape& shape,
                    DataType type) {
  v->set_name(name);
  auto* tt = v->mutable_type()->mutable_tensor_type();
  tt->set_elem_type(type == DataType::kFloat32 ? onnx::TensorProto::FLOAT
                                               : onnx::TensorProto::INT64);
  auto* s = tt->mutable_shape();
  for (int64_t d : shape) {
    auto* dim = s->add_dim();
    if (d < 0) {
      dim->set_dim_param("N");
    } else {
      dim->set_dim_value(d);
    }
  }
}

}  // namespace

Attribute int_attr(int64_t value) {
  Attribute a;
  a.kind = Attribute::Kind::kInt;
  a.i = value;
  return a;
}

Attribute ints_attr(std::vector<int64_t> values) {
  Attribute a;
  a.kind = Attribute::Kind::kInts;
  a.ints = std::move(values);
  return a;
}

Attribute float_attr(float value) {
  Attribute a;
  a.kind = Attribute::Kind::kFloat;
  a.f = value;
  return a;
}

Attribute string_attr(std::string value) {
  Attribute a;
  a.kind = Attribute::Kind::kString;
  a.s = std::move(value);
  return a;
}

Attribute tensor_attr(Tensor value) {
  Attribute a;
  a.kind = Attribute::Kind::kTensor;
  a.t = std::move(value);
  return a;
}

GraphBuilder::GraphBuilder(int64_t opset) {
  model_.set_ir_version(7);
  model_.set_producer_name("blsim");
  auto* op = model_.add_opset_import();
  op->set_domain("");
  op->set_version(opset);
  model_.mutable_graph()->set_name("graph");
}

GraphBuilder& GraphBuilder::input(const std::string& name, const Shape& shape, DataType type) {
  set_value_info(model_.mutable_graph()->add_input(), name, shape, type);
  return *this;
}

GraphBuilder& GraphBuilder::output(const std::string& name, const Shape& shape, DataType type) {
  set_value_info(model_.mutable_graph()->add_output(), name, shape, type);
  return *this;
}

GraphBuilder& GraphBuilder::initializer(const std::string& name, const Tensor& value) {
  *model_.mutable_graph()->add_initializer() = tensor_to_proto(value, name);
  return *this;
}

GraphBuilder& GraphBuilder::node(const std::string& op_type, const std::vector<std::string>& inputs,
                                 const std::vector<std::string>& outputs,
                                 const NamedAttributes& attributes, const std::string& name) {
  auto* n = model_.mutable_graph()->add_node();
  n->set_op_type(op_type);
  n->set_name(name);
  for (const auto& in : inputs) n->add_input(in);
  for (const auto& out : outputs) n->add_output(out);
  for (const auto& [key, attr] : attributes) {
    auto* a = n->add_attribute();
    a->set_name(key);
    switch (attr.kind) {
      case Attribute::Kind::kInt:
        a->set_type(onnx::AttributeProto::INT);
        a->set_i(attr.i);
        break;
      case Attribute::Kind::kFloat:
        a->set_type(onnx::AttributeProto::FLOAT);
        a->set_f(attr.f);
        break;
      case Attribute::Kind::kString:
        a->set_type(onnx::AttributeProto::STRING);
        a->set_s(attr.s);
        break;
      case Attribute::Kind::kInts:
        a->set_type(onnx::AttributeProto::INTS);
        for (int64_t v : attr.ints) a->add_ints(v);
        break;
      case Attribute::Kind::kFloats:
        a->set_type(onnx::AttributeProto::FLOATS);
        for (float v : attr.floats) a->add_floats(v);
        break;
      case Attribute::Kind::kTensor:
        a->set_type(onnx::AttributeProto::TENSOR);
        *a->mutable_t() = tensor_to_proto(attr.t, key);
        break;
      case Attribute::Kind::kOther:
        break;
    }
  }
  return *this;
}

Graph GraphBuilder::build(const std::string& origin) const {
  return Graph::from_model(model_, origin);
}

namespace {

// splitmix64: a fixed, portable stream, so the same seed gives the same weights everywhere.
class WeightStream {
 public:
  explicit WeightStream(uint64_t seed) : state_(seed) {}
  float uniform(float limit) {
    state_ += 0x9e3779b97f4a7c15ULL;
    uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    const double unit = static_cast<double>(z >> 11) / static_cast<double>(1ULL << 53);
    return static_cast<float>((2 * unit - 1) * limit);
  }
  Tensor tensor(const Shape& shape, int64_t fan_in) {
    std::vector<float> v(static_cast<size_t>(element_count(shape)));
    const float limit = 1.0f / std::sqrt(static_cast<float>(fan_in));
    for (float& x : v) x = uniform(limit);
    return Tensor::from_floats(shape, std::move(v));
  }

 private:
  uint64_t state_;
};

}  // namespace

GraphBuilder lenet5_builder(uint64_t seed) {
  WeightStream w(seed);
  GraphBuilder b;
  b.input("input", {-1, 1, 28, 28}).output("output", {-1, 10});
  b.initializer("conv1.w", w.tensor({6, 1, 5, 5}, 25)).initializer("conv1.b", w.tensor({6}, 25));
  b.initializer("conv2.w", w.tensor({16, 6, 5, 5}, 150))
      .initializer("conv2.b", w.tensor({16}, 150));
  b.initializer("fc1.w", w.tensor({120, 400}, 400)).initializer("fc1.b", w.tensor({120}, 400));
  b.initializer("fc2.w", w.tensor({84, 120}, 120)).initializer("fc2.b", w.tensor({84}, 120));
  b.initializer("fc3.w", w.tensor({10, 84}, 84)).initializer("fc3.b", w.tensor({10}, 84));
  const NamedAttributes pool = {{"kernel_shape", ints_attr({2, 2})},
                                {"strides", ints_attr({2, 2})}};
  const NamedAttributes linear = {{"transB", int_attr(1)}};
  b.node("Conv", {"input", "conv1.w", "conv1.b"}, {"c1"},
         {{"kernel_shape", ints_attr({5, 5})}, {"pads", ints_attr({2, 2, 2, 2})}}, "conv1");
  b.node("Relu", {"c1"}, {"r1"}, {}, "relu1");
  b.node("MaxPool", {"r1"}, {"p1"}, pool, "pool1");
  b.node("Conv", {"p1", "conv2.w", "conv2.b"}, {"c2"}, {{"kernel_shape", ints_attr({5, 5})}},
         "conv2");
  b.node("Relu", {"c2"}, {"r2"}, {}, "relu2");
  b.node("MaxPool", {"r2"}, {"p2"}, pool, "pool2");
  b.node("Flatten", {"p2"}, {"f"}, {}, "flatten");
  b.node("Gemm", {"f", "fc1.w", "fc1.b"}, {"g1"}, linear, "fc1");
  b.node("Relu", {"g1"}, {"r3"}, {}, "relu3");
  b.node("Gemm", {"r3", "fc2.w", "fc2.b"}, {"g2"}, linear, "fc2");
  b.node("Relu", {"g2"}, {"r4"}, {}, "relu4");
  b.node("Gemm", {"r4", "fc3.w", "fc3.b"}, {"logits"}, linear, "fc3");
  b.node("Softmax", {"logits"}, {"output"}, {{"axis", int_attr(1)}}, "softmax");
  return b;
}

void GraphBuilder::save(const std::string& path) const {
  AtomicFile file(path, /*binary=*/true);
  if (!model_.SerializeToOstream(&file.stream()))
    throw UserError(path + ": cannot serialize model");
  file.commit();
}

}  // namespace blsim
