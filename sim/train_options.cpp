// SPDX-License-Identifier: MIT
// Configuration keys of this concern (placeholder: none declared yet).
#include "sim/command_line.h"

namespace blsim {

void declare_train_options(OptionTable&) {}

}  // namespace blsim
