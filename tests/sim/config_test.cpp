// SPDX-License-Identifier: MIT
// The configuration loader: defaults, file and --set layering, and one-line errors naming
// file:line and key.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "sim/config.h"
#include "common/user_error.h"

namespace blsim {
namespace {

OptionTable test_table() {
  OptionTable t;
  t.real("big.freq_mhz", "2000", "MHz", "clock of the big cluster", Bound::kPositive)
      .integer("big.cores", "4", "", "cores", Bound::kPositive)
      .text("cascade.metric", "margin", "gate metric", {"margin", "maxprob", "entropy"})
      .flag("run.cache", true, "cache network outputs")
      .path("cascade.net", "workloads/nets/a.onnx", "network file")
      .real("dram.vdd_v", "", "V", "supply", Bound::kPositive)
      .required();
  return t;
}

// Named after the test too: ctest runs tests in parallel processes that share TempDir().
std::string write_file(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + "config_" +
                           ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
                           name;
  std::ofstream(path) << text;
  return path;
}

std::string error_of(const OptionTable& t, const std::vector<std::string>& files,
                     const std::vector<std::string>& sets) {
  try {
    load_config(t, files, sets, "/home");
  } catch (const UserError& e) {
    return e.what();
  }
  return "";
}

TEST(Config, DefaultsFilesAndSetsLayerInOrder) {
  const auto a = write_file("a.ini", "[big]\nfreq_mhz = 1800  # MHz\n[dram]\nvdd_v=1.2\n");
  const auto b = write_file("b.ini", "[big]\ncores = 2\n");
  const Config c = load_config(test_table(), {a, b}, {"big.freq_mhz=1600"}, "/home");
  EXPECT_DOUBLE_EQ(c.real("big.freq_mhz"), 1600);
  EXPECT_EQ(c.origin("big.freq_mhz"), "--set");
  EXPECT_EQ(c.integer("big.cores"), 2);
  EXPECT_EQ(c.origin("big.cores"), b + ":2");
  EXPECT_DOUBLE_EQ(c.real("dram.vdd_v"), 1.2);
  EXPECT_EQ(c.text("cascade.metric"), "margin");
  EXPECT_TRUE(c.flag("run.cache"));
  EXPECT_EQ(c.path("cascade.net"), "/home/workloads/nets/a.onnx");
}

TEST(Config, RelativePathsResolveAgainstTheirFile) {
  const auto a = write_file("p.ini", "[cascade]\nnet = ../nets/x.onnx\n[dram]\nvdd_v=1\n");
  const Config c = load_config(test_table(), {a}, {}, "/home");
  EXPECT_EQ(c.path("cascade.net"),
            (std::filesystem::path(::testing::TempDir()) / "../nets/x.onnx").lexically_normal());
}

TEST(Config, NegativeFrequencyNamesFileLineAndKey) {
  const auto a = write_file("soc.ini", "# preset\n[big]\ncores = 4\nfreq_mhz = -5\n");
  EXPECT_EQ(error_of(test_table(), {a}, {"dram.vdd_v=1"}),
            a + ":4: big.freq_mhz: expected a positive number, got \"-5\"");
}

TEST(Config, UnknownKeySuggestsTheNearestOne) {
  const auto a = write_file("typo.ini", "[big]\nfrq_mhz = 5\n");
  EXPECT_EQ(error_of(test_table(), {a}, {}),
            a + ":2: unknown key big.frq_mhz (did you mean big.freq_mhz?)");
}

TEST(Config, BadValuesFromSetAreRejected) {
  EXPECT_EQ(error_of(test_table(), {}, {"big.cores=2.5", "dram.vdd_v=1"}),
            "--set: big.cores: expected a positive integer, got \"2.5\"");
  EXPECT_EQ(error_of(test_table(), {}, {"cascade.metric=foo", "dram.vdd_v=1"}),
            "--set: cascade.metric: expected one of margin, maxprob, entropy, got \"foo\"");
  EXPECT_EQ(error_of(test_table(), {}, {"run.cache=maybe", "dram.vdd_v=1"}),
            "--set: run.cache: expected true or false, got \"maybe\"");
  EXPECT_EQ(error_of(test_table(), {}, {"novalue"}), "--set novalue: expected section.key=value");
}

TEST(Config, RequiredKeyWithoutValueIsReported) {
  EXPECT_EQ(error_of(test_table(), {}, {}),
            "dram.vdd_v: no value given (set it in a --config file or with --set "
            "dram.vdd_v=...)");
}

TEST(Config, MissingAndMalformedFilesAreReported) {
  EXPECT_EQ(error_of(test_table(), {"/nonexistent/x.ini"}, {}),
            "/nonexistent/x.ini: cannot open config file");
  const auto bad = write_file("bad.ini", "[big]\ncores = 4\nthis line has no equals sign\n");
  EXPECT_EQ(error_of(test_table(), {bad}, {}).rfind(bad + ":3: ", 0), 0u);
}

TEST(Config, DumpIsALoadableIniWithUnitsAndOrigins) {
  const Config c = load_config(test_table(), {}, {"dram.vdd_v=1.1"}, "/home");
  std::ostringstream out;
  c.dump(out, test_table());
  EXPECT_NE(out.str().find("freq_mhz = 2000  # MHz; default; clock of the big cluster"),
            std::string::npos);
  EXPECT_NE(out.str().find("vdd_v = 1.1  # V; --set; supply"), std::string::npos);
  const auto again = write_file("dump.ini", out.str());
  const Config d = load_config(test_table(), {again}, {}, "/home");
  EXPECT_DOUBLE_EQ(d.real("dram.vdd_v"), 1.1);
  EXPECT_EQ(d.path("cascade.net"), "/home/workloads/nets/a.onnx");
}

}  // namespace
}  // namespace blsim
