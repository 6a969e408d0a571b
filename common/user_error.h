// SPDX-License-Identifier: MIT
// The one exception type for bad input (files, options, values, models, datasets).
// main() prints "blsim: <what>" on one line and exits with status 2; nothing else catches it.
// The message is escaped for the terminal when the error is made (escape_for_terminal), because
// what() is a C string: a NUL echoed from a file would otherwise cut it short before main() sees it.
#pragma once

#include <stdexcept>
#include <string>

#include "common/terminal_text.h"

namespace blsim {

class UserError : public std::runtime_error {
 public:
  explicit UserError(const std::string& what) : std::runtime_error(escape_for_terminal(what)) {}
};

}  // namespace blsim
