// SPDX-License-Identifier: MIT
// Energy of moving data on chip: bytes over the interconnect and bytes in a shared cache level
// are priced per byte (the presets' pJ/B figures), and a shared cache leaks at a constant power
// while the SoC is on. Pure functions: the models count bytes and time, these price them.
#pragma once

#include <cstdint>

namespace blsim {

double noc_energy_j(uint64_t bytes, double pj_per_byte);
double cache_access_energy_j(uint64_t bytes, double pj_per_byte);
double cache_leakage_energy_j(double leak_w, double seconds);

}  // namespace blsim
