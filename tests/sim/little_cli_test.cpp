// SPDX-License-Identifier: MIT
// The design-time commands and keys of little networks through the real binary: bad values of
// cascade.gate_temperature, cascade.loss_unseen_samples, sweep --split, resplit --resplits and a
// missing distillation teacher each end with one "blsim: ..." line naming the culprit, exit
// status 2 and no output; resplit writes resplit.csv whose rows agree with its summary line.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_test_util.h"
#include "csv_test_util.h"

namespace {

using Result = blsim::testing::Outcome;

std::string temp_dir() { return blsim::testing::test_dir("blsim_little_cli_", true); }

Result blsim(const std::string& dir, const std::string& args) {
  return blsim::testing::run_blsim_captured(args, dir);
}

std::string home() {
  const char* h = std::getenv("BLSIM_HOME");
  return h != nullptr && *h != '\0' ? h : BLSIM_SOURCE_DIR;
}

bool mnist_installed() { return std::filesystem::exists(home() + "/data/mnist/t10k-labels-idx1-ubyte.gz"); }

void expect_one_line_error(const Result& r, const std::string& culprit) {
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(r.err.rfind("blsim: ", 0), 0u) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find(culprit), std::string::npos) << r.err;
}

TEST(LittleCli, BadValuesEndWithOneLine) {
  const std::string dir = temp_dir();
  expect_one_line_error(blsim(dir, "run --set cascade.gate_temperature=hot --out " + dir + "o"),
                        "cascade.gate_temperature");
  expect_one_line_error(blsim(dir, "run --set cascade.gate_temperature=0 --out " + dir + "o"),
                        "cascade.gate_temperature");
  expect_one_line_error(blsim(dir, "run --set cascade.loss_unseen_samples=-5 --out " + dir + "o"),
                        "cascade.loss_unseen_samples");
  expect_one_line_error(blsim(dir, "resplit --resplits 0 --out " + dir + "o"), "--resplits");
  expect_one_line_error(
      blsim(dir, "sweep --split train --vary cascade.threshold=0.5 --out " + dir + "o"), "--split");
  if (mnist_installed()) {  // the training split loads before the teacher
    expect_one_line_error(blsim(dir, "train --dataset mnist --arch mlp-16 --epochs 1 --teacher " +
                                         dir + "missing.onnx --out " + dir + "t.onnx"),
                          "missing.onnx");
  }
  EXPECT_FALSE(std::filesystem::exists(dir + "o"));
  EXPECT_FALSE(std::filesystem::exists(dir + "t.onnx"));
}

TEST(LittleCli, ResplitRowsAgreeWithItsSummary) {
  if (!mnist_installed()) GTEST_SKIP() << "MNIST not installed";
  const std::string dir = temp_dir();
  const Result r = blsim(dir, "resplit --resplits 6 --seed 3 --samples 300 --out " + dir + "rs");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string csv = blsim::testing::read_all(dir + "rs/resplit.csv");
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line.rfind("resplit,threshold,val_loss,test_loss", 0), 0u) << line;
  int rows = 0, exceeded = 0;
  while (std::getline(lines, line)) {
    ++rows;
    exceeded += line.back() == '1' ? 1 : 0;
  }
  EXPECT_EQ(rows, 6);
  EXPECT_NE(r.out.find("in " + std::to_string(exceeded) + " of 6 re-splits"), std::string::npos)
      << r.out;
  // Same seed, same bytes.
  ASSERT_EQ(blsim(dir, "resplit --resplits 6 --seed 3 --samples 300 --out " + dir + "rs2").status, 0);
  EXPECT_EQ(csv, blsim::testing::read_all(dir + "rs2/resplit.csv"));
}

}  // namespace
