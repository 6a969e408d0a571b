// SPDX-License-Identifier: MIT
// blsim infer: not built yet (placeholder until its issue lands).
#include "sim/commands.h"
#include "workloads/user_error.h"

namespace blsim {

int cmd_infer(const Args&) { throw UserError("infer: this command is not built yet"); }

}  // namespace blsim
