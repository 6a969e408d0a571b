// SPDX-License-Identifier: MIT
// parse_dram_trace: DRAMsim3's `ADDRESS OP CYCLE` lines, blank lines, tabs, CR LF, and the line
// a bad field is reported at.
#include <gtest/gtest.h>

#include <string>

#include "common/user_error.h"
#include "sim/dram_trace.h"

namespace blsim {
namespace {

TEST(DramTrace, ReadsAddressesOperationsAndCycles) {
  const auto r = parse_dram_trace("t", "0x1f40 READ 12\r\n\n\t  \nABCDEF\tWRITE\t12\n0XfFfFfFfFfFfFfFfF READ 40", 64);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].addr, 0x1f40u);
  EXPECT_FALSE(r[0].write);
  EXPECT_EQ(r[0].arrival_ck, 12);
  EXPECT_EQ(r[0].bytes, 64u);
  EXPECT_EQ(r[1].addr, 0xabcdefu);
  EXPECT_TRUE(r[1].write);
  EXPECT_EQ(r[2].addr, ~uint64_t{0});
  EXPECT_EQ(r[2].arrival_ck, 40);
}

TEST(DramTrace, NamesTheLineOfABadField) {
  const std::pair<const char*, const char*> cases[] = {
      {"0x40 READ 1\n\n0x1ffffffffffffffff READ 2\n", "t:3: bad address '0x1ffffffffffffffff'"},
      {"0x READ 1\n", "t:1: bad address '0x'"},
      {"0x40 read 1\n", "t:1: bad operation 'read'"},
      {"0x40 READ 1234567890123456789\n", "t:1: bad cycle '1234567890123456789'"},
      {"0x40 READ +1\n", "t:1: bad cycle '+1'"},
      {"\n\n", "t: the trace holds no requests"},
  };
  for (const auto& [text, want] : cases) {
    try {
      parse_dram_trace("t", text, 64);
      ADD_FAILURE() << "no error for " << text;
    } catch (const UserError& e) {
      EXPECT_EQ(std::string(e.what()).rfind(want, 0), 0u) << e.what();
    }
  }
}

}  // namespace
}  // namespace blsim
