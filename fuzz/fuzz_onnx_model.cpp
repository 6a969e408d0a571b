// SPDX-License-Identifier: MIT
// Fuzzes ONNX import as `blsim inspect/infer/run` do it: ModelProto parse, Graph::from_model
// (operator, attribute, shape and finite-weight checks), cost() (overflow-checked), the
// network-for-dataset check of `run` and `eval`, then one run on zero inputs. Runs are skipped
// when the inputs or the costed work are large: a big legitimate model is not a finding.
#include <onnx/onnx_pb.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "workloads/graph.h"
#include "workloads/network_check.h"
#include "common/user_error.h"
#include "fuzz/fuzz_oracles.h"

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

// The check `run` and `eval` apply: when it accepts, one image gives one score per class.
void checks_as_classifier(const blsim::Graph& graph) {
  const blsim::DatasetShape mnist = blsim::dataset_shape("mnist");
  try {
    blsim::check_network_for_dataset(graph, "fuzz.onnx", mnist);
  } catch (const blsim::UserError& e) {
    blsim::require_one_line(e);
    return;
  }
  const blsim::Tensor out = graph.run(blsim::Tensor({1, 1, 28, 28}));
  if (out.type() != blsim::DataType::kFloat32 || out.shape() != blsim::Shape{1, 10}) std::abort();
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
    // Accepted weights are finite numbers.
    for (const auto& [name, t] : graph.initializers()) {
      if (t.type() != blsim::DataType::kFloat32) continue;
      for (int64_t i = 0; i < t.size(); ++i) {
        if (!std::isfinite(t.floats()[i])) std::abort();
      }
    }
    const blsim::NetworkCost cost = graph.cost();
    // Every node is priced once: a cost table with missing or extra rows is a wrong report.
    if (cost.layers.size() != graph.nodes().size()) std::abort();
    // FLOPs count each MAC twice (plus extras): fewer FLOPs than MACs means a count wrapped.
    for (const blsim::LayerCost& layer : cost.layers) {
      if (layer.flops < layer.macs) std::abort();
    }
    if (!cheap_enough(cost)) return 0;
    // Only where the costed shape is the image's, so the probe run stays within the bounds above.
    if (graph.cost_input_shapes() == std::vector<blsim::Shape>{{1, 1, 28, 28}}) {
      checks_as_classifier(graph);
    }
    std::vector<blsim::Tensor> inputs;
    if (!zero_inputs(graph, &inputs)) return 0;
    const std::vector<blsim::Tensor> outputs = graph.run(inputs);
    if (outputs.size() != graph.outputs().size()) std::abort();
    for (const blsim::Tensor& out : outputs) {
      if (out.size() != blsim::element_count(out.shape())) std::abort();
    }
  } catch (const blsim::UserError& e) {
    blsim::require_one_line(e);
    // Rejected with a message: the expected outcome for a bad model.
  }
  return 0;
}
