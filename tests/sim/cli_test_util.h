// SPDX-License-Identifier: MIT
// Running the blsim binary from a test: in a folder, stdout and stderr to stdout.txt and
// stderr.txt there, no input.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>

namespace blsim::testing {

// The running test's folder, PREFIX followed by the test's name, under the test temporary folder
// (ctest runs tests in parallel processes), with a trailing '/'; `fresh` empties it first.
inline std::string test_dir(const std::string& prefix, bool fresh) {
  const std::string dir = ::testing::TempDir() + prefix +
                          ::testing::UnitTest::GetInstance()->current_test_info()->name() + "/";
  if (fresh) std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Exit status of a shell command (-1 when it did not exit normally).
inline int run_shell(const std::string& cmd) {
  const int raw = std::system(cmd.c_str());
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

// Exit status of `blsim ARGS` run in `dir` (-1 when it did not exit normally).
inline int run_blsim(const std::string& args, const std::string& dir) {
  return run_shell("cd '" + dir + "' && '" + std::string(BLSIM_BINARY) + "' " + args +
                   " > stdout.txt 2> stderr.txt < /dev/null");
}

struct Outcome {
  int status = -1;
  std::string out, err;
};

// `blsim ARGS` run in `dir`: its exit status and what it printed (the capture files removed).
inline Outcome run_blsim_captured(const std::string& args, const std::string& dir) {
  const std::string cmd = "cd '" + dir + "' && '" + std::string(BLSIM_BINARY) + "' " + args +
                          " > out.txt 2> err.txt < /dev/null";
  const int raw = std::system(cmd.c_str());
  Outcome o;
  o.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  for (auto [file, text] : {std::pair{"/out.txt", &o.out}, std::pair{"/err.txt", &o.err}}) {
    std::ifstream in(dir + file, std::ios::binary);
    text->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    in.close();
    std::filesystem::remove(dir + file);
  }
  return o;
}

}  // namespace blsim::testing
