// SPDX-License-Identifier: MIT
// Inputs the fuzzers (fuzz/) caught, replayed through the same entry points in the normal build:
// every file under tests/data/regressions/<target>/ must be accepted or rejected with UserError;
// any other exception, or a crash, fails the suite.
#include <gtest/gtest.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "../regression_files.h"
#include "workloads/tensor_io.h"
#include "common/user_error.h"

namespace blsim {
namespace {

namespace fs = std::filesystem;

using testing::regression_files;

// Runs `read` on every file of the target's folder; UserError is the one accepted failure.
void expect_accepted_or_user_error(const std::string& target,
                                   const std::function<void(const std::string&)>& read) {
  const std::vector<fs::path> files = regression_files(target);
  ASSERT_FALSE(files.empty()) << "no regression inputs for " << target;
  for (const fs::path& file : files) {
    try {
      read(file.string());
    } catch (const UserError&) {
    } catch (const std::exception& e) {
      ADD_FAILURE() << file.filename().string() << ": escaped as a non-UserError exception: "
                    << e.what();
    }
  }
}

TEST(FuzzRegressions, TensorProtoFiles) {
  expect_accepted_or_user_error("fuzz_tensor_proto", [](const std::string& path) {
    const Tensor t = read_tensor_file(path);
    EXPECT_EQ(t.size(), element_count(t.shape())) << path;
  });
}

}  // namespace
}  // namespace blsim
