// SPDX-License-Identifier: MIT
// Oracles every fuzz target applies to a rejection: the UserError message is one printable line
// (control bytes from the input escaped, none cut short), as main() will print it.
#pragma once

#include <cstdlib>
#include <cstring>

#include "common/user_error.h"

namespace blsim {

inline void require_one_line(const UserError& e) {
  const char* text = e.what();
  if (text[0] == '\0') std::abort();  // an empty message names nothing
  for (const char* p = text; *p != '\0'; ++p) {
    const auto byte = static_cast<unsigned char>(*p);
    if (byte < 0x20 || byte == 0x7f) std::abort();
  }
}

}  // namespace blsim
