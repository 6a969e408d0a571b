// SPDX-License-Identifier: MIT
// Fuzzes the INI configuration path: load_config over the full option table on the input as one
// file, then the checked SoC and cascade specs. The file sits two folders deep beside links to the
// real configs/dram and workloads folders, so the relative paths of real presets resolve.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>

#include "fuzz/fuzz_scratch_dir.h"
#include "sim/cascade_spec.h"
#include "sim/command_line.h"
#include "sim/config.h"
#include "sim/soc_config.h"
#include "common/user_error.h"
#include "fuzz/fuzz_oracles.h"

// libsystemc's own main() calls sc_main; libFuzzer's main() runs instead, so this never does.
extern "C" int sc_main(int, char*[]) { return 0; }

namespace {

const std::string& home() {
  static const std::string dir = BLSIM_SOURCE_DIR;
  return dir;
}

const blsim::FuzzScratchDir& scratch() {
  static const blsim::FuzzScratchDir& dir = [] () -> const blsim::FuzzScratchDir& {
    const blsim::FuzzScratchDir& d = blsim::FuzzScratchDir::instance();
    d.link("configs/dram", home() + "/configs/dram");
    d.link("workloads", home() + "/workloads");
    return d;
  }();
  return dir;
}

// Integer keys the specs narrow to int: a value that does not survive is a silently wrong model.
void check_narrowing(const blsim::Config& raw, const blsim::SocSpec& soc) {
  const blsim::Config cfg = blsim::with_memspec(raw);
  for (const blsim::ClusterSpec& c : soc.clusters) {
    if (cfg.integer("cluster." + c.name + ".cores") != c.cores) std::abort();
  }
  const std::pair<const char*, int64_t> kept[] = {
      {"dram.channels", soc.dram.channels},
      {"dram.ranks", soc.dram.ranks},
      {"dram.banks", soc.dram.banks},
      {"dram.device_width_bits", soc.dram.device_width_bits},
      {"dram.cl_ck", soc.dram.cl_ck},
      {"dram.wl_ck", soc.dram.wl_ck},
      {"dram.tccd_ck", soc.dram.tccd_ck},
      {"dram.devices_per_rank", soc.dram.power.devices_per_rank},
      {"dram.burst_length", soc.dram.power.burst_length}};
  for (const auto& [key, value] : kept) {
    if (cfg.integer(key) != value) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string file = scratch().write("configs/fuzz/fuzz.ini", data, size);
  blsim::Config cfg;
  try {
    cfg = blsim::load_config(blsim::blsim_options(), {file}, {}, home());
  } catch (const blsim::UserError& e) {
    blsim::require_one_line(e);
    return 0;
  }
  try {
    check_narrowing(cfg, blsim::soc_spec_from(cfg));
  } catch (const blsim::UserError& e) {
    blsim::require_one_line(e);
  }
  try {
    const blsim::CascadeSpec spec = blsim::cascade_spec_from(cfg);
    if (spec.batch != cfg.integer("cascade.batch")) std::abort();
  } catch (const blsim::UserError& e) {
    blsim::require_one_line(e);
  }
  return 0;
}
