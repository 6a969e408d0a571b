// SPDX-License-Identifier: MIT
// Raw config -> checked SocSpec. The SoC preset is an ordinary config layer: commands that
// simulate the SoC add default_soc_preset() as a base file (CommandLine::add_base_file), so a
// user --config (e.g. configs/soc/gs101.ini) or --set overrides it key by key. The DRAM device
// comes from the memspec file the preset names (dram.memspec); keys set explicitly elsewhere
// win over the memspec. Every check failure names the key and the file:line that set it.
#pragma once

#include <string>

#include "models/soc_spec.h"
#include "sim/config.h"
#include "sim/dram_config.h"  // with_memspec

namespace blsim {

// configs/soc/exynos5422.ini under blsim_home(): the default SoC.
std::string default_soc_preset();

// Checked SocSpec from a config that holds a SoC preset (applies with_memspec itself).
SocSpec soc_spec_from(const Config& cfg);

}  // namespace blsim
