// SPDX-License-Identifier: MIT
// The cascade timing pass and `blsim run`: escalation follows the gate, per-input energies and
// ledger rows add up to the run's total, the reports are byte-identical across runs, and the
// runtime controller tracks its target when the inputs turn from easy to hard.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../models/soc_fixtures.h"
#include "csv_test_util.h"
#include "sim/cascade_sim.h"
#include "sim/commands.h"

namespace blsim {
namespace {

CascadePlan two_stage_plan() {
  CascadePlan plan;
  NetworkCost little;
  little.layers = {testing::layer("fc1", "Gemm", OpKind::kGemm, 50000, 100000, 200000, 3136, 256)};
  plan.stages.push_back(StagePlan{"stage1", "little-net", testing::kLittle, little});
  plan.stages.push_back(StagePlan{"stage2", "big-net", testing::kBig, testing::lenet_cost()});
  plan.thresholds = {0.5};
  plan.gate_cycles = 500;
  return plan;
}

// n samples, label 0; the little network is right with confidence conf[i] >= 0.3, wrong below.
CascadeScores scores_from(const std::vector<double>& conf) {
  CascadeScores s;
  s.stages.resize(2);
  for (double c : conf) {
    s.labels.push_back(0);
    s.stages[0].prediction.push_back(c >= 0.3 ? 0 : 1);
    s.stages[0].confidence.push_back(c);
    s.stages[1].prediction.push_back(0);
    s.stages[1].confidence.push_back(1.0);
  }
  return s;
}

TEST(CascadeSim, EscalatesExactlyTheInputsBelowThreshold) {
  const std::vector<double> conf = {0.9, 0.1, 0.6, 0.45, 0.5, 0.2};
  const CascadeSimResult r = simulate_cascade(testing::round_soc(), two_stage_plan(), scores_from(conf));
  ASSERT_EQ(r.inferences.size(), conf.size());
  for (size_t i = 0; i < conf.size(); ++i) {
    EXPECT_EQ(r.inferences[i].escalated, conf[i] < 0.5) << i;
    EXPECT_EQ(r.inferences[i].exit_stage, conf[i] < 0.5 ? 1u : 0u) << i;
  }
  EXPECT_DOUBLE_EQ(r.escalation_rate(), 3.0 / 6);
  EXPECT_DOUBLE_EQ(r.accuracy(), 1.0);  // the wrong little answers (0.1, 0.2) escalated
  // An escalated input costs more time and energy than one the little network answers.
  EXPECT_GT(r.inferences[1].latency_s, r.inferences[0].latency_s);
  EXPECT_GT(r.inferences[1].energy_j, r.inferences[0].energy_j);
}

TEST(CascadeSim, InferenceEnergiesAndLedgerRowsAddUpToTheTotal) {
  std::vector<double> conf;
  for (int i = 0; i < 50; ++i) conf.push_back((i * 37 % 50) / 50.0);
  const CascadeSimResult r = simulate_cascade(testing::round_soc(), two_stage_plan(), scores_from(conf));
  double per_input = 0;
  for (const auto& i : r.inferences) per_input += i.energy_j;
  EXPECT_NEAR(per_input, r.total.total_j(), 1e-9 * r.total.total_j());
  EXPECT_NEAR(r.ledger.total().total_j(), r.total.total_j(), 1e-9 * r.total.total_j());
  bool has_gate = false, has_wake = false, has_idle = false;
  for (const auto& row : r.ledger.rows()) {
    has_gate |= row.op == "gate";
    has_wake |= row.op == "wake";
    has_idle |= row.op == "idle";
  }
  EXPECT_TRUE(has_gate && has_wake && has_idle);
}

TEST(CascadeSim, ThreeStagesOnThreeClustersEachRunOnTheirOwn) {
  SocSpec soc = testing::round_soc();
  soc.clusters.push_back(testing::round_cluster("prime", 1, 2000, 8));
  soc.caches = {testing::round_cache("l3", 4 << 20, {0, 1, 2})};
  CascadePlan plan = two_stage_plan();  // little -> big
  plan.stages.push_back(StagePlan{"stage3", "prime-net", 2, testing::lenet_cost()});
  plan.thresholds = {0.5, 0.5};
  plan.escalation_rest = PowerState::kParked;
  CascadeScores s = scores_from({0.9, 0.1, 0.6, 0.2, 0.3});
  s.stages.push_back(s.stages[1]);
  s.stages[1].confidence = {1.0, 0.9, 1.0, 0.1, 0.6};  // input 3 goes on to stage 3
  const CascadeSimResult r = simulate_cascade(soc, plan, s);
  std::vector<size_t> exits;
  for (const auto& i : r.inferences) exits.push_back(i.exit_stage);
  EXPECT_EQ(exits, (std::vector<size_t>{0, 1, 0, 2, 1}));
  std::map<std::string, std::set<std::string>> clusters_of_stage;
  for (const auto& row : r.ledger.rows()) {
    if (row.stage != "idle") clusters_of_stage[row.stage].insert(row.cluster);
  }
  EXPECT_EQ(clusters_of_stage["stage1"], (std::set<std::string>{"little"}));
  EXPECT_EQ(clusters_of_stage["stage2"], (std::set<std::string>{"big"}));
  EXPECT_EQ(clusters_of_stage["stage3"], (std::set<std::string>{"prime"}));
  EXPECT_NEAR(r.ledger.total().total_j(), r.total.total_j(), 1e-9 * r.total.total_j());
  double per_input = 0;
  for (const auto& i : r.inferences) per_input += i.energy_j;
  EXPECT_NEAR(per_input, r.total.total_j(), 1e-9 * r.total.total_j());
}

TEST(CascadeSim, AOneClusterSocRunsAOneStageCascade) {
  SocSpec soc = testing::round_soc();
  soc.clusters.resize(1);  // big only
  CascadePlan plan;
  plan.stages.push_back(StagePlan{"stage1", "big-net", 0, testing::lenet_cost()});
  plan.gate_cycles = 500;
  CascadeScores s = scores_from({0.9, 0.1, 0.6});
  s.stages.resize(1);
  const CascadeSimResult r = simulate_cascade(soc, plan, s);
  ASSERT_EQ(r.inferences.size(), 3u);
  EXPECT_EQ(r.escalation_rate(), 0.0);
  for (const auto& row : r.ledger.rows()) {
    EXPECT_TRUE(row.cluster == "big" || row.cluster == "dram") << row.cluster;
    EXPECT_NE(row.op, "gate");  // the last stage has no gate
  }
  EXPECT_NEAR(r.ledger.total().total_j(), r.total.total_j(), 1e-9 * r.total.total_j());
}

TEST(CascadeSim, ParkedBigClusterWakesOncePerEscalationAndRestsAtLowVoltage) {
  const std::vector<double> conf = {0.9, 0.1, 0.6, 0.45, 0.8, 0.2, 0.7};
  CascadePlan plan = two_stage_plan();
  plan.escalation_rest = PowerState::kParked;
  const SocSpec soc = testing::round_soc();
  const CascadeSimResult parked = simulate_cascade(soc, plan, scores_from(conf));
  plan.escalation_rest = PowerState::kIdle;
  const CascadeSimResult idle = simulate_cascade(soc, plan, scores_from(conf));
  size_t wakes = 0;
  double parked_rest_s = 0;
  for (const auto& row : parked.ledger.rows()) {
    if (row.layer == "wake_from_parked") wakes += row.calls;
    if (row.cluster == "big" && row.layer == "parked") parked_rest_s += row.time_s;
  }
  EXPECT_EQ(wakes, 3u);  // 0.1, 0.45 and 0.2 escalate
  EXPECT_GT(parked_rest_s, 0.0);
  EXPECT_NEAR(parked.ledger.total().total_j(), parked.total.total_j(), 1e-9 * parked.total.total_j());
  // Each escalation waits for the rail ramp and the clock change on top of the idle exit.
  const ClusterSpec& big = soc.cluster(testing::kBig);
  const double extra_s = big.dvfs_latency_s + 0.2 / big.volt_ramp_v_per_s;
  for (size_t i = 0; i < conf.size(); ++i) {
    const double expected = parked.inferences[i].escalated ? extra_s : 0.0;
    EXPECT_NEAR(parked.inferences[i].latency_s - idle.inferences[i].latency_s, expected, 0.2e-6) << i;
  }
}

TEST(CascadeSim, RateControllerTracksTargetWhenInputsTurnHard) {
  // 1500 easy inputs (confidence in [0.5, 1)), then 1500 hard ones (in [0, 0.5)).
  std::vector<double> conf;
  for (int i = 0; i < 3000; ++i) {
    const double u = ((i * 7919) % 1000) / 1000.0;
    conf.push_back(i < 1500 ? 0.5 + 0.5 * u : 0.5 * u);
  }
  CascadePlan plan = two_stage_plan();
  plan.controller = ControllerSpec{ControllerSpec::Kind::kRate, 0.2, 100, 0.01};
  const CascadeSimResult r = simulate_cascade(testing::round_soc(), plan, scores_from(conf));
  for (int phase = 0; phase < 2; ++phase) {
    int escalated = 0;
    for (int i = phase * 1500 + 1000; i < phase * 1500 + 1500; ++i) escalated += r.inferences[i].escalated;
    EXPECT_NEAR(escalated / 500.0, 0.2, 0.04) << "phase " << phase;
  }
  // The threshold that gives 20% is 0.6 on easy inputs and 0.1 on hard ones.
  EXPECT_NEAR(r.inferences[1499].threshold, 0.6, 0.06);
  EXPECT_NEAR(r.inferences[2999].threshold, 0.1, 0.06);
}

using testing::column;
using testing::read_all;
using testing::read_csv;

int run_quietly(const Args& args) {
  std::ostringstream sink;
  auto* old = std::cout.rdbuf(sink.rdbuf());
  const int status = cmd_run(args);
  std::cout.rdbuf(old);
  return status;
}

TEST(RunCommand, ReportsAddUpAndRepeatByteForByte) {
  const std::string a = ::testing::TempDir() + "blsim-run-a", b = ::testing::TempDir() + "blsim-run-b";
  std::filesystem::remove_all(a);
  std::filesystem::remove_all(b);
  ASSERT_EQ(run_quietly({"--samples", "300", "--out", a}), 0);
  ASSERT_EQ(run_quietly({"--samples", "300", "--out", b, "--no-cache"}), 0);
  for (const char* f : {"summary.csv", "layers.csv", "inferences.csv"}) {
    EXPECT_EQ(read_all(a + "/" + f), read_all(b + "/" + f)) << f;
  }
  const auto summary = read_csv(a + "/summary.csv");
  ASSERT_EQ(summary.size(), 3u);  // header, val, test
  const std::vector<std::string> design = {
      "dataset", "samples", "metric", "threshold", "accuracy", "accuracy_big_only",
      "accuracy_little_only", "accuracy_loss", "escalation_rate", "energy_per_inference_j",
      "energy_big_only_per_inference_j", "energy_reduction", "latency_mean_s", "latency_p99_s"};
  EXPECT_EQ(std::vector<std::string>(summary[0].begin(), summary[0].begin() + design.size()), design);
  const auto& test = summary[2];
  EXPECT_EQ(test[column(summary[0], "split")], "test");
  EXPECT_EQ(test[column(summary[0], "samples")], "300");
  const double total_j = std::stod(test[column(summary[0], "energy_total_j")]);

  const auto layers = read_csv(a + "/layers.csv");
  double layers_j = 0;
  for (size_t i = 1; i < layers.size(); ++i) layers_j += std::stod(layers[i][column(layers[0], "energy_total_j")]);
  EXPECT_NEAR(layers_j, total_j, 1e-6 * total_j);

  const auto inferences = read_csv(a + "/inferences.csv");
  ASSERT_EQ(inferences.size(), 301u);
  double inferences_j = 0, escalated = 0;
  for (size_t i = 1; i < inferences.size(); ++i) {
    inferences_j += std::stod(inferences[i][column(inferences[0], "energy_j")]);
    const bool esc = inferences[i][column(inferences[0], "escalated")] == "1";
    escalated += esc;
    EXPECT_EQ(inferences[i][column(inferences[0], "exit_stage")], esc ? "2" : "1");
  }
  EXPECT_NEAR(inferences_j, total_j, 1e-6 * total_j);
  EXPECT_NEAR(escalated / 300, std::stod(test[column(summary[0], "escalation_rate")]), 1e-8);
  // The cascade is cheaper than big-only and the reduction column says by how much.
  const double e = std::stod(test[column(summary[0], "energy_per_inference_j")]);
  const double big = std::stod(test[column(summary[0], "energy_big_only_per_inference_j")]);
  EXPECT_LT(e, big);
  EXPECT_NEAR(std::stod(test[column(summary[0], "energy_reduction")]), 1 - e / big, 1e-6);
}

TEST(RunCommand, ThreeStagesOnGs101sThreeClusters) {
  const std::string out = ::testing::TempDir() + "blsim-run-gs101";
  std::filesystem::remove_all(out);
  const std::string home = BLSIM_SOURCE_DIR;
  ASSERT_EQ(run_quietly({"--config", home + "/configs/soc/gs101.ini", "--cascade",
                         home + "/configs/cascade/mnist-gs101-3cluster.ini", "--samples", "300",
                         "--out", out}),
            0);
  const auto layers = read_csv(out + "/layers.csv");
  std::map<std::string, std::set<std::string>> clusters_of_stage;
  double layers_j = 0;
  for (size_t i = 1; i < layers.size(); ++i) {
    const std::string& stage = layers[i][column(layers[0], "stage")];
    const std::string& cluster = layers[i][column(layers[0], "cluster")];
    if (stage != "idle") clusters_of_stage[stage].insert(cluster);
    layers_j += std::stod(layers[i][column(layers[0], "energy_total_j")]);
  }
  EXPECT_EQ(clusters_of_stage["stage1"], (std::set<std::string>{"little"}));
  EXPECT_EQ(clusters_of_stage["stage2"], (std::set<std::string>{"big"}));
  EXPECT_EQ(clusters_of_stage["stage3"], (std::set<std::string>{"prime"}));
  const auto summary = read_csv(out + "/summary.csv");
  const double total_j = std::stod(summary[2][column(summary[0], "energy_total_j")]);
  EXPECT_NEAR(layers_j, total_j, 1e-6 * total_j);
  EXPECT_EQ(summary[2][column(summary[0], "soc")], "gs101");
}

}  // namespace
}  // namespace blsim
