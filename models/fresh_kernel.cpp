// SPDX-License-Identifier: MIT
#include "models/fresh_kernel.h"

#include <systemc>

namespace blsim {

void fresh_simulation_kernel() {
  auto* context = new sc_core::sc_simcontext;
  sc_core::sc_curr_simcontext = context;
  sc_core::sc_default_global_context = context;
}

}  // namespace blsim
