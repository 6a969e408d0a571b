// SPDX-License-Identifier: MIT
// blsim validate: the case table parser (units, kinds, one-line errors naming FILE:LINE), the
// report arithmetic (relative error, median and worst |error| per kind, by hand numbers), the
// wiring of a case to its operating point and cores, and the command end to end on a small case
// file (exit 0 when targets are missed, columns that agree with each other, exit 2 on bad input
// with no output written). Not the model's accuracy: that is what the command reports.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "common/user_error.h"
#include "cli_test_util.h"
#include "csv_test_util.h"
#include "tests/scratch_dir.h"
#include "energy/cluster_power.h"
#include "sim/command_line.h"
#include "sim/soc_config.h"
#include "sim/validation_cases.h"
#include "sim/validation_nets.h"
#include "sim/validation_run.h"

namespace blsim {
namespace {

namespace fs = std::filesystem;

using testing::column;
using testing::read_all;
using testing::run_blsim;
using testing::read_csv;

const std::string kHeader =
    "id,kind,preset,cluster,busy_cores,freq_mhz,workload,size_bytes,published,unit,source,"
    "hardware,software\n";

std::string thrown_by(const std::string& text) {
  try {
    parse_cases(text, "cases.csv");
  } catch (const UserError& e) {
    return e.what();
  }
  return "(nothing thrown)";
}

TEST(ValidationCases, ParsesKindsAndConvertsUnitsToSi) {
  const std::string text =
      "# a comment line, then the header\n\n" + kHeader +
      "p1,power,exynos5422,big,4,800,busy_above_idle,,1905,mW,\"src, with comma\",hw,sw\n"
      "b1,bandwidth,exynos5422,little,1,1400,copy,1048576,2.5,GB/s,src,hw,sw\n"
      "l1,latency,sm8550,prime,1,3187.2,mobilenet_v1,,15.49,ms,src,hw,sw\n";
  const std::vector<ValidationCase> cases = parse_cases(text, "cases.csv");
  ASSERT_EQ(cases.size(), 3u);
  EXPECT_EQ(cases[0].kind, CaseKind::kPower);
  EXPECT_EQ(cases[0].where, "cases.csv:4");
  EXPECT_EQ(cases[0].source, "src, with comma");
  EXPECT_EQ(cases[0].busy_cores, 4);
  EXPECT_DOUBLE_EQ(cases[0].published_si, 1.905);
  EXPECT_EQ(cases[1].kind, CaseKind::kBandwidth);
  EXPECT_EQ(cases[1].size_bytes, 1048576u);
  EXPECT_DOUBLE_EQ(cases[1].published_si, 2.5e9);
  EXPECT_EQ(cases[2].kind, CaseKind::kLatency);
  EXPECT_DOUBLE_EQ(cases[2].freq_mhz, 3187.2);
  EXPECT_DOUBLE_EQ(cases[2].published_si, 15.49e-3);
}

TEST(ValidationCases, BadRowsNameFileLineAndField) {
  const std::string ok = "p1,power,exynos5422,big,4,800,busy,,1,W,s,h,w\n";
  EXPECT_EQ(thrown_by("id,kind\n" + ok),
            "cases.csv:1: expected the header id,kind,preset,cluster,busy_cores,freq_mhz,"
            "workload,size_bytes,published,unit,source,hardware,software");
  EXPECT_EQ(thrown_by(kHeader + ok + "p2,power,exynos5422,big,4,800,busy,,1,W,s,h\n"),
            "cases.csv:3: 12 fields, expected 13");
  EXPECT_EQ(thrown_by(kHeader + "p1,energy,exynos5422,big,4,800,busy,,1,W,s,h,w\n"),
            "cases.csv:2: kind: \"energy\" is not one of power, bandwidth, latency");
  EXPECT_EQ(thrown_by(kHeader + "p1,power,exynos5422,big,4,800,busy,,1,MB/s,s,h,w\n"),
            "cases.csv:2: unit: \"MB/s\" is not a unit of power");
  EXPECT_EQ(thrown_by(kHeader + "p1,power,exynos5422,big,4,800,busy,,1,kW,s,h,w\n"),
            "cases.csv:2: unit: unknown unit \"kW\" (mW, W, MB/s, GB/s, us, ms, s)");
  EXPECT_EQ(thrown_by(kHeader + "p1,power,exynos5422,big,4,-800,busy,,1,W,s,h,w\n"),
            "cases.csv:2: freq_mhz: expected a positive number, got \"-800\"");
  EXPECT_EQ(thrown_by(kHeader + "p1,power,exynos5422,big,0,800,busy,,1,W,s,h,w\n"),
            "cases.csv:2: busy_cores: expected a positive integer, got \"0\"");
  EXPECT_EQ(thrown_by(kHeader + "b1,bandwidth,exynos5422,big,1,800,copy,,1,MB/s,s,h,w\n"),
            "cases.csv:2: size_bytes: expected a positive integer, got \"\"");
  EXPECT_EQ(thrown_by(kHeader + "b1,bandwidth,exynos5422,big,1,800,copy,2147483648,1,MB/s,s,h,w\n"),
            "cases.csv:2: size_bytes: expected at most 1 GiB, got 2147483648");
  EXPECT_EQ(thrown_by(kHeader + "p1,power,exynos5422,big,1,800,busy,64,1,W,s,h,w\n"),
            "cases.csv:2: size_bytes: only bandwidth cases take a buffer size");
  EXPECT_EQ(thrown_by(kHeader + "l1,latency,sm8550,prime,1,800,alexnet,,1,ms,s,h,w\n"),
            "cases.csv:2: workload: unknown network \"alexnet\" (known: mobilenet_v1, "
            "squeezenet_v1_1)");
  EXPECT_EQ(thrown_by(kHeader + "p1,power,exynos5422,big,1,800,busy,,1,W,,h,w\n"),
            "cases.csv:2: source: is empty");
  EXPECT_EQ(thrown_by(kHeader + ok + ok), "cases.csv:3: id: \"p1\" is given twice");
  EXPECT_EQ(thrown_by(kHeader + "p1,power,exynos5422,big,1,800,busy,,1,W,\"open,h,w\n"),
            "cases.csv:2: a quoted field is not closed on its line");
  EXPECT_EQ(thrown_by(kHeader), "cases.csv: no cases");
}

TEST(ValidationCases, ErrorArithmeticByHand) {
  EXPECT_NEAR(relative_error(1.1, 1.0), 0.1, 1e-15);
  EXPECT_DOUBLE_EQ(relative_error(3.0, 4.0), -0.25);
  const std::vector<CaseKind> kinds = {CaseKind::kPower, CaseKind::kLatency, CaseKind::kPower,
                                       CaseKind::kPower, CaseKind::kLatency};
  const std::vector<double> errors = {0.10, -0.50, -0.30, 0.20, 0.10};
  const std::vector<KindSummary> s = summarize(kinds, errors);
  ASSERT_EQ(s.size(), 2u);  // no bandwidth case, no bandwidth row
  EXPECT_EQ(s[0].kind, CaseKind::kPower);
  EXPECT_EQ(s[0].cases, 3u);
  EXPECT_DOUBLE_EQ(s[0].median_abs_error, 0.20);  // |0.1|, |0.2|, |-0.3| -> middle 0.2
  EXPECT_DOUBLE_EQ(s[0].worst_abs_error, 0.30);
  EXPECT_DOUBLE_EQ(s[0].target, 0.15);
  EXPECT_FALSE(s[0].met());
  EXPECT_EQ(s[1].kind, CaseKind::kLatency);
  EXPECT_DOUBLE_EQ(s[1].median_abs_error, 0.30);  // even count: mean of 0.1 and 0.5
  EXPECT_DOUBLE_EQ(s[1].worst_abs_error, 0.50);
  EXPECT_DOUBLE_EQ(s[1].target, 0.25);
  EXPECT_FALSE(s[1].met());
  const std::vector<KindSummary> met = summarize({CaseKind::kBandwidth}, {-0.2});
  ASSERT_EQ(met.size(), 1u);
  EXPECT_TRUE(met[0].met());  // 0.2 <= 0.2
}

TEST(ValidationNets, MatchTheirPublishedSize) {
  // MobileNet v1 1.0-224: 569 million mult-adds, 4.2 million parameters (Howard et al. 2017,
  // Table 8); SqueezeNet v1.1: 1,235,496 parameters (torchvision squeezenet1_1 model page).
  const NetworkCost mobilenet = validation_net_cost("mobilenet_v1");
  EXPECT_NEAR(static_cast<double>(mobilenet.total_macs()), 569e6, 0.005 * 569e6);
  EXPECT_NEAR(static_cast<double>(mobilenet.total_param_bytes() / 4), 4.2e6, 0.01 * 4.2e6);
  EXPECT_EQ(validation_net_cost("squeezenet_v1_1").total_param_bytes() / 4, 1235496u);
  EXPECT_THROW(validation_net_cost("alexnet"), UserError);
}

SocSpec exynos5422() {
  return soc_spec_from(load_config(blsim_options(),
                                   {blsim_home() + "/configs/soc/exynos5422.ini"}, {},
                                   blsim_home()));
}

TEST(ValidationRun, PowerCaseUsesItsOperatingPointAndBusyCores) {
  const SocSpec soc = exynos5422();
  ValidationCase c = parse_cases(kHeader + "p,power,exynos5422,little,2,1000,busy,,1,W,s,h,w\n",
                                 "cases.csv")[0];
  const ClusterSpec& little = soc.cluster(soc.find_cluster("little"));
  size_t opp = 99;
  case_cluster(soc, c, &opp);
  ASSERT_LT(opp, little.opps.size());
  EXPECT_DOUBLE_EQ(little.opps[opp].freq_mhz, 1000);
  const double v = little.opps[opp].volt_v;
  const double expected = 2 * dynamic_power_w(little.power.dyn_coeff_uw_per_mhz_v2, v, 1000) +
                          cluster_leakage_w(little.power, little.cores, v);
  EXPECT_NEAR(run_case(soc, c), expected, 1e-9 * expected);
  // Above idle: the same minus the idle cluster at its lowest operating point.
  c.workload = "busy_above_idle";
  const double idle = cluster_leakage_w(little.power, little.cores, little.opps.front().volt_v);
  EXPECT_NEAR(run_case(soc, c), expected - idle, 1e-9 * expected);
}

TEST(ValidationRun, CaseThatTheSocCannotRunIsAUserError) {
  const SocSpec soc = exynos5422();
  const auto run = [&](const std::string& row) -> std::string {
    try {
      run_case(soc, parse_cases(kHeader + row, "cases.csv")[0]);
    } catch (const UserError& e) {
      return e.what();
    }
    return "(nothing thrown)";
  };
  EXPECT_EQ(run("p,power,exynos5422,medium,1,1000,busy,,1,W,s,h,w\n"),
            "cases.csv:2: cluster: the preset exynos5422 has no cluster \"medium\" (its clusters: "
            "big, little)");
  EXPECT_EQ(run("p,power,exynos5422,little,5,1000,busy,,1,W,s,h,w\n"),
            "cases.csv:2: busy_cores: 5 but cluster little of exynos5422 has 4");
  EXPECT_NE(run("p,power,exynos5422,little,1,1050,busy,,1,W,s,h,w\n")
                .find("cases.csv:2: freq_mhz: cluster little of exynos5422 has no 1050 MHz"),
            std::string::npos);
}

class ValidateCommand : public ScratchDirTest {
 protected:
  void write(const std::string& name, const std::string& text) {
    std::ofstream(fs::path(dir_) / name) << text;
  }
  std::string file(const std::string& name) const { return (fs::path(dir_) / name).string(); }
};

TEST_F(ValidateCommand, ReportsEveryCaseAndSummaryThatAgreeWithEachOther) {
  // Published values far from anything the model gives: the targets are missed, exit status 0.
  write("cases.csv", kHeader +
                         "p1,power,exynos5422,big,4,1400,busy_above_idle,,1,mW,s,h,w\n"
                         "p2,power,exynos5422,little,1,1400,busy,,100,W,s,h,w\n"
                         "p3,power,exynos5422,little,4,600,busy,,0.5,W,s,h,w\n"
                         "b1,bandwidth,exynos5422,big,1,2000,copy,4194304,1,MB/s,s,h,w\n"
                         "l1,latency,exynos5422,little,1,1400,squeezenet_v1_1,,1,us,s,h,w\n");
  ASSERT_EQ(run_blsim("validate --cases cases.csv --out a", dir_), 0)
      << read_all(file("stderr.txt"));
  ASSERT_EQ(run_blsim("validate --cases cases.csv --out b", dir_), 0);
  EXPECT_EQ(read_all(file("a/validation.csv")),
            read_all(file("b/validation.csv")));

  const auto rows = read_csv(file("a/validation.csv"));
  ASSERT_EQ(rows.size(), 6u);
  const auto& h = rows[0];
  std::vector<double> power_errors;
  for (size_t i = 1; i < rows.size(); ++i) {
    const std::string kind = rows[i][column(h, "kind")];
    const std::string suffix = kind == "power" ? "_w" : kind == "bandwidth" ? "_bytes_per_s" : "_s";
    const double published = std::stod(rows[i][column(h, "published" + suffix)]);
    const double model = std::stod(rows[i][column(h, "blsim" + suffix)]);
    const double err = std::stod(rows[i][column(h, "rel_error")]);
    EXPECT_GT(model, 0) << rows[i][0];
    EXPECT_NEAR(err, (model - published) / published, 1e-6 * std::fabs(err)) << rows[i][0];
    if (kind == "power") power_errors.push_back(std::fabs(err));
  }
  EXPECT_EQ(rows[1][column(h, "published_w")], "0.001");    // 1 mW in W
  EXPECT_EQ(rows[4][column(h, "published_bytes_per_s")], "1000000");
  EXPECT_EQ(rows[4][column(h, "published_w")], "");
  EXPECT_EQ(rows[5][column(h, "published_s")], "1e-06");  // 1 us in s
  ASSERT_EQ(power_errors.size(), 3u);
  std::sort(power_errors.begin(), power_errors.end());

  const auto summary = read_csv(file("a/validation_summary.csv"));
  ASSERT_EQ(summary.size(), 4u);  // power, bandwidth, latency
  const auto& sh = summary[0];
  EXPECT_EQ(summary[1][column(sh, "kind")], "power");
  EXPECT_EQ(summary[1][column(sh, "cases")], "3");
  EXPECT_NEAR(std::stod(summary[1][column(sh, "median_abs_rel_error")]), power_errors[1],
              1e-6 * power_errors[1]);
  EXPECT_NEAR(std::stod(summary[1][column(sh, "worst_abs_rel_error")]), power_errors[2],
              1e-6 * power_errors[2]);
  EXPECT_EQ(summary[1][column(sh, "met")], "0");
  const std::string out = read_all(file("stdout.txt"));
  EXPECT_NE(out.find("median|err|"), std::string::npos);
  EXPECT_NE(out.find("l1 "), std::string::npos);
}

TEST_F(ValidateCommand, BadInputIsOneLineWithStatusTwoAndNoOutput) {
  write("bad.csv", kHeader + "p1,power,exynos5422,big,4,1400,busy,,1,mW,s,h,w\n"
                             "p2,power,exynos5422,big,4,1400,busy,,x,mW,s,h,w\n");
  EXPECT_EQ(run_blsim("validate --cases bad.csv --out c", dir_), 2);
  EXPECT_EQ(read_all(file("stderr.txt")),
            "blsim: bad.csv:3: published: expected a positive number, got \"x\"\n");
  write("freq.csv", kHeader + "p1,power,exynos5422,big,4,1400,busy,,1,mW,s,h,w\n"
                              "p2,power,exynos5422,big,4,2100,busy,,1,mW,s,h,w\n");
  EXPECT_EQ(run_blsim("validate --cases freq.csv --out c", dir_), 2);
  const std::string err = read_all(file("stderr.txt"));
  EXPECT_EQ(err.rfind("blsim: freq.csv:3: freq_mhz: cluster big of exynos5422 has no 2100 MHz", 0),
            0u)
      << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1);
  write("preset.csv", kHeader + "p1,power,nosuchsoc,big,4,1400,busy,,1,mW,s,h,w\n");
  EXPECT_EQ(run_blsim("validate --cases preset.csv --out c", dir_), 2);
  EXPECT_EQ(read_all(file("stderr.txt")).rfind("blsim: preset.csv:2: preset: ", 0), 0u);
  EXPECT_EQ(run_blsim("validate --cases missing.csv --out c", dir_), 2);
  EXPECT_NE(read_all(file("stderr.txt")).find("missing.csv"), std::string::npos);
  EXPECT_EQ(run_blsim("validate --set soc.tile_bytes=65536 --out c", dir_), 2);
  EXPECT_NE(read_all(file("stderr.txt")).find("--config and --set"),
            std::string::npos);
  EXPECT_FALSE(fs::exists(file("c")));
}

}  // namespace
}  // namespace blsim
