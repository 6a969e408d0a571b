// SPDX-License-Identifier: MIT
#include "workloads/train/onnx_export.h"

#include <cstring>
#include <stdexcept>

#include "common/atomic_file.h"
#include "workloads/train/conv_layer.h"
#include "workloads/train/shape_layers.h"
#include "common/user_error.h"

namespace blsim {
namespace {

void add_ints(onnx::NodeProto& node, const std::string& name, std::vector<int64_t> values) {
  onnx::AttributeProto* a = node.add_attribute();
  a->set_name(name);
  a->set_type(onnx::AttributeProto::INTS);
  for (const int64_t v : values) a->add_ints(v);
}

void add_int(onnx::NodeProto& node, const std::string& name, int64_t value) {
  onnx::AttributeProto* a = node.add_attribute();
  a->set_name(name);
  a->set_type(onnx::AttributeProto::INT);
  a->set_i(value);
}

// raw_data is little-endian by the ONNX spec, whatever the host byte order.
void add_initializer(onnx::GraphProto& graph, const Param& p) {
  onnx::TensorProto* t = graph.add_initializer();
  t->set_name(p.name);
  t->set_data_type(onnx::TensorProto::FLOAT);
  for (const int64_t d : p.shape) t->add_dims(d);
  std::string bytes(p.value.size() * 4, '\0');
  for (size_t i = 0; i < p.value.size(); ++i) {
    uint32_t bits = 0;
    std::memcpy(&bits, &p.value[i], 4);
    for (int b = 0; b < 4; ++b) bytes[i * 4 + b] = static_cast<char>((bits >> (8 * b)) & 0xffu);
  }
  t->set_raw_data(bytes);
}

void set_float_type(onnx::ValueInfoProto& info, const std::string& name,
                    const std::vector<int64_t>& per_sample_shape) {
  info.set_name(name);
  onnx::TypeProto_Tensor* tensor = info.mutable_type()->mutable_tensor_type();
  tensor->set_elem_type(onnx::TensorProto::FLOAT);
  onnx::TensorShapeProto* shape = tensor->mutable_shape();
  shape->add_dim()->set_dim_param("N");
  for (const int64_t d : per_sample_shape) shape->add_dim()->set_dim_value(d);
}

}  // namespace

onnx::ModelProto network_to_onnx(Network& net, const std::string& doc_string) {
  onnx::ModelProto model;
  model.set_ir_version(kOnnxIrVersion);
  onnx::OperatorSetIdProto* opset = model.add_opset_import();
  opset->set_domain("");
  opset->set_version(kOnnxOpset);
  model.set_producer_name("blsim");
  model.set_producer_version(BLSIM_VERSION);
  model.set_doc_string(doc_string);

  onnx::GraphProto* graph = model.mutable_graph();
  graph->set_name(net.arch());
  set_float_type(*graph->add_input(), "input", net.input_shape());

  std::string previous = "input";
  for (const auto& layer : net.layers()) {
    onnx::NodeProto* node = graph->add_node();
    node->set_name(layer->name());
    node->set_op_type(layer->op_type());
    node->add_input(previous);
    for (Param* p : layer->params()) {
      node->add_input(p->name);
      add_initializer(*graph, *p);
    }
    previous = layer->name() + "_out";
    node->add_output(previous);
    const std::string op = layer->op_type();
    if (op == "Conv") {
      const auto& conv = static_cast<const ConvLayer&>(*layer);
      add_ints(*node, "kernel_shape", {conv.kernel(), conv.kernel()});
      add_ints(*node, "pads", {conv.pad(), conv.pad(), conv.pad(), conv.pad()});
      add_ints(*node, "strides", {conv.stride(), conv.stride()});
      if (conv.group() != 1) add_int(*node, "group", conv.group());
    } else if (op == "MaxPool") {
      const auto& pool = static_cast<const MaxPoolLayer&>(*layer);
      add_ints(*node, "kernel_shape", {pool.kernel(), pool.kernel()});
      add_ints(*node, "strides", {pool.stride(), pool.stride()});
    } else if (op == "Gemm") {
      add_int(*node, "transB", 1);
    } else if (op == "Flatten") {
      add_int(*node, "axis", 1);
    } else if (op != "Relu") {
      throw std::logic_error("network_to_onnx: no export for layer type " + op);
    }
  }
  onnx::NodeProto* softmax = graph->add_node();
  softmax->set_name("softmax");
  softmax->set_op_type("Softmax");
  softmax->add_input(previous);
  softmax->add_output("output");
  add_int(*softmax, "axis", 1);
  set_float_type(*graph->add_output(), "output", {net.classes()});
  return model;
}

void write_onnx(Network& net, const std::string& path, const std::string& doc_string) {
  const onnx::ModelProto model = network_to_onnx(net, doc_string);
  std::string bytes;
  if (!model.SerializeToString(&bytes)) {
    throw std::runtime_error("write_onnx: protobuf serialisation failed");
  }
  AtomicFile file(path, true);
  file.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.commit();
}

}  // namespace blsim
