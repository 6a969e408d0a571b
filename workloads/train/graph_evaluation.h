// SPDX-License-Identifier: MIT
// Runs an ONNX network (through the inference engine's Graph) over a dataset split in batches
// and scores it: class probabilities per sample (softmax applied unless the graph's output comes
// from a Softmax node, see scores.h), predictions and accuracy.
#pragma once

#include <cstddef>
#include <vector>

#include "workloads/datasets/dataset.h"
#include "workloads/graph.h"

namespace blsim {

struct Evaluation {
  size_t classes = 0;
  std::vector<float> probabilities;  // samples x classes
  std::vector<int> predictions;      // top-1 class per sample
  size_t correct = 0;
  double accuracy() const {
    return predictions.empty() ? 0.0
                               : static_cast<double>(correct) /
                                     static_cast<double>(predictions.size());
  }
};

// True when the graph's (first) output is produced by a Softmax node.
bool output_is_softmax(const Graph& graph);

// Throws UserError naming the network file when it does not take the dataset's images
// ([N, C, H, W] input) or does not output one score per class.
Evaluation evaluate_graph(const Graph& graph, const Dataset& data, size_t batch_size = 256);

}  // namespace blsim
