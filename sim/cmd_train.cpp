// SPDX-License-Identifier: MIT
// blsim train: trains a named architecture on a dataset's training split, reports one line per
// epoch (loss, train and validation accuracy, time), and writes the network as ONNX. With
// --teacher it distils a trained network's softened outputs into the new one. The test split is
// never looked at here; `blsim eval` measures it.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <optional>
#include <sstream>

#include "common/atomic_file.h"
#include "sim/command_line.h"
#include "sim/commands.h"
#include "sim/train_options.h"
#include "workloads/datasets/dataset.h"
#include "workloads/train/architectures.h"
#include "workloads/train/onnx_export.h"
#include "workloads/graph.h"
#include "workloads/network_check.h"
#include "workloads/train/teacher.h"
#include "workloads/train/trainer.h"
#include "common/user_error.h"

namespace blsim {
namespace {

// The architectures, one per line, for the help text.
std::string architecture_list() {
  std::string text;
  for (const auto& a : architectures()) {
    text += "\n  " + a.name + std::string(a.name.size() < 12 ? 12 - a.name.size() : 1, ' ') +
            a.description;
  }
  return text + "\n  mlp-W[-W...] any MLP of these hidden widths, e.g. mlp-128 (784-128-10) or mlp-256-64";
}

// Everything that determines the weights, stored in the model's doc_string.
std::string recipe_of(const std::string& dataset, const std::string& arch, const Config& cfg,
                      size_t max_train) {
  std::ostringstream s;
  s << "blsim train: dataset=" << dataset << " arch=" << arch;
  s << " " << train_settings_text(cfg);
  if (max_train != 0) s << " max_train=" << max_train;
  return s.str();
}

}  // namespace

int cmd_train(const Args& args) {
  CommandLine cl("train",
                 "train a named architecture on a dataset and write it as ONNX (ends in "
                 "Softmax)\n\nArchitectures:" + architecture_list(),
                 "blsim train --dataset mnist --arch cnn-big --epochs 20 --seed 1 "
                 "--out mnist-big.onnx");
  cl.options().add_options()
      ("dataset", po::value<std::string>()->required(), "mnist or fashion")
      ("arch", po::value<std::string>()->required(), "network architecture (listed above)")
      ("out", po::value<std::string>()->required(), "ONNX file to write")
      ("max-train", po::value<int64_t>()->default_value(0),
       "train on the first N samples of the training split only (0: all)");
  cl.shortcut("epochs", "train.epochs", "passes over the training split");
  cl.shortcut("seed", "train.seed", "seed of the weights, sample order and augmentation");
  cl.shortcut("teacher", "train.teacher", "ONNX network to distil from (knowledge distillation)");
  cl.shortcut("temperature", "train.temperature", "distillation temperature T");
  cl.shortcut("alpha", "train.alpha", "weight of the teacher's soft targets against the labels");
  if (!cl.parse(args)) return 0;
  const Config& cfg = cl.config();
  const std::string dataset = cl.get<std::string>("dataset");
  const std::string arch = cl.get<std::string>("arch");
  const std::string out = cl.get<std::string>("out");
  const int64_t max_train = cl.get<int64_t>("max-train");
  if (max_train < 0) throw UserError("train: --max-train must be 0 or positive");
  const TrainOptions options = train_options_from(cfg);

  const std::string dir = dataset_dir(cfg, dataset);
  Dataset train = load_dataset(dataset, Split::kTrain, dir);
  truncate_dataset(train, static_cast<size_t>(max_train));
  const Dataset val = load_dataset(dataset, Split::kVal, dir);
  Network net = build_architecture(arch, train.channels, train.height, train.width,
                                   train.classes, options.seed);
  std::cout << "train: " << arch << " on " << dataset << " (" << train.size() << " train, "
            << val.size() << " val), " << net.param_count() << " parameters, " << net.macs()
            << " MACs per sample\n";

  TrainCallbacks callbacks;
  callbacks.on_epoch = [&](const EpochReport& r) {
    char line[200];
    std::snprintf(line, sizeof line,
                  "epoch %3lld/%lld  loss %.4f  train %6.2f%%  val %6.2f%%  lr %.2e  %6.1f s",
                  static_cast<long long>(r.epoch), static_cast<long long>(options.epochs), r.loss,
                  100.0 * r.train_accuracy, 100.0 * r.val_accuracy, r.learning_rate, r.time_s);
    std::cout << (isatty(STDOUT_FILENO) ? "\r" : "") << line
              << (isatty(STDOUT_FILENO) ? "        \n" : "\n") << std::flush;
  };
  int last_percent = -1;
  if (isatty(STDOUT_FILENO)) {
    callbacks.on_batch = [&](int64_t epoch, size_t done, size_t total, double loss) {
      const int width = 30;
      const int filled = static_cast<int>(width * done / total);
      const int percent = static_cast<int>(100 * done / total);
      if (percent == last_percent && done != total) return;  // redraw once per percent
      last_percent = percent;
      std::printf("\repoch %3lld [%s%s] %3d%%  loss %.4f", static_cast<long long>(epoch),
                  std::string(static_cast<size_t>(filled), '#').c_str(),
                  std::string(static_cast<size_t>(width - filled), '.').c_str(), percent, loss);
      std::fflush(stdout);
    };
  }
  std::optional<Graph> teacher_graph;
  std::optional<Teacher> teacher;
  if (!options.teacher.empty()) {
    teacher_graph.emplace(Graph::load(options.teacher));
    check_network_for_dataset(*teacher_graph, options.teacher, dataset_shape(train));
    teacher.emplace(*teacher_graph, options.temperature, train.classes, train.size(),
                    options.max_shift_px);
    std::cout << "distilling from " << options.teacher << " (T " << options.temperature
              << ", alpha " << options.alpha << ")\n";
  }
  check_output_file(out);  // before the training, not after it
  train_network(net, train, val, options, callbacks, teacher ? &*teacher : nullptr);
  write_onnx(net, out, recipe_of(dataset, arch, cfg, static_cast<size_t>(max_train)));
  std::cout << "wrote " << out << "\n";
  return 0;
}

}  // namespace blsim
