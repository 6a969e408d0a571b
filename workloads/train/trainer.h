// SPDX-License-Identifier: MIT
// Mini-batch training of a Network on a Dataset: per epoch a seeded shuffle, optional random
// pixel shifts, softmax cross-entropy (or, given a teacher, the distillation loss), one optimizer
// step per batch on a scheduled learning rate, then validation accuracy. Single-threaded, so a
// seed fixes every weight bit for a given build.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "workloads/datasets/dataset.h"
#include "workloads/train/network.h"
#include "workloads/train/optimizer.h"

namespace blsim {

struct TrainOptions {
  int64_t epochs = 10;
  int64_t batch_size = 64;
  uint64_t seed = 1;
  double learning_rate = 1e-3;
  LrSchedule schedule = LrSchedule::kCosine;
  OptimizerOptions optimizer;
  int64_t max_shift_px = 0;  // each training image moves by up to this many pixels in x and y
  std::string teacher;  // ONNX network to distil from (empty: labels only)
  double temperature = 1.0;  // softens the teacher's and the student's outputs (distillation)
  double alpha = 0.5;        // weight of the teacher's soft targets against the labels
};

struct EpochReport {
  int64_t epoch = 0;  // 1-based
  double loss = 0.0;  // mean training loss over the epoch, nats
  double train_accuracy = 0.0;  // on the (augmented) training batches, as seen while training
  double val_accuracy = 0.0;
  double learning_rate = 0.0;  // at the end of the epoch
  double time_s = 0.0;         // wall-clock time of the epoch (not part of any output file)
};

struct TrainCallbacks {
  std::function<void(const EpochReport&)> on_epoch;
  // Called after every batch: epoch (1-based), samples done, samples in the epoch, running loss.
  std::function<void(int64_t, size_t, size_t, double)> on_batch;
};

class Teacher;

// `teacher` (optional) gives the soft targets; options.temperature and options.alpha weigh them.
std::vector<EpochReport> train_network(Network& net, const Dataset& train, const Dataset& val,
                                       const TrainOptions& options,
                                       const TrainCallbacks& callbacks = {},
                                       Teacher* teacher = nullptr);

// Fraction of samples whose most probable class is the label.
double accuracy_of(Network& net, const Dataset& data);

}  // namespace blsim
