// SPDX-License-Identifier: MIT
// Configuration inputs the fuzzer (fuzz/fuzz_config.cpp) or its oracles caught, replayed through
// the same entry point: each file is loaded two folders deep beside links to configs/dram and
// workloads, then turned into SoC and cascade specs; each step succeeds or throws UserError.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../regression_files.h"
#include "sim/cascade_spec.h"
#include "sim/command_line.h"
#include "sim/config.h"
#include "sim/soc_config.h"
#include "common/user_error.h"

namespace blsim {
namespace {

namespace fs = std::filesystem;

using testing::regression_files;

// A scratch tree where "../dram/X.ini" and "../../workloads/nets/X.onnx" resolve as they do
// for the presets in configs/.
fs::path scratch_tree() {
  // One tree per process: ctest runs the tests of this file in parallel processes.
  const fs::path root =
      fs::path(::testing::TempDir()) / ("blsim-config-regressions-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "configs" / "regress");
  fs::create_symlink(fs::path(BLSIM_SOURCE_DIR) / "configs" / "dram", root / "configs" / "dram");
  fs::create_symlink(fs::path(BLSIM_SOURCE_DIR) / "workloads", root / "workloads");
  return root;
}

// Integer keys the SoC spec keeps as int must keep their value (not wrap).
void expect_int_fields_kept(const Config& raw, const SocSpec& soc) {
  const Config cfg = with_memspec(raw);
  for (const ClusterSpec& c : soc.clusters) {
    EXPECT_EQ(cfg.integer("cluster." + c.name + ".cores"), c.cores);
  }
  EXPECT_EQ(cfg.integer("dram.channels"), soc.dram.channels);
  EXPECT_EQ(cfg.integer("dram.ranks"), soc.dram.ranks);
  EXPECT_EQ(cfg.integer("dram.banks"), soc.dram.banks);
  EXPECT_EQ(cfg.integer("dram.burst_length"), soc.dram.power.burst_length);
  EXPECT_EQ(cfg.integer("dram.devices_per_rank"), soc.dram.power.devices_per_rank);
}

TEST(ConfigRegressions, EveryFileIsAcceptedOrRejectedWithUserError) {
  const std::vector<fs::path> files = regression_files("fuzz_config");
  ASSERT_FALSE(files.empty());
  const fs::path root = scratch_tree();
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    const fs::path copy = root / "configs" / "regress" / file.filename();
    fs::copy_file(file, copy, fs::copy_options::overwrite_existing);
    Config cfg;
    try {
      cfg = load_config(blsim_options(), {copy.string()}, {}, BLSIM_SOURCE_DIR);
    } catch (const UserError&) {
      continue;
    }
    try {
      expect_int_fields_kept(cfg, soc_spec_from(cfg));
    } catch (const UserError&) {
    }
    try {
      const CascadeSpec spec = cascade_spec_from(cfg);
      EXPECT_EQ(spec.batch, cfg.integer("cascade.batch"));
    } catch (const UserError&) {
    }
  }
  fs::remove_all(root);
}

// The three wrapping values are refused with a message naming the key.
TEST(ConfigRegressions, IntegerKeysBeyondIntAreRefusedByName) {
  const fs::path root = scratch_tree();
  const std::pair<const char*, const char*> cases[] = {
      {"burst-length-wraps-to-zero.ini", "dram.burst_length"},
      {"channels-wrap-to-one.ini", "dram.channels"},
      {"cascade-batch-wraps-to-zero.ini", "cascade.batch"}};
  for (const auto& [name, key] : cases) {
    SCOPED_TRACE(name);
    const fs::path copy = root / "configs" / "regress" / name;
    fs::copy_file(fs::path(BLSIM_SOURCE_DIR) / "tests" / "data" / "regressions" / "fuzz_config" /
                      name,
                  copy, fs::copy_options::overwrite_existing);
    std::string message;
    try {
      const Config cfg = load_config(blsim_options(), {copy.string()}, {}, BLSIM_SOURCE_DIR);
      if (std::string(key) == "cascade.batch") {
        cascade_spec_from(cfg);
      } else {
        soc_spec_from(cfg);
      }
    } catch (const UserError& e) {
      message = e.what();
    }
    EXPECT_NE(message.find(key), std::string::npos) << message;
    EXPECT_NE(message.find("of at most"), std::string::npos) << message;
  }
  fs::remove_all(root);
}

}  // namespace
}  // namespace blsim
