// SPDX-License-Identifier: MIT
#include "workloads/train/graph_evaluation.h"

#include <algorithm>

#include "common/user_error.h"
#include "workloads/network_check.h"
#include "workloads/scores.h"

namespace blsim {

bool output_is_softmax(const Graph& graph) {
  if (graph.outputs().empty()) return false;
  const std::string& out = graph.outputs()[0].name;
  for (const Node& node : graph.nodes()) {
    if (std::find(node.outputs.begin(), node.outputs.end(), out) != node.outputs.end()) {
      return node.op_type == "Softmax";
    }
  }
  return false;
}

Evaluation evaluate_graph(const Graph& graph, const Dataset& data, size_t batch_size) {
  check_network_for_dataset(graph, graph.origin(), dataset_shape(data));
  Evaluation ev;
  ev.classes = static_cast<size_t>(data.classes);
  const size_t per = static_cast<size_t>(data.sample_values());
  const bool softmax_done = output_is_softmax(graph);
  for (size_t start = 0; start < data.size(); start += batch_size) {
    const size_t n = std::min(batch_size, data.size() - start);
    std::vector<float> pixels(data.image(start), data.image(start) + n * per);
    const Tensor out = graph.run(Tensor::from_floats(
        {static_cast<int64_t>(n), data.channels, data.height, data.width}, std::move(pixels)));
    if (out.type() != DataType::kFloat32 || out.rank() != 2 ||
        out.dim(0) != static_cast<int64_t>(n) || out.dim(1) != data.classes) {
      throw UserError(graph.origin() + ": output " + graph.outputs()[0].name + " is " +
                      shape_text(out.shape()) + ", expected [N," +
                      std::to_string(data.classes) + "] class scores for " + data.name);
    }
    std::vector<float> rows = out.float_values();
    to_probabilities(rows, ev.classes, softmax_done);
    for (size_t i = 0; i < n; ++i) {
      const int prediction = top_scores(rows.data() + i * ev.classes, ev.classes).top1_class;
      ev.predictions.push_back(prediction);
      if (prediction == data.labels[start + i]) ++ev.correct;
    }
    ev.probabilities.insert(ev.probabilities.end(), rows.begin(), rows.end());
  }
  return ev;
}

}  // namespace blsim
