// SPDX-License-Identifier: MIT
// The regression inputs the fuzzers' findings left under tests/data/regressions/<target>/, in a
// fixed (sorted) order, for the tests that replay them through the same entry points.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace blsim::testing {

inline std::vector<std::filesystem::path> regression_files(const std::string& target) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  const fs::path dir = fs::path(BLSIM_SOURCE_DIR) / "tests" / "data" / "regressions" / target;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace blsim::testing
