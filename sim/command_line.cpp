// SPDX-License-Identifier: MIT
#include "sim/command_line.h"

#include <iostream>

#include "sim/soc_config.h"
#include "common/user_error.h"

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
       "override one key, e.g. --set cluster.big.freq_mhz=1600; may repeat, overrides files")
      ("dump-config", "print the effective configuration (values, units, origins) and exit");
  po::options_description all;
  all.add(own_).add(common);
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional_).run(), vm_);
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
  std::vector<std::string> files = base_files_;
  for (const auto& name : file_options_) files.push_back(vm_[name].as<std::string>());
  if (vm_.count("config") != 0) {
    for (const auto& f : vm_["config"].as<std::vector<std::string>>()) files.push_back(f);
  }
  std::vector<std::string> sets;
  for (const auto& [name, key] : shortcuts_) {
    if (vm_.count(name) != 0) sets.push_back(key + "=" + vm_[name].as<std::string>());
  }
  if (vm_.count("set") != 0) {
    for (const auto& s : vm_["set"].as<std::vector<std::string>>()) sets.push_back(s);
  }
  // The DRAM device keys come from the memspec file that dram.memspec names; they are merged in
  // where the SoC is built (soc_spec_from), so a sweep that varies dram.memspec gets each
  // point's own device. The dump shows them merged.
  config_ = load_config(blsim_options(), files, sets, blsim_home());
  with_memspec(config_);  // a bad memspec stops every command here, before any work
  if (vm_.count("dump-config") != 0) {
    with_memspec(config_).dump(std::cout, blsim_options());
    return false;
  }
  return true;
}

void CommandLine::file_option(const std::string& name, const std::string& default_path,
                              const std::string& help) {
  own_.add_options()(name.c_str(), po::value<std::string>()->default_value(default_path),
                     help.c_str());
  file_options_.push_back(name);
}

void CommandLine::shortcut(const std::string& name, const std::string& key,
                           const std::string& help) {
  const OptionSpec* spec = blsim_options().find(key);
  // SoC keys have no built-in value: the preset (or its memspec) gives them.
  const std::string fallback = key.rfind("cascade.", 0) == 0 ? "none" : "the SoC preset's";
  const bool has_default = spec != nullptr && !spec->default_text.empty();
  const std::string text = help + " (shorthand for --set " + key + "=...; default: " +
                           (has_default ? spec->default_text : fallback) +
                           (has_default && !spec->unit.empty() ? " " + spec->unit : "") + ")";
  own_.add_options()(name.c_str(), po::value<std::string>(), text.c_str());
  shortcuts_.emplace_back(name, key);
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
