// SPDX-License-Identifier: MIT
// What every blsim command shares: its own options (Boost.Program_options) plus --config,
// --set and --dump-config over the one OptionTable, and --help generated from the declarations.
#pragma once

#include <boost/program_options.hpp>

#include <string>
#include <utility>
#include <vector>

#include "sim/config.h"

namespace blsim {

namespace po = boost::program_options;

class CommandLine {
 public:
  CommandLine(std::string command, std::string summary, std::string example);

  // Declare the command's own options: cl.options().add_options()("net", ...)
  po::options_description& options() { return own_; }

  // Arguments without an option name go to option `name` (declared with options()).
  void positional(const std::string& name) { positional_.add(name.c_str(), -1); }

  // A config file loaded before every other one (e.g. the default SoC preset).
  void add_base_file(const std::string& path) { base_files_.push_back(path); }
  // --NAME FILE: a config file layered after the base files and before --config files.
  void file_option(const std::string& name, const std::string& default_path,
                   const std::string& help);
  // --NAME VALUE: shorthand for --set KEY=VALUE (applied before the --set overrides).
  void shortcut(const std::string& name, const std::string& key, const std::string& help);

  // Parses args and loads the configuration. Returns false when --help or --dump-config was
  // answered (the command then exits 0). Throws UserError for bad options or config values.
  bool parse(const std::vector<std::string>& args);

  bool has(const std::string& name) const { return vm_.count(name) != 0; }
  template <typename T>
  T get(const std::string& name) const {
    return vm_[name].as<T>();
  }
  const Config& config() const { return config_; }
  Config& config() { return config_; }

 private:
  std::string command_;
  std::string summary_;
  std::string example_;
  po::options_description own_;
  po::positional_options_description positional_;
  po::variables_map vm_;
  Config config_;
  std::vector<std::string> base_files_;
  std::vector<std::string> file_options_;
  std::vector<std::pair<std::string, std::string>> shortcuts_;  // option name, config key
};

// The table of every configuration key, built once.
const OptionTable& blsim_options();

// Pieces of the table, one per concern; each lives beside the code that reads the keys.
void declare_soc_options(OptionTable& table);
void declare_train_options(OptionTable& table);
void declare_cascade_options(OptionTable& table);

}  // namespace blsim
