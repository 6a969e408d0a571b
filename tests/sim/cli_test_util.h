// SPDX-License-Identifier: MIT
// Running the blsim binary from a test: in a folder, stdout and stderr to stdout.txt and
// stderr.txt there, no input.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <string>

namespace blsim::testing {

// Exit status of `blsim ARGS` run in `dir` (-1 when it did not exit normally).
inline int run_blsim(const std::string& args, const std::string& dir) {
  const std::string cmd = "cd '" + dir + "' && '" + std::string(BLSIM_BINARY) + "' " + args +
                          " > stdout.txt 2> stderr.txt < /dev/null";
  const int raw = std::system(cmd.c_str());
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

}  // namespace blsim::testing
