// SPDX-License-Identifier: MIT
// blsim dram end to end: a hand-derived trace (16 reads to one row), the two CSV outputs, byte-
// identical reruns, bad trace lines (file:line, status 2, nothing written), and the reference
// streams against DRAMsim3's numbers in tests/data/dram-reference (README there: commands and
// the DRAMsim3 commit). Tolerances: 10% on bandwidth and energy for 64-byte streams, 2% for
// tile streams.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_test_util.h"
#include "dram_stream_traces.h"
#include "csv_test_util.h"

namespace blsim {
namespace {

namespace fs = std::filesystem;

using testing::column;
using testing::read_all;
using testing::make_dram_trace;
using testing::run_blsim;
using testing::read_csv;

// One x16 LPDDR4-3200 channel, one rank, no power-down, no I/O energy: the DRAMsim3 setup.
std::string dram_args(const std::string& trace, int request_bytes, const std::string& extra = "") {
  return "dram --memspec " + (fs::path(BLSIM_TEST_DATA).parent_path().parent_path() /
                              "configs/dram/lpddr4-3200.ini").string() +
         " --trace " + trace + " --request-bytes " + std::to_string(request_bytes) +
         " --set dram.channels=1 --set dram.ranks=1 --set dram.powerdown_idle_ns=1e9"
         " --set dram.io_pj_per_bit=0 " + extra;
}

class DramCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           (std::string("dram_cmd_test_") +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
  }
  std::string err() { return read_all((dir_ / "stderr.txt").string()); }
  fs::path dir_;
};

TEST_F(DramCommand, SixteenReadsToOneRowByHand) {
  std::ostringstream t;
  for (int i = 0; i < 16; ++i) t << std::hex << "0x" << i * 32 << " READ 0\n";
  write("row.trace", t.str());
  ASSERT_EQ(run_blsim(dram_args("row.trace", 32, "--out a"), dir_.string()), 0) << err();
  // ACT 0, RDs at 29 + 8 i, the last data beat at 149 + 28 + 8 = 185 (see dram_timing_test).
  const auto sum = read_csv((dir_ / "a/dram.csv").string());
  ASSERT_EQ(sum.size(), 2u);
  EXPECT_EQ(sum[1][column(sum[0], "cycles")], "185");
  EXPECT_EQ(sum[1][column(sum[0], "row_hits")], "15");
  EXPECT_EQ(sum[1][column(sum[0], "act")], "1");
  EXPECT_EQ(sum[1][column(sum[0], "pre")], "0");
  const auto req = read_csv((dir_ / "a/dram_requests.csv").string());
  ASSERT_EQ(req.size(), 17u);
  EXPECT_EQ(req[16][column(req[0], "issue_cycle")], "149");
  EXPECT_EQ(req[16][column(req[0], "data_end_cycle")], "185");
  ASSERT_EQ(run_blsim(dram_args("row.trace", 32, "--out b"), dir_.string()), 0);
  EXPECT_EQ(read_all((dir_ / "a/dram.csv").string()), read_all((dir_ / "b/dram.csv").string()));
  EXPECT_EQ(read_all((dir_ / "a/dram_requests.csv").string()),
            read_all((dir_ / "b/dram_requests.csv").string()));
}

TEST_F(DramCommand, BadTraceLinesNameFileAndLine) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"0x40 READ 0\nzz READ 3\n", "bad.trace:2: bad address 'zz'"},
      {"0x40 READ 0\n0x80 FETCH 3\n", "bad.trace:2: bad operation 'FETCH'"},
      {"0x40 READ\n", "bad.trace:1: too few fields"},
      {"0x40 READ 5\n0x80 READ 4\n", "bad.trace:2: cycle 4 is earlier"},
      {"0x40 READ -1\n", "bad.trace:1: bad cycle '-1'"},
      {"0x40 READ 1 2\n", "bad.trace:1: unexpected field '2'"},
  };
  for (const auto& [text, message] : cases) {
    write("bad.trace", text);
    EXPECT_EQ(run_blsim(dram_args("bad.trace", 64, "--out o"), dir_.string()), 2) << text;
    const std::string e = err();
    EXPECT_NE(e.find(message), std::string::npos) << e;
    EXPECT_EQ(std::count(e.begin(), e.end(), '\n'), 1) << e;
    EXPECT_FALSE(fs::exists(dir_ / "o/dram.csv"));
  }
  EXPECT_EQ(run_blsim(dram_args("missing.trace", 64), dir_.string()), 2);
  write("ok.trace", "0x0 READ 0\n");
  EXPECT_EQ(run_blsim(dram_args("ok.trace", 0), dir_.string()), 2);
}

struct Reference {
  std::string trace;
  int request_bytes;
  double cycles, energy_j;
};

std::vector<Reference> dramsim3_reference() {
  const auto rows = read_csv(std::string(BLSIM_TEST_DATA) + "/dram-reference/dramsim3-lpddr4-3200.csv");
  std::vector<Reference> out;
  for (size_t i = 1; i < rows.size(); ++i) {
    out.push_back({rows[i][column(rows[0], "trace")],
                   std::stoi(rows[i][column(rows[0], "request_bytes")]),
                   std::stod(rows[i][column(rows[0], "cycles")]),
                   std::stod(rows[i][column(rows[0], "energy_total_j")])});
  }
  return out;
}

// blsim against DRAMsim3 on one trace: relative bandwidth and energy differences. DRAMsim3 puts
// every command on the bus for one clock, so blsim runs with dram.cmd_ck = 1 here.
std::pair<double, double> compare(const fs::path& dir, const Reference& ref) {
  std::ofstream(dir / (ref.trace + ".trace")) << make_dram_trace(ref.trace);
  const int rc = run_blsim(dram_args(ref.trace + ".trace", ref.request_bytes,
                                     "--set dram.cmd_ck=1 --out " + ref.trace),
                           dir.string());
  EXPECT_EQ(rc, 0) << read_all((dir / "stderr.txt").string());
  const auto sum = read_csv((dir / ref.trace / "dram.csv").string());
  const double cycles = std::stod(sum[1][column(sum[0], "cycles")]);
  const double energy = std::stod(sum[1][column(sum[0], "energy_total_j")]);
  return {ref.cycles / cycles - 1, energy / ref.energy_j - 1};  // bandwidth ~ 1 / cycles
}

TEST_F(DramCommand, StreamsMatchDramsim3) {
  for (const auto& ref : dramsim3_reference()) {
    const auto [bw, energy] = compare(dir_, ref);
    const double tol = ref.request_bytes >= 4096 ? 0.02 : 0.10;
    std::cout << ref.trace << ": bandwidth " << bw * 100 << "%, energy " << energy * 100
              << "% against DRAMsim3\n";
    EXPECT_LT(std::fabs(bw), tol) << ref.trace;
    EXPECT_LT(std::fabs(energy), tol) << ref.trace;
  }
}

}  // namespace
}  // namespace blsim
