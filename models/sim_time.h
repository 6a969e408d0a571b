// SPDX-License-Identifier: MIT
// Conversions between SystemC time and the SI seconds that reports and energy functions use.
// SystemC time is an unsigned 64-bit count of the time resolution (1 ps: about 213 days); a time
// that does not fit, is negative or is not a number would wrap or be undefined, so it is refused
// with a UserError ("simulated time exceeds ...") instead of becoming a wrong report.
#pragma once

#include <systemc>

namespace blsim {

inline double to_seconds(const sc_core::sc_time& t) { return t.to_seconds(); }

// Throws UserError when `s` is not finite, negative or beyond sc_max_time().
sc_core::sc_time from_seconds(double s);

// Cycles of a clock at freq_mhz, as time; fractional cycles are kept (cycle-approximate).
// Checked like from_seconds().
sc_core::sc_time cycles_to_time(double cycles, double freq_mhz);

}  // namespace blsim
