// SPDX-License-Identifier: MIT
#include "sim/functional_pass.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/atomic_file.h"
#include "common/terminal_text.h"
#include "common/user_error.h"
#include "sim/cascade_spec.h"
#include "workloads/scores.h"
#include "workloads/train/graph_evaluation.h"

namespace blsim {
namespace {

ClassScores run_network(const Graph& graph, const Dataset& data, const FunctionalPassOptions& o) {
  if (graph.inputs().size() != 1 || graph.outputs().empty()) {
    throw UserError(graph.origin() + ": a cascade stage needs one input and an output");
  }
  const bool softmax = output_is_softmax(graph);
  const size_t n = data.size();
  const size_t per_sample = static_cast<size_t>(data.sample_values());
  ClassScores scores;
  for (size_t first = 0; first < n; first += static_cast<size_t>(o.batch)) {
    const size_t count = std::min(n - first, static_cast<size_t>(o.batch));
    std::vector<float> pixels(data.image(first), data.image(first) + count * per_sample);
    const Tensor input = Tensor::from_floats(
        {static_cast<int64_t>(count), data.channels, data.height, data.width}, std::move(pixels));
    const Tensor out = graph.run(input);
    if (out.type() != DataType::kFloat32 || out.rank() != 2 || out.dim(0) != static_cast<int64_t>(count) ||
        out.dim(1) < 2) {
      throw UserError(graph.origin() + ": output " + shape_text(out.shape()) +
                      " is not a [batch, classes] score matrix");
    }
    if (scores.classes == 0) {
      scores.classes = static_cast<size_t>(out.dim(1));
      scores.probs.reserve(n * scores.classes);
    }
    std::vector<float> rows = out.float_values();
    to_probabilities(rows, scores.classes, softmax);
    scores.probs.insert(scores.probs.end(), rows.begin(), rows.end());
    if (o.progress) {
      std::fprintf(stderr, "\r  %s: %zu/%zu", graph.origin().c_str(), first + count, n);
      std::fflush(stderr);
    }
  }
  if (o.progress) std::fprintf(stderr, "\n");
  return scores;
}

// The running executable's bytes: a rebuilt engine (other kernels, other rounding) never reads
// probabilities that an older build cached.
uint64_t build_hash() {
  static const uint64_t hash = [] {
    try {
      return hash_file("/proc/self/exe");
    } catch (const UserError&) {
      return uint64_t{0};
    }
  }();
  return hash;
}

}  // namespace

uint64_t hash_dataset(const Dataset& data) {
  const int64_t shape[] = {data.channels, data.height, data.width, data.classes};
  uint64_t h = content_hash(data.name.data(), data.name.size());
  h = content_hash(shape, sizeof shape, h);
  h = content_hash(data.images.data(), data.images.size() * sizeof(float), h);
  return content_hash(data.labels.data(), data.labels.size() * sizeof(int), h);
}

ClassScores class_scores(const std::string& net_path, const Graph& graph, const Dataset& data,
                         const FunctionalPassOptions& options) {
  const bool cached = options.use_cache && !options.cache_dir.empty();
  std::string path;
  uint64_t net_hash = 0, data_hash = 0;
  if (cached) {
    const uint64_t build = build_hash();
    net_hash = content_hash(&build, sizeof build, hash_file(net_path));
    data_hash = hash_dataset(data);
    path = score_cache_path(options.cache_dir, net_hash, data_hash);
    ClassScores hit;
    std::string why;
    const CacheLookup found = lookup_cached_scores(path, net_hash, data_hash, &hit, &why);
    if (found == CacheLookup::kHit && hit.samples() == data.size()) return hit;
    if (found == CacheLookup::kDamaged) {
      std::fprintf(stderr, "blsim: warning: %s: damaged score cache (%s); recomputing\n",
                   escape_for_terminal(path).c_str(), why.c_str());
    }
  }
  ClassScores scores = run_network(graph, data, options);
  if (cached) {
    make_output_dir(options.cache_dir);
    store_cached_scores(path, net_hash, data_hash, scores);
  }
  return scores;
}

StageScores stage_scores(const ClassScores& scores, GateMetric metric) {
  StageScores s;
  const size_t n = scores.samples();
  s.prediction.resize(n);
  s.confidence.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const float* p = scores.row(i);
    s.prediction[i] = top_scores(p, scores.classes).top1_class;
    switch (metric) {
      case GateMetric::kMargin: s.confidence[i] = score_margin(p, scores.classes); break;
      case GateMetric::kMaxProb: s.confidence[i] = max_probability(p, scores.classes); break;
      case GateMetric::kEntropy:
        s.confidence[i] = 1.0 - entropy_nats(p, scores.classes) / std::log(static_cast<double>(scores.classes));
        break;
    }
  }
  return s;
}

}  // namespace blsim
