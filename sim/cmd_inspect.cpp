// SPDX-License-Identifier: MIT
// blsim inspect: not built yet (placeholder until its issue lands).
#include "sim/commands.h"
#include "workloads/user_error.h"

namespace blsim {

int cmd_inspect(const Args&) { throw UserError("inspect: this command is not built yet"); }

}  // namespace blsim
