// SPDX-License-Identifier: MIT
// blsim train: not built yet (placeholder until its issue lands).
#include "sim/commands.h"
#include "workloads/user_error.h"

namespace blsim {

int cmd_train(const Args&) { throw UserError("train: this command is not built yet"); }

}  // namespace blsim
