// SPDX-License-Identifier: MIT
// Conversions between SystemC time and the SI seconds that reports and energy functions use.
#pragma once

#include <systemc>

namespace blsim {

inline double to_seconds(const sc_core::sc_time& t) { return t.to_seconds(); }
inline sc_core::sc_time from_seconds(double s) { return sc_core::sc_time(s, sc_core::SC_SEC); }

// Cycles of a clock at freq_mhz, as time; fractional cycles are kept (cycle-approximate).
inline sc_core::sc_time cycles_to_time(double cycles, double freq_mhz) {
  return sc_core::sc_time(cycles / freq_mhz, sc_core::SC_US);
}

}  // namespace blsim
