// SPDX-License-Identifier: MIT
// When the inputs of a timing pass arrive: back to back (each input as soon as the previous one
// is answered, the batch view), periodically (a camera at FPS frames per second), as a Poisson
// process (RATE inputs per second on average, seeded), or at the times of a trace file (a CSV of
// arrival times in seconds, one per input, in input order).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace blsim {

struct ArrivalSpec {
  enum class Kind { kBackToBack, kPeriodic, kPoisson, kTrace };
  Kind kind = Kind::kBackToBack;
  double rate_hz = 0;      // periodic and poisson
  std::string trace_path;  // trace
  uint64_t seed = 1;       // poisson

  bool stream() const { return kind != Kind::kBackToBack; }
  // "back-to-back", "periodic", "poisson" or "trace".
  const char* mode() const;
};

// Parses "back-to-back", "periodic:FPS", "poisson:RATE" or "trace:FILE"; `where` names the key
// in the UserError for anything else (a rate must be a positive finite number).
ArrivalSpec parse_arrival(const std::string& text, const std::string& where);

// The arrival times of `n` inputs, in seconds from the start, non-decreasing. A trace must give
// at least n times (the first n are used), each a finite non-negative number not before the
// previous one; otherwise a UserError names the file and the row.
std::vector<double> arrival_times(const ArrivalSpec& spec, size_t n);

}  // namespace blsim
