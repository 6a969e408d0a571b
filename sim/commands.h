// SPDX-License-Identifier: MIT
// The blsim commands. Each takes the arguments after its name and returns the exit status;
// bad input is thrown as UserError and reported by main().
#pragma once

#include <string>
#include <vector>

namespace blsim {

using Args = std::vector<std::string>;

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const Args& args);
};

const std::vector<Command>& commands();

int cmd_datasets(const Args& args);
int cmd_train(const Args& args);
int cmd_eval(const Args& args);
int cmd_infer(const Args& args);
int cmd_inspect(const Args& args);
int cmd_profile(const Args& args);
int cmd_run(const Args& args);
int cmd_sweep(const Args& args);
int cmd_merge(const Args& args);
int cmd_validate(const Args& args);
int cmd_report(const Args& args);
int cmd_resplit(const Args& args);
int cmd_dram(const Args& args);

}  // namespace blsim
