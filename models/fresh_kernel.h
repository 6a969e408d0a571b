// SPDX-License-Identifier: MIT
// Several simulations in one process (tests, sweeps): SystemC 2.3 cannot elaborate again after
// sc_start, so each simulation gets a new simulation context. The old context is left allocated
// on purpose: modules of the previous simulation may still refer to it while they are destroyed.
#pragma once

namespace blsim {

// Call before constructing the modules of a new simulation, with no simulation running.
void fresh_simulation_kernel();

}  // namespace blsim
