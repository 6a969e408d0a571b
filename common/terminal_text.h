// SPDX-License-Identifier: MIT
// Text echoed from files and arguments onto a terminal: control bytes (newline, ESC, NUL, DEL
// and the rest of C0) become visible escapes, so an error stays one line and a file name cannot
// move the cursor or recolour the terminal. Bytes >= 0x80 pass through (UTF-8 names stay legible).
#pragma once

#include <string>

namespace blsim {

// "\n" -> "\\n", "\t" -> "\\t", "\r" -> "\\r", '\\' stays, other bytes < 0x20 and 0x7f -> "\\xHH".
std::string escape_for_terminal(const std::string& text);

}  // namespace blsim
