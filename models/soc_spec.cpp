// SPDX-License-Identifier: MIT
#include "models/soc_spec.h"

namespace blsim {

const char* cluster_name(ClusterId id) { return id == ClusterId::kBig ? "big" : "little"; }

const char* power_state_name(PowerState state) {
  switch (state) {
    case PowerState::kActive: return "active";
    case PowerState::kIdle: return "idle";
    case PowerState::kParked: return "parked";
    case PowerState::kOff: return "off";
  }
  return "?";
}

}  // namespace blsim
