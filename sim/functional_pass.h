// SPDX-License-Identifier: MIT
// The functional pass of a cascade: each network runs on every sample of a split with the real
// engine kernels, batched (results do not depend on the hardware or the batch size). Class
// probabilities are cached on disk by the hashes of the network, the data and the executable (a
// rebuilt engine may round differently); `use_cache = false` recomputes.
#pragma once

#include <string>

#include "workloads/cascade/cascade_scores.h"
#include "workloads/cascade/score_cache.h"
#include "workloads/datasets/dataset.h"
#include "workloads/graph.h"

namespace blsim {

enum class GateMetric;

struct FunctionalPassOptions {
  int batch = 256;
  std::string cache_dir;  // empty: no cache
  bool use_cache = true;
  bool progress = false;  // a \r progress line on stderr
};

// Content hash of a split: its name, shape, images and labels (the score cache's data key).
uint64_t hash_dataset(const Dataset& data);

// Class probabilities of `graph` (read from `net_path`) over `data`.
ClassScores class_scores(const std::string& net_path, const Graph& graph, const Dataset& data,
                         const FunctionalPassOptions& options);

// Prediction and gate confidence of every sample.
StageScores stage_scores(const ClassScores& scores, GateMetric metric);

}  // namespace blsim
