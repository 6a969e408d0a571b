// SPDX-License-Identifier: MIT
// docs/example-report is the default run's report (scripts/make_report_example.sh writes it), and
// README shows it as such: a change that moves the default run's numbers, columns or charts must
// regenerate it, or this test names the files that differ. (It had gone stale for 85 commits
// before this test, its per-inference energies up to 3e-4 off.)
// The comparison allows another host's last-digit noise. Between the hosts that made the report
// at 02beb86 and at 689cd8c, with no change to the networks' code, the little network's float32
// scores and the threshold chosen from them came out up to 1.3e-7 apart, relative (libm's or
// Eigen's CPU-dependent code, not measured which). So a number may differ by 1e-6 of itself or
// one unit of its last printed digit (a rounding that tips over), and an integer in a chart by
// one; the text around the numbers, and every integer of a CSV file (labels, predictions,
// counts), must be equal.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
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

// A number at text[i] (a digit, or '-' or '.' before one): its length, 0 if none.
size_t number_at(const std::string& text, size_t i) {
  auto digit = [&](size_t k) {
    return k < text.size() && std::isdigit(static_cast<unsigned char>(text[k])) != 0;
  };
  if (!digit(i) && !((text[i] == '-' || text[i] == '.') && digit(i + 1))) return 0;
  char* end = nullptr;
  std::strtod(text.c_str() + i, &end);
  return static_cast<size_t>(end - (text.c_str() + i));
}

// One unit of the number's last printed digit (1 for an integer).
double last_digit_unit(const std::string& number) {
  const size_t e = number.find_first_of("eE");
  const std::string mantissa = number.substr(0, e);
  const size_t dot = mantissa.find('.');
  const int decimals = dot == std::string::npos ? 0 : static_cast<int>(mantissa.size() - dot - 1);
  const int exponent = e == std::string::npos ? 0 : std::atoi(number.c_str() + e + 1);
  return std::pow(10.0, exponent - decimals);
}

// Where `got` first differs from `want` beyond the noise above, or "" if it does not.
std::string first_difference(const std::string& want, const std::string& got, bool chart) {
  size_t i = 0, j = 0;
  while (i < want.size() && j < got.size()) {
    const size_t n = number_at(want, i), m = number_at(got, j);
    if (n > 0 && m > 0) {
      const std::string a = want.substr(i, n), b = got.substr(j, m);
      const bool integer = a.find_first_of(".eE") == std::string::npos;
      const double x = std::strtod(a.c_str(), nullptr), y = std::strtod(b.c_str(), nullptr);
      const double allowed = integer ? (chart ? 1.0 : 0.0)
                                     : std::max(1e-6 * std::fabs(x), 1.01 * last_digit_unit(a));
      if (std::fabs(x - y) > allowed) {
        return "at byte " + std::to_string(i) + ": " + a + " became " + b;
      }
      i += n;
      j += m;
    } else if (want[i] == got[j] && n == 0 && m == 0) {
      ++i;
      ++j;
    } else {
      return "at byte " + std::to_string(i) + ": the text around the numbers differs";
    }
  }
  if (i < want.size() || j < got.size()) {
    return "in length (" + std::to_string(want.size()) + " -> " + std::to_string(got.size()) +
           " bytes)";
  }
  return "";
}

TEST(ExampleReportCompare, AllowsLastDigitNoiseOnly) {
  EXPECT_EQ(first_difference("a,0.938389301,7\n", "a,0.938389421,7\n", false), "");
  EXPECT_EQ(first_difference("x=\"12.35\"", "x=\"12.36\"", true), "");
  EXPECT_EQ(first_difference("x=\"120\"", "x=\"121\"", true), "");
  EXPECT_NE(first_difference("a,0.9384,7\n", "a,0.9390,7\n", false), "");
  EXPECT_NE(first_difference("a,0.5,7\n", "a,0.5,8\n", false), "");   // a count
  EXPECT_NE(first_difference("a,0.5,7\n", "b,0.5,7\n", false), "");   // the text
  EXPECT_NE(first_difference("a,0.5,7\n", "a,0.5,7\n1\n", false), "");  // a row more
}

TEST(ExampleReport, IsTheDefaultRunsReport) {
  const std::string committed = std::string(BLSIM_SOURCE_DIR) + "/docs/example-report";
  const std::string dir = testing::test_dir("blsim-example-report-", true);
  const std::string out = dir + "report";
  // From the source folder, as scripts/make_report_example.sh runs it (the defaults' paths).
  const std::string run = "cd '" + std::string(BLSIM_SOURCE_DIR) + "' && '" +
                          std::string(BLSIM_BINARY) + "' run --report --out '" + out + "' > '" +
                          dir + "stdout.txt' 2> '" + dir + "stderr.txt' < /dev/null";
  ASSERT_EQ(testing::run_shell(run), 0)
      << testing::read_all(dir + "stderr.txt");
  ASSERT_EQ(files_in(out), files_in(committed))
      << "docs/example-report holds other files than the default run writes: run "
         "scripts/make_report_example.sh";
  for (const std::string& name : files_in(committed)) {
    const bool chart = fs::path(name).extension() != ".csv";
    const std::string difference = first_difference(testing::read_all(committed + "/" + name),
                                                    testing::read_all(out + "/" + name), chart);
    EXPECT_EQ(difference, "") << "docs/example-report/" << name
                              << " is not what the default run writes now: run "
                                 "scripts/make_report_example.sh";
  }
}

}  // namespace
}  // namespace blsim
