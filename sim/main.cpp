// SPDX-License-Identifier: MIT
// blsim entry point: dispatches to a command; bad input ends with one line on stderr, status 2.
#include <systemc>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "common/terminal_text.h"
#include "common/user_error.h"
#include "sim/commands.h"

namespace {

// Every error is one line: what it echoes from files and arguments is escaped here, once.
void print_error(const std::string& text) {
  std::cerr << "blsim: " << blsim::escape_for_terminal(text) << "\n";
}

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
    // Asked for, the usage is the answer (stdout); given no command, it is the error (stderr).
    print_usage(all.empty() ? std::cerr : std::cout);
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
      print_error(e.what());
      return 2;
    } catch (const std::bad_alloc&) {
      print_error(std::string(c.name) + ": out of memory");
      return 3;
    } catch (const std::exception& e) {
      print_error(std::string("internal error in ") + c.name + ": " + e.what());
      return 3;
    }
  }
  print_error("unknown command \"" + all[0] + "\" (see blsim --help)");
  return 2;
}

// Our own main() so the SystemC banner can be switched off before the kernel prints it.
int main(int argc, char** argv) {
  setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 1);
  return sc_core::sc_elab_and_sim(argc, argv);
}
