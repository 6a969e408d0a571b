// SPDX-License-Identifier: MIT
// `blsim sweep`: one row per combination of the varied values, the varied keys first, a Pareto
// flag (energy, accuracy, mean latency) that no other point contradicts, pareto.csv holding exactly the flagged rows, and
// byte-identical files when run again.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "csv_test_util.h"
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
  EXPECT_EQ(rows[0].back(), "pareto");
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
  for (size_t i = 2; i < front.size(); ++i) {
    EXPECT_LE(std::stod(front[i - 1][energy]), std::stod(front[i][energy]));  // cheapest first
  }

  const std::string first = read_all(dir + "/sweep.csv");
  ASSERT_EQ(sweep_quietly(args), 0);
  EXPECT_EQ(read_all(dir + "/sweep.csv"), first);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace blsim
