// SPDX-License-Identifier: MIT
// Progress of long work on stderr: one updating line on a terminal (at most four times a second),
// else a plain line every five seconds; "LABEL: DONE/TOTAL UNIT, RATE UNIT/s, ETA S s".
#pragma once

#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>

namespace blsim {

class ProgressLine {
 public:
  // `done` of `total` are done already (a resumed sweep): the rate counts from there.
  ProgressLine(std::string label, std::string unit, uint64_t total, uint64_t done = 0)
      : label_(std::move(label)), unit_(std::move(unit)), total_(total), start_done_(done),
        tty_(on_terminal()), start_(std::chrono::steady_clock::now()),
        last_(start_) {}

  static bool on_terminal() { return ::isatty(STDERR_FILENO) != 0; }

  // Prints when the last line is old enough, or always when `final` (ending a terminal's line).
  void update(uint64_t done, bool final = false) {
    const auto now = std::chrono::steady_clock::now();
    const double since_last = std::chrono::duration<double>(now - last_).count();
    if (!final && since_last < (tty_ ? 0.25 : 5.0)) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double rate = elapsed > 0 ? static_cast<double>(done - start_done_) / elapsed : 0;
    const double eta = rate > 0 ? static_cast<double>(total_ - done) / rate : 0;
    char line[160];
    std::snprintf(line, sizeof line, "%s: %llu/%llu %s, %.1f %s/s, ETA %.0f s", label_.c_str(),
                  static_cast<unsigned long long>(done), static_cast<unsigned long long>(total_),
                  unit_.c_str(), rate, unit_.c_str(), eta);
    std::fprintf(stderr, tty_ ? "\r%s   %s" : "%s%s\n", line, tty_ && final ? "\n" : "");
    std::fflush(stderr);
  }

 private:
  std::string label_, unit_;
  uint64_t total_, start_done_;
  bool tty_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace blsim
