// SPDX-License-Identifier: MIT
// The SoC presets load into a checked SocSpec; bad values fail with the key and file:line; and
// the presets behave as their silicon does: big is faster, little spends less energy per MAC.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "energy/cluster_power.h"
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
  ASSERT_EQ(s.clusters.size(), 2u);
  EXPECT_EQ(s.cluster_names(), "big, little");
  EXPECT_TRUE(s.caches.empty());
  const ClusterSpec& big = s.cluster(0);
  const ClusterSpec& little = s.cluster(1);
  EXPECT_EQ(big.cores, 4);
  EXPECT_DOUBLE_EQ(big.initial_point().freq_mhz, 2000);
  EXPECT_DOUBLE_EQ(big.initial_point().volt_v, 1.3125);
  EXPECT_DOUBLE_EQ(little.initial_point().freq_mhz, 1400);
  // The power coefficients reproduce the ODROID-XU3 cluster power of one busy core (INA231
  // sensors, measured voltages; O. Effland, linux-arm-kernel, 2018-07-20) they were fitted to.
  const auto one_busy_core_mw = [](const ClusterSpec& c, double mhz, double volt) {
    ClusterActivity a;
    a.busy_cores = 1;
    a.powered_cores = c.cores;
    a.freq_mhz = mhz;
    a.volt_v = volt;
    a.compute_s = a.span_s = 1;
    return cluster_energy_of(a, c.power).total_j() * 1e3;
  };
  EXPECT_NEAR(one_busy_core_mw(big, 200, 0.9162), 159.676, 0.02 * 159.676);
  EXPECT_NEAR(one_busy_core_mw(big, 500, 0.9138), 325.480, 0.02 * 325.480);
  const double a7[][3] = {{200, 0.9175, 49.470},   {400, 0.9165, 91.892},  {600, 0.9638, 149.454},
                          {800, 1.0263, 223.453},  {1000, 1.1, 327.707},   {1200, 1.1725, 445.899},
                          {1400, 1.2713, 627.010}};
  for (const auto& m : a7) {
    EXPECT_NEAR(one_busy_core_mw(little, m[0], m[1]), m[2], 0.12 * m[2]) << m[0] << " MHz";
  }
  EXPECT_EQ(s.dram.type, "LPDDR3-1866");
  EXPECT_NEAR(s.dram.peak_bandwidth_bytes_per_s(), 14.928e9, 1e6);  // Odroid-XU3: 14.9 GB/s
  EXPECT_EQ(s.dram.row_bytes(), 4096u);
}

TEST(SocConfig, Gs101PresetHasThreeClustersAndTwoSharedCaches) {
  const SocSpec s = soc_spec_from(load({default_soc_preset(), preset("gs101")}));
  EXPECT_EQ(s.name, "gs101");
  EXPECT_EQ(s.cluster_names(), "little, big, prime");
  const ClusterSpec& prime = s.cluster(s.find_cluster("prime"));
  EXPECT_EQ(prime.core, "Cortex-X1");
  EXPECT_EQ(prime.cores, 2);
  EXPECT_DOUBLE_EQ(prime.initial_point().freq_mhz, 2802);
  EXPECT_DOUBLE_EQ(prime.power.dyn_coeff_uw_per_mhz_v2, 650);
  EXPECT_EQ(s.cluster(s.find_cluster("big")).core, "Cortex-A76");
  EXPECT_DOUBLE_EQ(s.cluster(s.find_cluster("little")).initial_point().volt_v, 0.90625);
  ASSERT_EQ(s.caches.size(), 2u);
  EXPECT_EQ(s.caches[0].name, "l3");
  EXPECT_EQ(s.caches[0].bytes, 4u << 20);
  EXPECT_EQ(s.caches[0].shared_by.size(), 3u);
  EXPECT_EQ(s.caches[1].name, "slc");
  EXPECT_EQ(s.dram.type, "LPDDR4X-4266");
}

TEST(SocConfig, Sm8550PresetLoads) {
  const SocSpec s = soc_spec_from(load({preset("sm8550")}));
  EXPECT_EQ(s.cluster_names(), "little, big, prime");
  EXPECT_EQ(s.cluster(s.find_cluster("prime")).core, "Cortex-X3");
  EXPECT_EQ(s.caches.size(), 2u);
}

TEST(SocConfig, PresetsSetEveryHardwareKey) {
  for (const char* name : {"exynos5422", "gs101", "sm8550"}) {
    const Config cfg = with_memspec(load({preset(name)}));
    OptionTable soc;
    declare_soc_options(soc);
    size_t checked = 0;
    for (const auto& spec : soc.specs()) {
      if (spec.key == "soc.tile_bytes" || spec.key == "soc.quantum_ns") continue;
      std::string member;
      const OptionTable::Family* family = soc.family_of(spec.key, &member);
      if (family == nullptr) {
        EXPECT_NE(cfg.origin(spec.key), "default") << name << ": " << spec.key;
        ++checked;
        continue;
      }
      const std::string rest = spec.key.substr(family->prefix.size() + 3);  // after "cluster.*."
      for (const auto& n : cfg.names(family->list_key)) {
        const std::string key = family->prefix + "." + n + "." + rest;
        EXPECT_NE(cfg.origin(key), "default") << name << ": " << key;
        ++checked;
      }
    }
    EXPECT_GT(checked, 60u) << name;
  }
}

TEST(SocConfig, LaterLayersOverrideThePresetKeyByKey) {
  const std::string mine =
      write_file("mine.ini", "[cluster.big]\nfreq_mhz = 1000\n[dram]\ntrcd_ns = 20\n");
  const Config cfg = load({default_soc_preset(), mine});
  const SocSpec s = soc_spec_from(cfg);
  EXPECT_DOUBLE_EQ(s.cluster(0).initial_point().freq_mhz, 1000);
  EXPECT_DOUBLE_EQ(s.cluster(0).initial_point().volt_v, 1.0);
  EXPECT_DOUBLE_EQ(s.dram.trcd_s, 20e-9);                   // wins over the memspec
  EXPECT_EQ(with_memspec(cfg).origin("dram.trcd_ns"), mine + ":4");
  EXPECT_NE(with_memspec(cfg).origin("dram.trp_ns").find("lpddr3-1866.ini:"), std::string::npos);
}

TEST(SocConfig, APresetThatListsItsClustersReplacesTheDefaultOnes) {
  // gs101 over the exynos5422 base: its list wins, the base's clusters are dropped whole (not
  // merged key by key into gs101's clusters of the same name).
  const SocSpec s = soc_spec_from(load({default_soc_preset(), preset("gs101")},
                                       {"cluster.prime.freq_mhz=2401"}));
  EXPECT_EQ(s.cluster_names(), "little, big, prime");
  EXPECT_DOUBLE_EQ(s.cluster(2).initial_point().freq_mhz, 2401);
  EXPECT_EQ(s.cluster(1).core, "Cortex-A76");
  // A one-cluster SoC from the default preset: the little cluster's keys fall away.
  const SocSpec one = soc_spec_from(load({default_soc_preset()}, {"soc.clusters=big"}));
  EXPECT_EQ(one.cluster_names(), "big");
}

TEST(SocConfig, ErrorsNameTheKeyAndWhereItWasSet) {
  const std::string p = default_soc_preset();
  EXPECT_NE(error_of({p}, {"cluster.big.freq_mhz=1234"})
                .find("--set: cluster.big.freq_mhz: is not an operating"),
            std::string::npos);
  const std::string bad = write_file("bad.ini", "[cluster.little]\nfreq_mhz = 1450\n");
  EXPECT_EQ(error_of({p, bad}, {}).rfind(bad + ":2: cluster.little.freq_mhz:", 0), 0u);
  EXPECT_NE(error_of({p}, {"cluster.big.freq_mhz=-1"})
                .find("cluster.big.freq_mhz: expected a positive number"),
            std::string::npos);
  EXPECT_NE(error_of({p}, {"cluster.little.opp_volts_v=1.0,0"})
                .find("cluster.little.opp_volts_v: expected a comma"),
            std::string::npos);
  EXPECT_NE(error_of({p}, {"cluster.big.opp_volts_v=1.0,1.1"})
                .find("cluster.big.opp_volts_v: has 2 voltages"),
            std::string::npos);
  EXPECT_NE(error_of({p}, {"cluster.big.opp_freqs_mhz="}).find("cluster.big.opp_freqs_mhz"),
            std::string::npos);
  EXPECT_NE(error_of({p}, {"noc.bandwidth_gb_per_s=0"}).find("noc.bandwidth_gb_per_s"),
            std::string::npos);
  EXPECT_NE(error_of({p}, {"dram.columns=1020"}).find("dram.columns: is not a multiple"),
            std::string::npos);
  EXPECT_NE(error_of({p}, {"dram.tras_ns=10"}).find("dram.tras_ns: is shorter"), std::string::npos);
  EXPECT_NE(error_of({}, {}).find("dram.memspec"), std::string::npos);
  const std::string mem = write_file("mem.ini", "[cluster.big]\ncores = 2\n");
  EXPECT_NE(error_of({p}, {"dram.memspec=" + mem}).find(mem + ":2: cluster.big.cores: no cluster big"),
            std::string::npos);
  // Physical ranges: a value that would overflow a report is refused where it is declared.
  EXPECT_NE(error_of({p}, {"cluster.big.leak_v_exponent=400"})
                .find("cluster.big.leak_v_exponent: expected a non-negative number of at most 10"),
            std::string::npos);
}

TEST(SocConfig, TheShapeOfTheSocIsChecked) {
  const std::string p = default_soc_preset();
  EXPECT_EQ(error_of({p}, {"soc.clusters=big, big"}),
            "--set: soc.clusters: names big twice, got \"big, big\"");
  EXPECT_EQ(error_of({p}, {"soc.clusters="}),
            "--set: soc.clusters: expected at least one name, got \"\"");
  EXPECT_NE(error_of({p}, {"soc.clusters=a,b,c,d,e,f,g,h,i"})
                .find("soc.clusters: expected at most 8 names"),
            std::string::npos);
  EXPECT_EQ(error_of({p}, {"cluster.prime.freq_mhz=2000"}),
            "--set: cluster.prime.freq_mhz: no cluster prime (soc.clusters = big, little)");
  const std::string typo = write_file("typo.ini", "[cluster.bgi]\nfreq_mhz = 1400\n");
  EXPECT_EQ(error_of({p, typo}, {}),
            typo + ":2: cluster.bgi.freq_mhz: no cluster bgi (soc.clusters = big, little)");
  EXPECT_NE(error_of({p}, {"soc.clusters=big, Little"}).find("soc.clusters: expected comma-separated names"),
            std::string::npos);
  // A listed cluster with no keys at all is missing every hardware value.
  EXPECT_NE(error_of({p}, {"soc.clusters=big, little, mid"}).find("cluster.mid.core: no value given"),
            std::string::npos);
  const std::string g = preset("gs101");
  EXPECT_EQ(error_of({g}, {"cache.l3.shared_by=little, gpu"}),
            "--set: cache.l3.shared_by: no cluster gpu (soc.clusters = little, big, prime)");
  EXPECT_NE(error_of({g}, {"soc.caches=l3, big"}).find("soc.caches: the name big is taken"),
            std::string::npos);
  const std::string twice = write_file("twice.ini", "[soc]\nname = x\nname = y\n");
  EXPECT_EQ(error_of({p, twice}, {}), twice + ":3: soc.name given twice (first at line 2); keep one");
  const std::string falls = "cluster.big.opp_volts_v=" + std::string(
      "0.9,0.9,0.9,0.9,0.9,0.9,0.9,1.0,1.0,1.0,1.0,1.1,1.1,1.1,1.25,1.25,1.2375,1.2625,1.3125");
  EXPECT_NE(error_of({p}, {"cluster.big.dvfs_latency_max_us=10"})
                .find("cluster.big.dvfs_latency_max_us: is below cluster.big.dvfs_latency_us"),
            std::string::npos);
  EXPECT_NE(error_of({p}, {"cluster.little.mshrs=0"}).find("cluster.little.mshrs"),
            std::string::npos);
  EXPECT_NE(error_of({p}, {falls}).find("cluster.big.opp_volts_v: the voltage falls from 1.250000 "
                                        "V to 1.237500 V as the frequency rises (entry 17)"),
            std::string::npos);
}

TEST(SocConfig, FasterClustersAreFasterAndSmallerOnesSpendLessPerMac) {
  const NetworkCost net = testing::lenet_cost();
  for (const char* name : {"exynos5422", "gs101", "sm8550"}) {
    const SocSpec s = soc_spec_from(load({preset(name)}));
    const ClusterIndex big = s.find_cluster("big"), little = s.find_cluster("little");
    const auto b = estimate_network(s, big, net, "lenet");
    const auto l = estimate_network(s, little, net, "lenet");
    EXPECT_LT(b.warm.time_s, l.warm.time_s) << name;
    // Per fp32 MAC the little cores are cheaper only where their switched capacitance per
    // MAC/cycle is lower: gs101 (A55 70 / 4 against A76 284 / 8). The Exynos 5422's A7 does one
    // MAC per cycle (flatlib) at a measured C = 277 against the A15's four at C = 666, and the
    // SM8550's A510 251 / 4 against the A715 447 / 8: there the big cores spend less per MAC.
    if (std::string(name) == "gs101") {
      EXPECT_LT(l.warm.energy.total_j() / net.total_macs(),
                b.warm.energy.total_j() / net.total_macs())
          << name;
    }
    const ClusterIndex prime = s.find_cluster("prime");
    if (prime == s.clusters.size()) continue;
    // Core for core, the prime cluster is the fastest (sm8550 has one X3 against four A715/A710).
    SocSpec one_core = s;
    for (auto& c : one_core.clusters) c.cores = 1;
    EXPECT_LT(estimate_network(one_core, prime, net, "lenet").warm.time_s,
              estimate_network(one_core, big, net, "lenet").warm.time_s)
        << name;
  }
}

// Device energy of a long sequential read (no I/O energy) of each preset's memspec lies in the
// published LPDDR range of 2..15 pJ/bit (citations in tests/models/dram_timing_test.cpp).
TEST(SocConfig, MemspecReadEnergyPerBitIsInPublishedRange) {
  for (const char* name : {"exynos5422", "gs101", "sm8550"}) {
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
