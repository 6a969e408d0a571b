// SPDX-License-Identifier: MIT
// The one exception type for bad input (files, options, values, models, datasets).
// main() prints "blsim: <what>" on one line and exits with status 2; nothing else catches it.
#pragma once

#include <stdexcept>
#include <string>

namespace blsim {

class UserError : public std::runtime_error {
 public:
  explicit UserError(const std::string& what) : std::runtime_error(what) {}
};

}  // namespace blsim
