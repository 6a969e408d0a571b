// SPDX-License-Identifier: MIT
// Simulated time never wraps: seconds that SystemC's 64-bit count of picoseconds cannot hold
// (about 1.8e7 s), negative or non-finite values are refused with a UserError.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "common/user_error.h"
#include "models/sim_time.h"

namespace blsim {
namespace {

std::string message_of(double s) {
  try {
    from_seconds(s);
  } catch (const UserError& e) {
    return e.what();
  }
  return "";
}

TEST(SimTime, ConvertsWhatFits) {
  EXPECT_EQ(from_seconds(1e-9), sc_core::sc_time(1, sc_core::SC_NS));
  EXPECT_EQ(from_seconds(0), sc_core::SC_ZERO_TIME);
  EXPECT_DOUBLE_EQ(to_seconds(from_seconds(3600)), 3600.0);
  // 2000 cycles at 1000 MHz = 2 us.
  EXPECT_EQ(cycles_to_time(2000, 1000), sc_core::sc_time(2, sc_core::SC_US));
}

TEST(SimTime, RefusesWhatDoesNotFit) {
  // 2^64 ps = 1.8447e7 s; 1e8 s would wrap to a small time without the check.
  EXPECT_EQ(message_of(1e8).rfind("simulated time exceeds the 1.84467e+07 s", 0), 0u)
      << message_of(1e8);
  EXPECT_NE(message_of(std::numeric_limits<double>::quiet_NaN()).find("not finite"),
            std::string::npos);
  EXPECT_NE(message_of(std::numeric_limits<double>::infinity()).find("not finite"),
            std::string::npos);
  EXPECT_NE(message_of(-1e-3).find("negative"), std::string::npos);
  EXPECT_THROW(cycles_to_time(1e30, 1.0), UserError);  // 1e24 s
  EXPECT_THROW(cycles_to_time(1.0, 0.0), UserError);   // a zero clock: infinite time
}

}  // namespace
}  // namespace blsim
