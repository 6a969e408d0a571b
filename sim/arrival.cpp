// SPDX-License-Identifier: MIT
#include "sim/arrival.h"

#include <cmath>
#include <random>

#include "common/csv_reader.h"
#include "common/number_text.h"
#include "common/regular_file.h"
#include "common/user_error.h"

namespace blsim {
namespace {

constexpr uint64_t kMaxTraceBytes = 1ull << 30;

}  // namespace

const char* ArrivalSpec::mode() const {
  switch (kind) {
    case Kind::kPeriodic: return "periodic";
    case Kind::kPoisson: return "poisson";
    case Kind::kTrace: return "trace";
    case Kind::kBackToBack: break;
  }
  return "back-to-back";
}

ArrivalSpec parse_arrival(const std::string& text, const std::string& where) {
  ArrivalSpec spec;
  if (text == "back-to-back") return spec;
  const size_t colon = text.find(':');
  const std::string kind = text.substr(0, colon);
  const std::string arg = colon == std::string::npos ? "" : text.substr(colon + 1);
  if (kind == "periodic" || kind == "poisson") {
    spec.kind = kind == "periodic" ? ArrivalSpec::Kind::kPeriodic : ArrivalSpec::Kind::kPoisson;
    if (!parse_finite(arg, &spec.rate_hz) || spec.rate_hz <= 0 || spec.rate_hz > 1e9) {
      throw UserError(where + ": " + kind + ": expected a rate in inputs per second, a number in "
                      "(0, 1e9], got \"" + arg + "\"");
    }
    return spec;
  }
  if (kind == "trace" && !arg.empty()) {
    spec.kind = ArrivalSpec::Kind::kTrace;
    spec.trace_path = arg;
    return spec;
  }
  throw UserError(where + ": expected back-to-back, periodic:FPS, poisson:RATE or trace:FILE, got \"" +
                  text + "\"");
}

std::vector<double> arrival_times(const ArrivalSpec& spec, size_t n) {
  std::vector<double> t(n, 0.0);
  switch (spec.kind) {
    case ArrivalSpec::Kind::kBackToBack:
      break;
    case ArrivalSpec::Kind::kPeriodic:
      for (size_t i = 0; i < n; ++i) t[i] = static_cast<double>(i) / spec.rate_hz;
      break;
    case ArrivalSpec::Kind::kPoisson: {
      // Exponential gaps from a fixed generator and the seed: the same times on every platform.
      std::mt19937_64 rng(spec.seed);
      double now = 0;
      for (size_t i = 0; i < n; ++i) {
        t[i] = now;
        const double u = (static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53;  // (0, 1)
        now += -std::log(u) / spec.rate_hz;
      }
      break;
    }
    case ArrivalSpec::Kind::kTrace: {
      const std::string& path = spec.trace_path;
      const CsvTable table =
          parse_csv(read_regular_file(path, "arrival trace", kMaxTraceBytes), path);
      // One column of seconds; a header line, if any, is the column's name.
      std::vector<std::vector<std::string>> rows = table.rows;
      double first = 0;
      if (!table.header.empty() && parse_finite(table.header[0], &first)) rows.insert(rows.begin(), table.header);
      if (!table.header.empty() && table.header.size() != 1) {
        throw UserError(path + ": an arrival trace has one column (arrival time in seconds), found " +
                        std::to_string(table.header.size()));
      }
      if (rows.size() < n) {
        throw UserError(path + ": " + std::to_string(rows.size()) + " arrival times for " +
                        std::to_string(n) + " inputs");
      }
      for (size_t i = 0; i < n; ++i) {
        const std::string& field = rows[i][0];
        if (!parse_finite(field, &t[i]) || t[i] < 0 || (i > 0 && t[i] < t[i - 1])) {
          throw UserError(path + ": arrival " + std::to_string(i + 1) + " \"" + field +
                          "\": expected seconds, non-negative and not before the previous arrival");
        }
      }
      break;
    }
  }
  return t;
}

}  // namespace blsim
