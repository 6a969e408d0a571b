// SPDX-License-Identifier: MIT
// blsim run: not built yet (placeholder until its issue lands).
#include "sim/commands.h"
#include "workloads/user_error.h"

namespace blsim {

int cmd_run(const Args&) { throw UserError("run: this command is not built yet"); }

}  // namespace blsim
