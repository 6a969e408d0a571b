// SPDX-License-Identifier: MIT
// blsim profile: not built yet (placeholder until its issue lands).
#include "sim/commands.h"
#include "workloads/user_error.h"

namespace blsim {

int cmd_profile(const Args&) { throw UserError("profile: this command is not built yet"); }

}  // namespace blsim
