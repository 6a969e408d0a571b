// SPDX-License-Identifier: MIT
// `blsim run` on a stream: the printed stream line, summary.csv's stream columns, inferences.csv's
// arrival times and states.csv; bad stream options stop with one line and exit status 2, leaving
// no output file.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "common/csv_reader.h"
#include "tests/sim/cli_test_util.h"

namespace fs = std::filesystem;

using blsim::testing::Outcome;

namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

Outcome run_blsim(const std::string& args, const std::string& dir) {
  return blsim::testing::run_blsim_captured(args, dir);
}

std::string scratch(const std::string& name) {
  const std::string dir = ::testing::TempDir() + "blsim-stream-" + name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

const std::string kHome = BLSIM_SOURCE_DIR;

TEST(StreamCli, PeriodicRunReportsTheStreamAndTilesStates) {
  const std::string dir = scratch("periodic");
  const Outcome o = run_blsim("run --cascade '" + kHome + "/configs/cascade/mnist.ini' --samples 60 "
                              "--arrival periodic:30 --deadline 0.033 --out o",
                              dir);
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_NE(o.out.find("test stream: periodic 30/s"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("deadline misses"), std::string::npos) << o.out;
  const blsim::CsvTable summary = blsim::parse_csv(read_all(dir + "/o/summary.csv"), "summary");
  ASSERT_EQ(summary.rows.size(), 2u);
  const auto& test = summary.rows[1];
  EXPECT_EQ(test[summary.column("arrival_mode")], "periodic");
  EXPECT_EQ(test[summary.column("arrival_rate_hz")], "30");
  EXPECT_NEAR(std::stod(test[summary.column("throughput_hz")]), 30, 1e-6);
  EXPECT_NEAR(std::stod(test[summary.column("time_s")]), 2.0, 1e-9);  // 60 frames at 30 fps
  EXPECT_EQ(test[summary.column("dropped")], "0");
  // The stable columns come first, as docs/architecture.md lists them.
  EXPECT_EQ(summary.header[0], "dataset");
  EXPECT_EQ(summary.header[13], "latency_p99_s");

  const blsim::CsvTable inf = blsim::parse_csv(read_all(dir + "/o/inferences.csv"), "inferences");
  ASSERT_EQ(inf.rows.size(), 60u);
  EXPECT_NEAR(std::stod(inf.rows[3][inf.column("arrival_s")]), 0.1, 1e-9);
  EXPECT_EQ(inf.rows[3][inf.column("dropped")], "0");

  const blsim::CsvTable states = blsim::parse_csv(read_all(dir + "/o/states.csv"), "states");
  ASSERT_EQ(states.header, (std::vector<std::string>{"cluster", "start_s", "end_s", "state",
                                                     "freq_mhz", "volt_v", "power_w"}));
  std::map<std::string, double> reached;
  for (const auto& row : states.rows) {
    const double start = std::stod(row[1]), end = std::stod(row[2]);
    auto it = reached.find(row[0]);
    EXPECT_DOUBLE_EQ(start, it == reached.end() ? 0.0 : it->second) << row[0];
    reached[row[0]] = end;
  }
  EXPECT_EQ(reached.size(), 2u);  // big and little
  for (const auto& [cluster, end] : reached) EXPECT_NEAR(end, 2.0, 1e-9) << cluster;
  fs::remove_all(dir);
}

TEST(StreamCli, BadStreamInputExitsTwoWithOneLine) {
  struct Case {
    const char* name;
    std::string args;
    const char* culprit;
  };
  const std::string cascade = "--cascade '" + kHome + "/configs/cascade/mnist.ini' --samples 20 ";
  const Case cases[] = {
      {"bad_mode", "--arrival uniform:3", "cascade.arrival"},
      {"negative_rate", "--arrival periodic:-30", "periodic"},
      {"missing_trace", "--arrival trace:nowhere.csv", "nowhere.csv"},
      {"decreasing_trace", "--arrival trace:t.csv", "t.csv: arrival 3"},
      {"short_trace", "--arrival trace:short.csv", "short.csv: 2 arrival times"},
      {"negative_deadline", "--deadline -1", "cascade.deadline"},
      {"bad_governor", "--dvfs-governor ondemand", "cascade.dvfs_governor"},
  };
  for (const Case& c : cases) {
    const std::string dir = scratch(c.name);
    {
      std::ofstream t(dir + "/t.csv");
      t << "arrival_s\n0\n0.1\n0.05\n";
      for (int k = 3; k < 25; ++k) t << k * 0.1 << "\n";
    }
    std::ofstream(dir + "/short.csv") << "0\n0.5\n";
    const Outcome o = run_blsim("run " + cascade + c.args + " --out o", dir);
    EXPECT_EQ(o.status, 2) << c.name << ": " << o.err;
    EXPECT_EQ(o.err.find('\n'), o.err.size() - 1) << c.name << ": " << o.err;
    EXPECT_NE(o.err.find(c.culprit), std::string::npos) << c.name << ": " << o.err;
    EXPECT_FALSE(fs::exists(dir + "/o/summary.csv")) << c.name;
    EXPECT_FALSE(fs::exists(dir + "/o/states.csv")) << c.name;
    fs::remove_all(dir);
  }
}

}  // namespace
