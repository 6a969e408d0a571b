// SPDX-License-Identifier: MIT
// The SoC presets load into a checked SocSpec; bad values fail with the key and file:line; and
// the presets behave as their silicon does: big is faster, little spends less energy per MAC.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "models/dram_timing.h"
#include "models/network_estimate.h"
#include "sim/command_line.h"
#include "sim/soc_config.h"
#include "tests/models/soc_fixtures.h"
#include "common/user_error.h"

namespace blsim {
namespace {

std::string preset(const std::string& name) {
  return (std::filesystem::path(blsim_home()) / "configs" / "soc" / (name + ".ini")).string();
}

Config load(const std::vector<std::string>& files, const std::vector<std::string>& sets = {}) {
  return load_config(blsim_options(), files, sets, blsim_home());
}

std::string error_of(const std::vector<std::string>& files, const std::vector<std::string>& sets) {
  try {
    soc_spec_from(load(files, sets));
  } catch (const UserError& e) {
    return e.what();
  }
  return "";
}

// Named after the test too: ctest runs tests in parallel processes that share TempDir().
std::string write_file(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + "soc_config_" +
                           ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
                           name;
  std::ofstream(path) << text;
  return path;
}

TEST(SocConfig, Exynos5422PresetLoads) {
  EXPECT_EQ(default_soc_preset(), preset("exynos5422"));
  const SocSpec s = soc_spec_from(load({default_soc_preset()}));
  EXPECT_EQ(s.name, "exynos5422");
  EXPECT_EQ(s.big.cores, 4);
  EXPECT_DOUBLE_EQ(s.big.opp().freq_mhz, 2000);
  EXPECT_DOUBLE_EQ(s.big.opp().volt_v, 1.3125);
  EXPECT_DOUBLE_EQ(s.little.opp().freq_mhz, 1400);
  EXPECT_DOUBLE_EQ(s.big.power.dyn_coeff_uw_per_mhz_v2, 310);
  EXPECT_DOUBLE_EQ(s.little.power.dyn_coeff_uw_per_mhz_v2, 90);
  EXPECT_EQ(s.dram.type, "LPDDR3-1866");
  EXPECT_NEAR(s.dram.peak_bandwidth_bytes_per_s(), 14.928e9, 1e6);  // Odroid-XU3: 14.9 GB/s
  EXPECT_EQ(s.dram.row_bytes(), 4096u);
}

TEST(SocConfig, Gs101PresetLoads) {
  const SocSpec s = soc_spec_from(load({preset("gs101")}));
  EXPECT_EQ(s.big.core, "Cortex-A76");
  EXPECT_DOUBLE_EQ(s.big.opp().freq_mhz, 2253);
  EXPECT_DOUBLE_EQ(s.little.opp().volt_v, 0.90625);
  EXPECT_EQ(s.dram.type, "LPDDR4X-4266");
}

TEST(SocConfig, PresetsSetEveryHardwareKey) {
  for (const char* name : {"exynos5422", "gs101"}) {
    const Config cfg = with_memspec(load({preset(name)}));
    OptionTable soc;
    declare_soc_options(soc);
    for (const auto& spec : soc.specs()) {
      if (spec.key == "soc.tile_bytes" || spec.key == "soc.quantum_ns") continue;
      EXPECT_NE(cfg.origin(spec.key), "default") << name << ": " << spec.key;
    }
  }
}

TEST(SocConfig, LaterLayersOverrideThePresetKeyByKey) {
  const std::string mine = write_file("mine.ini", "[big]\nfreq_mhz = 1000\n[dram]\ntrcd_ns = 20\n");
  const Config cfg = load({default_soc_preset(), mine});
  const SocSpec s = soc_spec_from(cfg);
  EXPECT_DOUBLE_EQ(s.big.opp().freq_mhz, 1000);
  EXPECT_DOUBLE_EQ(s.big.opp().volt_v, 1.0);
  EXPECT_DOUBLE_EQ(s.dram.trcd_s, 20e-9);                   // wins over the memspec
  EXPECT_EQ(with_memspec(cfg).origin("dram.trcd_ns"), mine + ":4");
  EXPECT_NE(with_memspec(cfg).origin("dram.trp_ns").find("lpddr3-1866.ini:"), std::string::npos);
}

TEST(SocConfig, ErrorsNameTheKeyAndWhereItWasSet) {
  const std::string p = default_soc_preset();
  EXPECT_NE(error_of({p}, {"big.freq_mhz=1234"}).find("--set: big.freq_mhz: is not an operating"),
            std::string::npos);
  const std::string bad = write_file("bad.ini", "[little]\nfreq_mhz = 1450\n");
  EXPECT_EQ(error_of({p, bad}, {}).rfind(bad + ":2: little.freq_mhz:", 0), 0u);
  EXPECT_NE(error_of({p}, {"big.freq_mhz=-1"}).find("big.freq_mhz: expected a positive number"),
            std::string::npos);
  EXPECT_NE(error_of({p}, {"little.opp_volts_v=1.0,0"}).find("little.opp_volts_v: expected a comma"),
            std::string::npos);
  EXPECT_NE(error_of({p}, {"big.opp_volts_v=1.0,1.1"}).find("big.opp_volts_v: has 2 voltages"),
            std::string::npos);
  EXPECT_NE(error_of({p}, {"big.opp_freqs_mhz="}).find("big.opp_freqs_mhz"), std::string::npos);
  EXPECT_NE(error_of({p}, {"noc.bandwidth_gb_per_s=0"}).find("noc.bandwidth_gb_per_s"),
            std::string::npos);
  EXPECT_NE(error_of({p}, {"dram.columns=1020"}).find("dram.columns: is not a multiple"),
            std::string::npos);
  EXPECT_NE(error_of({p}, {"dram.tras_ns=10"}).find("dram.tras_ns: is shorter"), std::string::npos);
  EXPECT_NE(error_of({}, {}).find("dram.memspec"), std::string::npos);
  const std::string mem = write_file("mem.ini", "[big]\ncores = 2\n");
  EXPECT_NE(error_of({p}, {"dram.memspec=" + mem}).find(mem + ":2: big.cores: does not belong"),
            std::string::npos);
}

TEST(SocConfig, BigIsFasterAndLittleSpendsLessPerMac) {
  const NetworkCost net = testing::lenet_cost();
  for (const char* name : {"exynos5422", "gs101"}) {
    const SocSpec s = soc_spec_from(load({preset(name)}));
    const auto big = estimate_network(s, ClusterId::kBig, net, "lenet");
    const auto little = estimate_network(s, ClusterId::kLittle, net, "lenet");
    EXPECT_LT(big.warm.time_s, little.warm.time_s) << name;
    EXPECT_LT(little.warm.energy.total_j() / net.total_macs(),
              big.warm.energy.total_j() / net.total_macs())
        << name;
  }
}

// Device energy of a long sequential read (no I/O energy) of each preset's memspec lies in the
// published LPDDR range of 2..15 pJ/bit (citations in tests/models/dram_timing_test.cpp).
TEST(SocConfig, MemspecReadEnergyPerBitIsInPublishedRange) {
  for (const char* name : {"exynos5422", "gs101"}) {
    SocSpec s = soc_spec_from(load({preset(name)}));
    s.dram.power.io_pj_per_bit = 0;
    DramTiming dram(s.dram);
    const uint64_t bytes = 16 << 20;
    const auto r = dram.access(0, 0, bytes, false);
    const auto bg = dram.background_until(r.done_s);
    DramCounters c;
    c.commands = dram.commands();
    c.commands.ref = bg.refreshes;
    c.data_bytes = bytes;
    c.states = bg.states;
    const double pj_per_bit = dram_energy_of(c, s.dram.power).total_j() / (bytes * 8.0) * 1e12;
    EXPECT_GT(pj_per_bit, 2.0) << name;
    EXPECT_LT(pj_per_bit, 15.0) << name;
  }
}

}  // namespace
}  // namespace blsim
