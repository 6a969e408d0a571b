// SPDX-License-Identifier: MIT
#include "workloads/train/trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "common/user_error.h"
#include "workloads/datasets/rng.h"
#include "workloads/scores.h"
#include "workloads/train/augment.h"
#include "workloads/train/softmax_cross_entropy.h"
#include "workloads/train/teacher.h"

namespace blsim {

double accuracy_of(Network& net, const Dataset& data) {
  if (data.size() == 0) return 0.0;
  const std::vector<float> probs = net.predict(data.images.data(), data.size());
  const size_t k = static_cast<size_t>(net.classes());
  size_t hits = 0;
  for (size_t i = 0; i < data.size(); ++i) {
    if (top_scores(probs.data() + i * k, k).top1_class == data.labels[i]) ++hits;
  }
  return static_cast<double>(hits) / static_cast<double>(data.size());
}

std::vector<EpochReport> train_network(Network& net, const Dataset& train, const Dataset& val,
                                       const TrainOptions& options,
                                       const TrainCallbacks& callbacks, Teacher* teacher) {
  if (train.size() == 0) throw std::invalid_argument("train_network: empty training set");
  if (options.epochs <= 0 || options.batch_size <= 0) {
    throw std::invalid_argument("train_network: epochs and batch size must be positive");
  }
  // Separate streams, so changing the augmentation does not change the sample order.
  SplitMix64 order_rng(options.seed ^ 0x0a0a0a0a0a0a0a0aULL);
  SplitMix64 shift_rng(options.seed ^ 0x5151515151515151ULL);
  Optimizer optimizer(options.optimizer, net.params());

  const size_t n = train.size();
  const size_t per = static_cast<size_t>(train.sample_values());
  const size_t batches_per_epoch = (n + static_cast<size_t>(options.batch_size) - 1) /
                                   static_cast<size_t>(options.batch_size);
  const int64_t total_steps = options.epochs * static_cast<int64_t>(batches_per_epoch);
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});

  Activations batch, grad;
  std::vector<int> labels;
  std::vector<size_t> keys;
  std::vector<float> soft;
  std::vector<EpochReport> reports;
  int64_t step = 0;
  double lr = options.learning_rate;
  for (int64_t epoch = 1; epoch <= options.epochs; ++epoch) {
    const auto start = std::chrono::steady_clock::now();
    fisher_yates_shuffle(order, order_rng);
    double loss_sum = 0.0;
    int64_t correct = 0;
    for (size_t first = 0; first < n; first += static_cast<size_t>(options.batch_size)) {
      const size_t count = std::min(static_cast<size_t>(options.batch_size), n - first);
      batch.resize({static_cast<int64_t>(count), train.channels, train.height, train.width});
      labels.resize(count);
      keys.resize(count);
      for (size_t j = 0; j < count; ++j) {
        const size_t index = order[first + j];
        labels[j] = train.labels[index];
        float* dst = batch.data.data() + j * per;
        int64_t dx = 0, dy = 0;
        if (options.max_shift_px > 0) {
          const int64_t span = 2 * options.max_shift_px + 1;
          dx = static_cast<int64_t>(shift_rng.below(span)) - options.max_shift_px;
          dy = static_cast<int64_t>(shift_rng.below(span)) - options.max_shift_px;
          shift_image(train.image(index), dst, train.channels, train.height, train.width, dx, dy);
        } else {
          std::copy_n(train.image(index), per, dst);
        }
        if (teacher != nullptr) keys[j] = teacher->key(index, dx, dy);
      }
      if (teacher != nullptr) teacher->targets(batch, keys, soft);
      net.zero_grad();
      const Activations& logits = net.forward(batch, true);
      int64_t hits = 0;
      const double loss =
          teacher != nullptr
              ? distillation_loss(logits, labels.data(), soft.data(), teacher->temperature(),
                                  options.alpha, grad, &hits)
              : softmax_cross_entropy(logits, labels.data(), grad, &hits);
      if (!std::isfinite(loss)) {
        // Weights that produced a NaN or infinite loss are no longer finite numbers either: stop
        // before they reach a model file.
        throw UserError("train: epoch " + std::to_string(epoch) + ", batch " +
                        std::to_string(first / static_cast<size_t>(options.batch_size) + 1) +
                        ": loss is " + (std::isnan(loss) ? "nan" : "inf") +
                        ", training diverged (try a lower train.learning_rate); no model written");
      }
      loss_sum += loss * static_cast<double>(count);
      correct += hits;
      net.backward(grad);
      lr = scheduled_learning_rate(options.schedule, options.learning_rate, step, total_steps);
      optimizer.step(lr);
      ++step;
      if (callbacks.on_batch) {
        callbacks.on_batch(epoch, first + count, n, loss_sum / static_cast<double>(first + count));
      }
    }
    EpochReport report;
    report.epoch = epoch;
    report.loss = loss_sum / static_cast<double>(n);
    report.train_accuracy = static_cast<double>(correct) / static_cast<double>(n);
    report.val_accuracy = accuracy_of(net, val);
    report.learning_rate = lr;
    report.time_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    reports.push_back(report);
    if (callbacks.on_epoch) callbacks.on_epoch(report);
  }
  return reports;
}

}  // namespace blsim
