// SPDX-License-Identifier: MIT
// escape_for_terminal: control bytes become visible escapes, everything else is kept.
#include <gtest/gtest.h>

#include <string>

#include "common/terminal_text.h"

namespace blsim {
namespace {

TEST(EscapeForTerminal, KeepsPrintableText) {
  EXPECT_EQ(escape_for_terminal("out/summary.csv: column x"), "out/summary.csv: column x");
  EXPECT_EQ(escape_for_terminal("caf\xc3\xa9.onnx"), "caf\xc3\xa9.onnx");  // UTF-8 passes
  EXPECT_EQ(escape_for_terminal(""), "");
}

TEST(EscapeForTerminal, EscapesControlBytes) {
  EXPECT_EQ(escape_for_terminal("a\nb"), "a\\nb");
  EXPECT_EQ(escape_for_terminal("a\r\tb"), "a\\r\\tb");
  EXPECT_EQ(escape_for_terminal("\x1b[31mred"), "\\x1b[31mred");
  EXPECT_EQ(escape_for_terminal(std::string("nul\0byte", 8)), "nul\\x00byte");
  EXPECT_EQ(escape_for_terminal("del\x7f"), "del\\x7f");
  EXPECT_EQ(escape_for_terminal("\x01\x1f"), "\\x01\\x1f");
  // The result never holds a byte below 0x20.
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  for (const char c : escape_for_terminal(all)) {
    EXPECT_GE(static_cast<unsigned char>(c), 0x20u);
    EXPECT_NE(static_cast<unsigned char>(c), 0x7fu);
  }
}

}  // namespace
}  // namespace blsim
