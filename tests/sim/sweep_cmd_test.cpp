// SPDX-License-Identifier: MIT
// `blsim sweep`: one row per combination of the varied values, the varied keys first, a Pareto
// flag (energy, accuracy, mean latency) that no other point contradicts, pareto.csv holding exactly the flagged rows, and
// byte-identical files when run again.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "csv_test_util.h"
#include "common/user_error.h"
#include "sim/commands.h"

namespace blsim {
namespace {

using testing::column;
using testing::read_all;
using testing::read_csv;

int sweep_quietly(const Args& args) {
  std::ostringstream sink;
  auto* old = std::cout.rdbuf(sink.rdbuf());
  const int status = cmd_sweep(args);
  std::cout.rdbuf(old);
  return status;
}

TEST(SweepCommand, EveryCombinationOnceWithAConsistentParetoFront) {
  const std::string dir =
      (std::filesystem::temp_directory_path() / ("blsim-sweep-test-" + std::to_string(::getpid())))
          .string();
  const Args args = {"--vary", "cascade.threshold=0.2,0.6,0.95", "--vary",
                     "cascade.escalation_rest_state=idle,parked", "--samples", "300", "--out", dir};
  ASSERT_EQ(sweep_quietly(args), 0);
  const auto rows = read_csv(dir + "/sweep.csv");
  ASSERT_EQ(rows.size(), 1u + 6u);  // header + 3 x 2 points
  EXPECT_EQ(rows[0][0], "cascade.threshold");
  EXPECT_EQ(rows[0][1], "cascade.escalation_rest_state");
  EXPECT_EQ(rows[0][column(rows[0], "config_hash") + 2], "pareto");
  const size_t energy = column(rows[0], "energy_per_inference_j");
  const size_t accuracy = column(rows[0], "accuracy");
  const size_t latency = column(rows[0], "latency_mean_s");
  const size_t pareto = column(rows[0], "pareto");
  const size_t split = column(rows[0], "split");
  std::set<std::string> combos;
  std::set<std::vector<std::string>> flagged;
  for (size_t i = 1; i < rows.size(); ++i) {
    combos.insert(rows[i][0] + "/" + rows[i][1]);
    EXPECT_EQ(rows[i][split], "test");
    const double ei = std::stod(rows[i][energy]), ai = std::stod(rows[i][accuracy]);
    const double li = std::stod(rows[i][latency]);
    bool dominated = false;
    for (size_t j = 1; j < rows.size(); ++j) {
      const double ej = std::stod(rows[j][energy]), aj = std::stod(rows[j][accuracy]);
      const double lj = std::stod(rows[j][latency]);
      dominated |= j != i && ej <= ei && aj >= ai && lj <= li && (ej < ei || aj > ai || lj < li);
    }
    EXPECT_EQ(rows[i][pareto], dominated ? "0" : "1") << "row " << i;
    if (!dominated) flagged.insert(rows[i]);
  }
  EXPECT_EQ(combos.size(), 6u);
  // A higher threshold escalates more: at equal rest state, energy rises with the threshold.
  EXPECT_LT(std::stod(rows[1][energy]), std::stod(rows[5][energy]));
  const auto front = read_csv(dir + "/pareto.csv");
  ASSERT_EQ(front.size(), 1u + flagged.size());
  for (size_t i = 1; i < front.size(); ++i) EXPECT_EQ(flagged.count(front[i]), 1u);
  for (size_t i = 1; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i][column(rows[0], "path")], "fast");
    EXPECT_EQ(rows[i][column(rows[0], "point")], std::to_string(i - 1));
  }
  for (size_t i = 2; i < front.size(); ++i) {
    EXPECT_LE(std::stod(front[i - 1][energy]), std::stod(front[i][energy]));  // cheapest first
  }

  const std::string first = read_all(dir + "/sweep.csv");
  ASSERT_EQ(sweep_quietly(args), 0);
  EXPECT_EQ(read_all(dir + "/sweep.csv"), first);
  std::filesystem::remove_all(dir);
}

std::string scratch(const std::string& name) {
  const std::string dir = (std::filesystem::temp_directory_path() /
                           ("blsim-sweep-" + name + "-" + std::to_string(::getpid())))
                              .string();
  std::filesystem::remove_all(dir);
  return dir;
}

const Args kGrid = {"--vary", "cascade.threshold=0.1:0.9:0.2", "--vary",
                    "cascade.escalation_rest_state=idle,parked,off", "--samples", "300"};

Args with(Args args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

TEST(SweepCommand, AnyNumberOfJobsGivesTheSameBytes) {
  const std::string one = scratch("jobs1"), two = scratch("jobs2"), full = scratch("full");
  ASSERT_EQ(sweep_quietly(with(kGrid, {"--jobs", "1", "--out", one})), 0);
  ASSERT_EQ(sweep_quietly(with(kGrid, {"--jobs", "2", "--out", two})), 0);
  EXPECT_EQ(read_all(one + "/sweep.csv"), read_all(two + "/sweep.csv"));
  EXPECT_EQ(read_all(one + "/pareto.csv"), read_all(two + "/pareto.csv"));
  // The rest state 'off' has no shared cache to worry about on exynos5422: all points are fast,
  // and they agree with the event-driven run within 1%.
  ASSERT_EQ(sweep_quietly(with(kGrid, {"--full", "--out", full})), 0);
  const auto fast_rows = read_csv(one + "/sweep.csv"), full_rows = read_csv(full + "/sweep.csv");
  ASSERT_EQ(fast_rows.size(), full_rows.size());
  const auto& h = fast_rows[0];
  for (size_t i = 1; i < fast_rows.size(); ++i) {
    EXPECT_EQ(fast_rows[i][column(h, "path")], "fast");
    EXPECT_EQ(full_rows[i][column(h, "path")], "full");
    for (const char* c : {"energy_per_inference_j", "latency_mean_s", "energy_big_only_per_inference_j"}) {
      const double a = std::stod(fast_rows[i][column(h, c)]), b = std::stod(full_rows[i][column(h, c)]);
      EXPECT_NEAR(a, b, 0.01 * b) << c << " row " << i;
    }
  }
  for (const auto& d : {one, two, full}) std::filesystem::remove_all(d);
}

TEST(SweepCommand, ShardsMergeIntoTheUnshardedSweep) {
  const std::string whole = scratch("whole"), a = scratch("shard1"), b = scratch("shard2"),
                    merged = scratch("merged");
  ASSERT_EQ(sweep_quietly(with(kGrid, {"--out", whole})), 0);
  ASSERT_EQ(sweep_quietly(with(kGrid, {"--shard", "1/2", "--out", a})), 0);
  ASSERT_EQ(sweep_quietly(with(kGrid, {"--shard", "2/2", "--out", b})), 0);
  EXPECT_LT(read_csv(a + "/sweep.csv").size(), read_csv(whole + "/sweep.csv").size());
  std::ostringstream sink;
  auto* old = std::cout.rdbuf(sink.rdbuf());
  const int status = cmd_merge({b + "/sweep.csv", a + "/sweep.csv", "--out", merged});
  std::cout.rdbuf(old);
  ASSERT_EQ(status, 0);
  EXPECT_EQ(read_all(merged + "/sweep.csv"), read_all(whole + "/sweep.csv"));
  EXPECT_EQ(read_all(merged + "/pareto.csv"), read_all(whole + "/pareto.csv"));

  // A shard of another sweep (another sample count) is refused, naming its file.
  const std::string other = scratch("other");
  ASSERT_EQ(sweep_quietly({"--vary", "cascade.threshold=0.1:0.9:0.2", "--vary",
                           "cascade.escalation_rest_state=idle,parked,off", "--samples", "200",
                           "--shard", "2/2", "--out", other}),
            0);
  try {
    cmd_merge({a + "/sweep.csv", other + "/sweep.csv", "--out", merged});
    ADD_FAILURE() << "merged shards of two sweeps";
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find(other + "/sweep.csv: a row of another sweep"),
              std::string::npos)
        << e.what();
  }
  // An unfinished shard (rows without their pareto flag) is refused too.
  std::string text = read_all(a + "/sweep.csv");
  { std::ofstream(a + "/sweep.csv") << text.substr(0, text.find('\n') + 1); }
  {
    std::ofstream out(a + "/sweep.csv", std::ios::app);
    const auto rows = read_csv(b + "/sweep.csv");
    auto row = rows[1];
    row[column(rows[0], "pareto")] = "";
    for (size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << row[i];
    out << "\n";
  }
  try {
    cmd_merge({a + "/sweep.csv", "--out", merged});
    ADD_FAILURE() << "merged an unfinished shard";
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("an unfinished shard"), std::string::npos) << e.what();
  }
  for (const auto& d : {whole, a, b, merged, other}) std::filesystem::remove_all(d);
}

TEST(SweepCommand, ObjectivesChooseTheFront) {
  const std::string dir = scratch("objectives");
  ASSERT_EQ(sweep_quietly(with(kGrid, {"--objectives", "energy", "--out", dir})), 0);
  // One objective: the front is the cheapest point (and its exact ties).
  const auto rows = read_csv(dir + "/pareto.csv");
  ASSERT_GE(rows.size(), 2u);
  const auto all = read_csv(dir + "/sweep.csv");
  double least = 1e9;
  for (size_t i = 1; i < all.size(); ++i) {
    least = std::min(least, std::stod(all[i][column(all[0], "energy_per_inference_j")]));
  }
  for (size_t i = 1; i < rows.size(); ++i) {
    EXPECT_EQ(std::stod(rows[i][column(rows[0], "energy_per_inference_j")]), least);
  }
  std::filesystem::remove_all(dir);
}

// Rows of sweep.csv so far (the header excluded); 0 while it does not exist.
size_t rows_in(const std::string& path) {
  const std::string text = read_all(path);
  const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  return lines == 0 ? 0 : lines - 1;
}

TEST(SweepCommand, AKilledSweepResumesWithoutDuplicateMissingOrTornRows) {
  const std::string whole = scratch("uninterrupted"), dir = scratch("killed");
  const Args grid = {"--vary", "cascade.threshold=0:1:0.01", "--vary",
                     "cascade.escalation_rest_state=idle,parked", "--samples", "300", "--full",
                     "--jobs", "1"};
  ASSERT_EQ(sweep_quietly(with(grid, {"--out", whole})), 0);
  const size_t total = rows_in(whole + "/sweep.csv");
  ASSERT_EQ(total, 202u);

  // The same sweep as a process of its own, killed with SIGKILL once a few rows are in.
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::vector<std::string> argv = {BLSIM_BINARY, "sweep"};
    for (const auto& a : with(grid, {"--out", dir})) argv.push_back(a);
    std::vector<char*> cargv;
    for (auto& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);
    ::freopen("/dev/null", "w", stdout);
    ::freopen("/dev/null", "w", stderr);
    ::execv(BLSIM_BINARY, cargv.data());
    ::_exit(127);
  }
  size_t at_kill = 0;
  for (int i = 0; i < 12000 && at_kill < 3; ++i) {
    ::usleep(5000);
    at_kill = rows_in(dir + "/sweep.csv");
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the sweep ended before it could be killed";
  const size_t before = rows_in(dir + "/sweep.csv");
  EXPECT_GE(before, 3u);
  EXPECT_LT(before, total);
  // A row cut short, as a kill during a write (or a power loss) could leave it.
  { std::ofstream(dir + "/sweep.csv", std::ios::app) << "0.5,idle,mnist,300,mar"; }

  ASSERT_EQ(sweep_quietly(with(grid, {"--resume", "--out", dir})), 0);
  EXPECT_EQ(read_all(dir + "/sweep.csv"), read_all(whole + "/sweep.csv"));
  EXPECT_EQ(read_all(dir + "/pareto.csv"), read_all(whole + "/pareto.csv"));
  for (const auto& d : {whole, dir}) std::filesystem::remove_all(d);
}

TEST(SweepCommand, AnyKeyVariesEvenTheMemspecFile) {
  const std::string dir = scratch("memspec");
  const std::string dram = std::string(BLSIM_SOURCE_DIR) + "/configs/dram/";
  ASSERT_EQ(sweep_quietly({"--vary", "dram.memspec=" + dram + "lpddr3-1866.ini," + dram +
                                         "lpddr4-3200.ini",
                           "--samples", "300", "--out", dir}),
            0);
  const auto rows = read_csv(dir + "/sweep.csv");
  ASSERT_EQ(rows.size(), 3u);
  const size_t dyn = column(rows[0], "energy_dram_dyn_j");
  EXPECT_NE(rows[1][dyn], rows[2][dyn]);  // each point is built on its own DRAM device
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace blsim
