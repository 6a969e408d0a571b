// SPDX-License-Identifier: MIT
// blsim datasets / train / eval end to end through the real binary: a short training run is
// byte-reproducible, eval writes predictions.csv whose rows agree with its accuracy line, and bad
// input ends with one "blsim: ..." line on stderr and exit status 2.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_test_util.h"
#include "csv_test_util.h"

namespace {

using Result = blsim::testing::Outcome;

std::string temp_dir() { return blsim::testing::test_dir("blsim_cli_train_", false); }

Result blsim(const std::string& args) { return blsim::testing::run_blsim_captured(args, temp_dir()); }

bool mnist_installed() {
  const char* h = std::getenv("BLSIM_HOME");
  const std::string home = h != nullptr && *h != '\0' ? h : BLSIM_SOURCE_DIR;
  return std::filesystem::exists(home + "/data/mnist/t10k-labels-idx1-ubyte.gz");
}

size_t count_lines(const std::string& text) {
  size_t n = 0;
  for (const char c : text) n += c == '\n';
  return n;
}

TEST(CliTrain, ShortRunIsByteReproducibleAndSeedMatters) {
  if (!mnist_installed()) GTEST_SKIP() << "MNIST not installed";
  const std::string dir = temp_dir();
  const std::string common = "train --dataset mnist --arch mlp-tiny --epochs 2 --max-train 600 ";
  const Result a = blsim(common + "--seed 3 --out " + dir + "a.onnx");
  ASSERT_EQ(a.status, 0) << a.err;
  EXPECT_EQ(count_lines(a.out), 4u) << a.out;  // header, two epochs, "wrote"
  EXPECT_NE(a.out.find("epoch   2/2"), std::string::npos) << a.out;
  EXPECT_EQ(a.out.find('\r'), std::string::npos);  // no progress bar when stdout is a file
  ASSERT_EQ(blsim(common + "--seed 3 --out " + dir + "b.onnx").status, 0);
  ASSERT_EQ(blsim(common + "--seed 4 --out " + dir + "c.onnx").status, 0);
  const std::string bytes = blsim::testing::read_all(dir + "a.onnx");
  EXPECT_GT(bytes.size(), 4u * 784 * 16);
  EXPECT_EQ(bytes, blsim::testing::read_all(dir + "b.onnx"));
  EXPECT_NE(bytes, blsim::testing::read_all(dir + "c.onnx"));
}

TEST(CliTrain, EvalWritesPredictionsThatMatchItsAccuracy) {
  if (!mnist_installed()) GTEST_SKIP() << "MNIST not installed";
  const std::string dir = temp_dir();
  ASSERT_EQ(blsim("train --dataset mnist --arch mlp-small --epochs 2 --max-train 2000 "
                  "--seed 5 --out " + dir + "e.onnx").status, 0);
  const Result r = blsim("eval --net " + dir + "e.onnx --dataset mnist --split val --out " + dir +
                         "eval");
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream csv(blsim::testing::read_all(dir + "eval/predictions.csv"));
  std::string line;
  std::getline(csv, line);
  EXPECT_EQ(line, "index,label,prediction,top1,top2,margin");
  size_t rows = 0, correct = 0;
  while (std::getline(csv, line)) {
    int index = 0, label = 0, prediction = 0;
    double top1 = 0, top2 = 0, margin = 0;
    ASSERT_EQ(std::sscanf(line.c_str(), "%d,%d,%d,%lf,%lf,%lf", &index, &label, &prediction,
                          &top1, &top2, &margin), 6) << line;
    EXPECT_EQ(index, static_cast<int>(rows));
    EXPECT_GE(top1, top2);
    EXPECT_GE(top1, 0.1);  // the top of ten probabilities is at least a tenth
    EXPECT_NEAR(margin, top1 - top2, 1e-6);
    correct += label == prediction;
    ++rows;
  }
  EXPECT_EQ(rows, 5000u);  // the validation split
  char expected[64];
  std::snprintf(expected, sizeof expected, "(%zu/5000)", correct);
  EXPECT_NE(r.out.find(expected), std::string::npos) << r.out;
  EXPECT_GT(correct, 3500u);  // far above the 500 of chance after two short epochs
}

TEST(CliTrain, BadInputIsOneLineAndStatusTwo) {
  const std::string dir = temp_dir();
  const auto expect_error = [](const Result& r, const std::string& text) {
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_EQ(r.err.rfind("blsim: ", 0), 0u) << r.err;
    EXPECT_EQ(count_lines(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find(text), std::string::npos) << r.err;
  };
  expect_error(blsim("train --dataset cifar --arch mlp-tiny --out " + dir + "x.onnx"),
               "unknown dataset \"cifar\"");
  expect_error(blsim("train --dataset mnist --arch resnet --out " + dir + "x.onnx"),
               "unknown architecture \"resnet\"");
  expect_error(blsim("train --dataset mnist --arch mlp-tiny --epochs 0 --out " + dir + "x.onnx"),
               "train.epochs");
  expect_error(blsim("train --dataset mnist --arch mlp-tiny --out " + dir + "x.onnx --set "
                     "data.mnist_dir=" + dir + "nowhere"),
               "train-images-idx3-ubyte.gz: cannot open");
  expect_error(blsim("eval --net " + dir + "missing.onnx --dataset mnist"), "missing.onnx");
  expect_error(blsim("eval --net x.onnx --dataset mnist --split dev"), "unknown split \"dev\"");
  EXPECT_FALSE(std::filesystem::exists(dir + "x.onnx"));
}

TEST(CliTrain, DatasetsListsSplitsOrSaysHowToInstall) {
  const std::string dir = temp_dir();
  const Result missing = blsim("datasets --set data.mnist_dir=" + dir + "nowhere");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.out.find("scripts/fetch_data.sh"), std::string::npos) << missing.out;
  if (!mnist_installed()) GTEST_SKIP() << "MNIST not installed";
  const Result r = blsim("datasets");
  EXPECT_NE(r.out.find("train 55000  val 5000  test 10000"), std::string::npos) << r.out;
}

TEST(CliTrain, HelpListsTheArchitectures) {
  const Result r = blsim("train --help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("mlp-little"), std::string::npos);
  EXPECT_NE(r.out.find("cnn-big"), std::string::npos);
}

}  // namespace
