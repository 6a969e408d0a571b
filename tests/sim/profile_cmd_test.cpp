// SPDX-License-Identifier: MIT
// blsim profile end to end: on a freshly built CNN it writes layers.csv and summary.csv, the
// profiled layer rows add up to the summary's energy, two runs are byte-identical, and bad
// options end with status 2 and one line naming the option.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "cli_test_util.h"
#include "csv_test_util.h"
#include "workloads/train/architectures.h"
#include "workloads/train/onnx_export.h"

namespace blsim {
namespace {

namespace fs = std::filesystem;

using testing::column;
using testing::read_all;
using testing::run_blsim;
using testing::read_csv;

class ProfileCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    // One folder per test: ctest runs the tests of this fixture in parallel processes.
    dir_ = fs::path(::testing::TempDir()) /
           (std::string("profile_cmd_test_") +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Network net = build_architecture("cnn-big", 1, 28, 28, 10, 7);
    write_onnx(net, (dir_ / "cnn.onnx").string(), "profile test network");
  }
  fs::path dir_;
};

// The bound column of the layer called `name` in profile's table (empty when absent).
std::string bound_of(const std::string& table, const std::string& name) {
  std::istringstream in(table);
  std::string line;
  std::vector<std::string> header;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::vector<std::string> f;
    for (std::string w; fields >> w;) f.push_back(w);
    if (!f.empty() && f[0] == "layer") header = f;
    if (f.empty() || f[0] != name || header.empty()) continue;
    for (size_t i = 0; i < header.size() && i < f.size(); ++i) {
      if (header[i] == "bound") return f[i];
    }
  }
  return "";
}

TEST_F(ProfileCommand, AFullyConnectedLayerLargerThanL2IsMemoryBoundOnOneCore) {
  // 784 x 1024 fp32 weights: 3.2 MB against the A15 cluster's 2 MB L2, streamed from DRAM every
  // inference at batch 1 (one MAC per 4 bytes).
  Network mlp = build_architecture("mlp-1024", 1, 28, 28, 10, 7);
  write_onnx(mlp, (dir_ / "mlp.onnx").string(), "profile test network");
  ASSERT_EQ(run_blsim("profile --net mlp.onnx --cluster big --set cluster.big.cores=1 --out one",
                      dir_.string()),
            0)
      << read_all((dir_ / "stderr.txt").string());
  const std::string one = read_all((dir_ / "stdout.txt").string());
  const std::string fc = bound_of(one, "fc1");
  EXPECT_TRUE(fc == "MLP" || fc == "DRAM-bw") << one;
  // The convolutions of the CNN, whose weights fit, are compute-bound on the same core.
  ASSERT_EQ(run_blsim("profile --net cnn.onnx --cluster big --set cluster.big.cores=1 --warm-up "
                      "--out cnn",
                      dir_.string()),
            0);
  const std::string cnn = read_all((dir_ / "stdout.txt").string());
  EXPECT_EQ(bound_of(cnn, "conv2"), "compute") << cnn;
}

TEST_F(ProfileCommand, WritesReportsThatAddUpAndRepeat) {
  ASSERT_EQ(run_blsim("profile --net cnn.onnx --cluster little --inferences 3 --warm-up --out a",
                      dir_.string()),
            0)
      << read_all((dir_ / "stderr.txt").string());
  ASSERT_EQ(run_blsim("profile --net cnn.onnx --cluster little --inferences 3 --warm-up --out b",
                      dir_.string()),
            0);
  EXPECT_EQ(read_all((dir_ / "a/layers.csv").string()), read_all((dir_ / "b/layers.csv").string()));
  EXPECT_EQ(read_all((dir_ / "a/summary.csv").string()),
            read_all((dir_ / "b/summary.csv").string()));

  const auto summary = read_csv((dir_ / "a/summary.csv").string());
  ASSERT_EQ(summary.size(), 2u);
  const double total_j = std::stod(summary[1][column(summary[0], "energy_total_j")]);
  EXPECT_EQ(summary[1][column(summary[0], "inferences")], "3");
  EXPECT_EQ(summary[1][column(summary[0], "cluster")], "little");

  const auto layers = read_csv((dir_ / "a/layers.csv").string());
  const size_t stage = column(layers[0], "stage");
  const size_t energy = column(layers[0], "energy_total_j");
  const size_t calls = column(layers[0], "calls");
  double profiled_j = 0;
  size_t profiled_rows = 0;
  for (size_t i = 1; i < layers.size(); ++i) {
    if (layers[i][stage] != "profile") continue;
    profiled_j += std::stod(layers[i][energy]);
    EXPECT_EQ(layers[i][calls], "3");
    ++profiled_rows;
  }
  EXPECT_GT(profiled_rows, 5u);
  EXPECT_NEAR(profiled_j, total_j, 1e-6 * total_j);
  EXPECT_NE(read_all((dir_ / "stdout.txt").string()).find("roofline"), std::string::npos);
}

TEST_F(ProfileCommand, BadOptionsNameThemselves) {
  EXPECT_EQ(run_blsim("profile --net cnn.onnx --cluster medium --out c", dir_.string()), 2);
  const std::string err = read_all((dir_ / "stderr.txt").string());
  EXPECT_EQ(err, "blsim: profile: --cluster: the SoC exynos5422 has no cluster \"medium\" (its "
                 "clusters: big, little)\n");
  EXPECT_EQ(run_blsim("profile --net cnn.onnx --inferences 0 --out c", dir_.string()), 2);
  EXPECT_NE(read_all((dir_ / "stderr.txt").string()).find("--inferences"), std::string::npos);
  EXPECT_EQ(run_blsim("profile --net cnn.onnx --set cluster.big.freq_mhz=3000 --out c", dir_.string()), 2);
  EXPECT_NE(read_all((dir_ / "stderr.txt").string()).find("--set: cluster.big.freq_mhz"),
            std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "c" / "layers.csv"));
}

}  // namespace
}  // namespace blsim
