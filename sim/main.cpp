// SPDX-License-Identifier: MIT
// blsim entry point: dispatches to a command; bad input ends with one line on stderr, status 2.
#include <systemc>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "sim/commands.h"
#include "common/user_error.h"

namespace {

void print_usage(std::ostream& out) {
  out << "blsim " << BLSIM_VERSION
      << ": a SystemC/TLM-2.0 model of a big/little mobile SoC running DNN cascades\n\n"
      << "Usage: blsim <command> [options]      blsim <command> --help\n\nCommands:\n";
  for (const auto& c : blsim::commands()) {
    out << "  " << c.name << std::string(10 - std::string(c.name).size(), ' ') << c.summary
        << "\n";
  }
  out << "\nEvery command takes --config FILE (repeatable), --set section.key=value and "
         "--dump-config.\n";
}

}  // namespace

int sc_main(int argc, char** argv) {
  const std::vector<std::string> all(argv + 1, argv + argc);
  if (all.empty() || all[0] == "--help" || all[0] == "-h" || all[0] == "help") {
    print_usage(std::cout);
    return all.empty() ? 2 : 0;
  }
  if (all[0] == "--version") {
    std::cout << "blsim " << BLSIM_VERSION << "\n";
    return 0;
  }
  for (const auto& c : blsim::commands()) {
    if (all[0] != c.name) continue;
    try {
      return c.run(blsim::Args(all.begin() + 1, all.end()));
    } catch (const blsim::UserError& e) {
      std::cerr << "blsim: " << e.what() << "\n";
      return 2;
    } catch (const std::bad_alloc&) {
      std::cerr << "blsim: " << c.name << ": out of memory\n";
      return 3;
    } catch (const std::exception& e) {
      std::cerr << "blsim: internal error in " << c.name << ": " << e.what() << "\n";
      return 3;
    }
  }
  std::cerr << "blsim: unknown command \"" << all[0] << "\" (see blsim --help)\n";
  return 2;
}

// Our own main() so the SystemC banner can be switched off before the kernel prints it.
int main(int argc, char** argv) {
  setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 1);
  return sc_core::sc_elab_and_sim(argc, argv);
}
