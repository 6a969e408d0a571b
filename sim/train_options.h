// SPDX-License-Identifier: MIT
// The keys of the datasets ([data]) and of the trainer ([train]), declared beside the fields
// they fill (train_options.cpp).
#pragma once

#include <string>

#include "sim/config.h"
#include "workloads/train/trainer.h"

namespace blsim {

TrainOptions train_options_from(const Config& cfg);
// "epochs=60 seed=1 ...": every [train] key as given, in declaration order.
std::string train_settings_text(const Config& cfg);

// The folder of a dataset ("mnist", "fashion"), and the key that sets it (for messages).
std::string dataset_dir(const Config& cfg, const std::string& dataset);
std::string dataset_dir_key(const std::string& dataset);

}  // namespace blsim
