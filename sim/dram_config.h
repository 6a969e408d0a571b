// SPDX-License-Identifier: MIT
// Raw config -> checked DramSpec: the [dram] keys of the SoC preset and of the memspec file it
// names (dram.memspec). Part of the SoC's configuration (sim/soc_config.h uses it).
#pragma once

#include "models/soc_spec.h"
#include "sim/config.h"

namespace blsim {

// Declares the dram.* keys (declare_soc_options calls it).
void declare_dram_options(OptionTable& t);

// cfg with every DRAM device key that cfg leaves at its default taken from the memspec file
// named by dram.memspec (origins "file.ini:line"). Throws UserError for a bad memspec.
Config with_memspec(const Config& cfg);

// Checked DramSpec from the dram.* keys of a config the memspec is already layered into.
DramSpec dram_from(const Config& cfg);

}  // namespace blsim
