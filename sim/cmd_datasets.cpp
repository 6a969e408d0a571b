// SPDX-License-Identifier: MIT
// blsim datasets: not built yet (placeholder until its issue lands).
#include "sim/commands.h"
#include "workloads/user_error.h"

namespace blsim {

int cmd_datasets(const Args&) { throw UserError("datasets: this command is not built yet"); }

}  // namespace blsim
