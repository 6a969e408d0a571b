// SPDX-License-Identifier: MIT
// blsim eval: not built yet (placeholder until its issue lands).
#include "sim/commands.h"
#include "workloads/user_error.h"

namespace blsim {

int cmd_eval(const Args&) { throw UserError("eval: this command is not built yet"); }

}  // namespace blsim
