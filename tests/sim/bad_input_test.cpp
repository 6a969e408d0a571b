// SPDX-License-Identifier: MIT
// The bad-input table: every row runs the real blsim binary on one bad input (CLI option, config
// file or value, model, tensor, dataset) and asserts exit status 2, exactly one line on stderr
// that names the culprit, and no output file left behind. The rows: bad_input_*_rows.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/sim/bad_input_table.h"
#include "tests/sim/cli_test_util.h"

namespace fs = std::filesystem;

namespace {

using blsim::bad_input_table::BadInput;
using blsim::testing::Outcome;

// Runs blsim with `args` (already shell-quoted where needed) in a scratch folder.
Outcome run_blsim(const std::string& args, const std::string& dir) {
  return blsim::testing::run_blsim_captured(args, dir);
}

// Every regular file below dir (recursively), so leftovers are visible.
std::vector<std::string> files_below(const std::string& dir) {
  std::vector<std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Every row of the table, the configuration's first.
std::vector<BadInput> all_rows() {
  std::vector<BadInput> rows = blsim::bad_input_table::config_rows();
  const std::vector<BadInput> files = blsim::bad_input_table::file_rows();
  rows.insert(rows.end(), files.begin(), files.end());
  return rows;
}

class BadInputTable : public ::testing::TestWithParam<BadInput> {};

TEST_P(BadInputTable, ExitsTwoWithOneLineNamingTheCulprit) {
  const BadInput& c = GetParam();
  const std::string dir = ::testing::TempDir() + "blsim-bad-" + c.name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string args = c.setup(dir);
  const auto before = files_below(dir);
  const Outcome o = run_blsim(args, dir);
  EXPECT_EQ(o.status, 2) << "blsim " << args << "\nstderr: " << o.err;
  ASSERT_FALSE(o.err.empty()) << "blsim " << args;
  EXPECT_EQ(o.err.find('\n'), o.err.size() - 1) << "more than one line: " << o.err;
  EXPECT_EQ(o.err.rfind("blsim: ", 0), 0u) << o.err;
  EXPECT_NE(o.err.find(c.culprit), std::string::npos) << "stderr does not name " << c.culprit << ": " << o.err;
  EXPECT_EQ(files_below(dir), before) << "blsim " << args << " left files behind";
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Cli, BadInputTable, ::testing::ValuesIn(all_rows()),
                         [](const ::testing::TestParamInfo<BadInput>& info) {
                           return std::string(info.param.name);
                         });

TEST(BadInputTable, HasAtLeastThirtyRows) { EXPECT_GE(all_rows().size(), 30u); }

}  // namespace
