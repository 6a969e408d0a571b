// SPDX-License-Identifier: MIT
// A shipped memspec (configs/dram/NAME) on the default preset with the given channels and ranks,
// read as `blsim dram` reads it: for the DRAM benchmark programs.
#pragma once

#include <string>

#include "models/soc_spec.h"
#include "sim/command_line.h"
#include "sim/config.h"
#include "sim/soc_config.h"

namespace blsim {

inline DramSpec shipped_dram_spec(const std::string& name, int channels, int ranks) {
  const Config cfg = load_config(
      blsim_options(), {default_soc_preset()},
      {"dram.memspec=" + blsim_home() + "/configs/dram/" + name,
       "dram.channels=" + std::to_string(channels), "dram.ranks=" + std::to_string(ranks)},
      blsim_home());
  return soc_spec_from(cfg).dram;
}

}  // namespace blsim
