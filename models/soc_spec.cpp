// SPDX-License-Identifier: MIT
#include "models/soc_spec.h"

namespace blsim {

const EnumNames<PowerState>& power_state_names() {
  static const EnumNames<PowerState> names = {{PowerState::kActive, "active"},
                                              {PowerState::kIdle, "idle"},
                                              {PowerState::kParked, "parked"},
                                              {PowerState::kOff, "off"}};
  return names;
}

const char* power_state_name(PowerState state) { return power_state_names().name(state); }

ClusterIndex SocSpec::find_cluster(const std::string& name) const {
  for (size_t i = 0; i < clusters.size(); ++i) {
    if (clusters[i].name == name) return i;
  }
  return clusters.size();
}

std::string SocSpec::cluster_names() const {
  std::string out;
  for (const auto& c : clusters) out += (out.empty() ? "" : ", ") + c.name;
  return out;
}

}  // namespace blsim
