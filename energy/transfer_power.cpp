// SPDX-License-Identifier: MIT
#include "energy/transfer_power.h"

namespace blsim {

double noc_energy_j(uint64_t bytes, double pj_per_byte) {
  return static_cast<double>(bytes) * pj_per_byte * 1e-12;
}

double cache_access_energy_j(uint64_t bytes, double pj_per_byte) {
  return static_cast<double>(bytes) * pj_per_byte * 1e-12;
}

double cache_leakage_energy_j(double leak_w, double seconds) { return leak_w * seconds; }

}  // namespace blsim
