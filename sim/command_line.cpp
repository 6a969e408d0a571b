// SPDX-License-Identifier: MIT
#include "sim/command_line.h"

#include <iostream>

#include "workloads/user_error.h"

namespace blsim {

CommandLine::CommandLine(std::string command, std::string summary, std::string example)
    : command_(std::move(command)),
      summary_(std::move(summary)),
      example_(std::move(example)),
      own_("Options of blsim " + command_) {}

bool CommandLine::parse(const std::vector<std::string>& args) {
  po::options_description common("Options of every command");
  common.add_options()
      ("help,h", "print this help and exit")
      ("config", po::value<std::vector<std::string>>()->composing(),
       "INI configuration file; may repeat, later files override earlier ones")
      ("set", po::value<std::vector<std::string>>()->composing(),
       "override one key, e.g. --set big.freq_mhz=1600; may repeat, overrides files")
      ("dump-config", "print the effective configuration (values, units, origins) and exit");
  po::options_description all;
  all.add(own_).add(common);
  try {
    po::store(po::command_line_parser(args).options(all).run(), vm_);
    if (vm_.count("help") != 0) {
      std::cout << "blsim " << command_ << ": " << summary_ << "\n\n"
                << "Example:\n  " << example_ << "\n\n"
                << all << "\n";
      return false;
    }
    po::notify(vm_);
  } catch (const po::error& e) {
    throw UserError(command_ + ": " + e.what() + " (see blsim " + command_ + " --help)");
  }
  const auto files = vm_.count("config") != 0 ? vm_["config"].as<std::vector<std::string>>()
                                              : std::vector<std::string>{};
  const auto sets = vm_.count("set") != 0 ? vm_["set"].as<std::vector<std::string>>()
                                          : std::vector<std::string>{};
  config_ = load_config(blsim_options(), files, sets, blsim_home());
  if (vm_.count("dump-config") != 0) {
    config_.dump(std::cout, blsim_options());
    return false;
  }
  return true;
}

const OptionTable& blsim_options() {
  static const OptionTable table = [] {
    OptionTable t;
    declare_soc_options(t);
    declare_train_options(t);
    declare_cascade_options(t);
    return t;
  }();
  return table;
}

}  // namespace blsim
