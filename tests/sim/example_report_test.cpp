// SPDX-License-Identifier: MIT
// docs/example-report is the default run's report (scripts/make_report_example.sh writes it), and
// README shows it as such: a change that moves the default run's numbers, columns or charts must
// regenerate it, or this test names the files that differ. (It had gone stale for 85 commits
// before this test: the DRAM model's changes moved energies by 1e-6.)
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "tests/sim/cli_test_util.h"
#include "tests/sim/csv_test_util.h"

namespace blsim {
namespace {

namespace fs = std::filesystem;

std::set<std::string> files_in(const std::string& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

TEST(ExampleReport, IsTheDefaultRunsReport) {
  const std::string committed = std::string(BLSIM_SOURCE_DIR) + "/docs/example-report";
  const std::string dir = testing::test_dir("blsim-example-report-", true);
  const std::string out = dir + "report";
  // From the source folder, as scripts/make_report_example.sh runs it (the defaults' paths).
  ASSERT_EQ(testing::run_shell("cd '" + std::string(BLSIM_SOURCE_DIR) + "' && '" +
                               std::string(BLSIM_BINARY) + "' run --report --out '" + out +
                               "' > '" + dir + "stdout.txt' 2> '" + dir + "stderr.txt' < /dev/null"),
            0)
      << testing::read_all(dir + "stderr.txt");
  ASSERT_EQ(files_in(out), files_in(committed))
      << "docs/example-report holds other files than the default run writes: run "
         "scripts/make_report_example.sh";
  for (const std::string& name : files_in(committed)) {
    EXPECT_TRUE(testing::read_all(out + "/" + name) == testing::read_all(committed + "/" + name))
        << "docs/example-report/" << name
        << " is not what the default run writes now: run scripts/make_report_example.sh";
  }
}

}  // namespace
}  // namespace blsim
