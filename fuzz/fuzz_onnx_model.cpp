// SPDX-License-Identifier: MIT
// Fuzzes ONNX import as `blsim inspect/infer` do it: ModelProto parse, Graph::from_model (operator,
// attribute and shape checks), cost(), then one run on zero inputs. The run is skipped when the
// inputs or the costed work are large: a big legitimate model is not a finding, a crash is.
#include <onnx/onnx_pb.h>

#include <cstdint>
#include <cstdlib>
#include <vector>

#include "workloads/graph.h"
#include "common/user_error.h"

namespace {

constexpr int64_t kMaxInputElements = 1 << 16;
constexpr uint64_t kMaxRunMacs = 20'000'000;
constexpr uint64_t kMaxRunBytes = 64ull << 20;

// Zero inputs at the shapes cost() uses, or nothing when they are too large to run quickly.
bool zero_inputs(const blsim::Graph& graph, std::vector<blsim::Tensor>* inputs) {
  const std::vector<blsim::Shape> shapes = graph.cost_input_shapes();
  int64_t total = 0;
  for (size_t i = 0; i < shapes.size(); ++i) {
    int64_t n = 1;
    for (int64_t d : shapes[i]) {
      if (d < 0 || __builtin_mul_overflow(n, d, &n)) return false;
    }
    total += n;
    if (n > kMaxInputElements || total > kMaxInputElements) return false;
    inputs->emplace_back(shapes[i], graph.inputs()[i].type);
  }
  return true;
}

bool cheap_enough(const blsim::NetworkCost& cost) {
  uint64_t bytes = 0;
  for (const blsim::LayerCost& layer : cost.layers) {
    if (__builtin_add_overflow(bytes, layer.output_bytes, &bytes)) return false;
  }
  return bytes <= kMaxRunBytes && cost.total_macs() <= kMaxRunMacs;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  onnx::ModelProto model;
  if (size > static_cast<size_t>(INT32_MAX) ||
      !model.ParseFromArray(data, static_cast<int>(size)) || !model.has_graph()) {
    return 0;
  }
  try {
    const blsim::Graph graph = blsim::Graph::from_model(model, "fuzz.onnx");
    const blsim::NetworkCost cost = graph.cost();
    // Every node is priced once: a cost table with missing or extra rows is a wrong report.
    if (cost.layers.size() != graph.nodes().size()) std::abort();
    if (!cheap_enough(cost)) return 0;
    std::vector<blsim::Tensor> inputs;
    if (!zero_inputs(graph, &inputs)) return 0;
    const std::vector<blsim::Tensor> outputs = graph.run(inputs);
    if (outputs.size() != graph.outputs().size()) std::abort();
    for (const blsim::Tensor& out : outputs) {
      if (out.size() != blsim::element_count(out.shape())) std::abort();
    }
  } catch (const blsim::UserError&) {
    // Rejected with a message: the expected outcome for a bad model.
  }
  return 0;
}
