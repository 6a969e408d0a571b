// SPDX-License-Identifier: MIT
// The validation suite's case table (configs/validation/cases.csv): one published measurement per
// row, with what blsim needs to reproduce it (SoC preset, cluster, busy cores, operating point,
// workload) and where the number comes from. Also the arithmetic of the report: relative error
// per case, and per kind the median and worst absolute error against the kind's target.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace blsim {

enum class CaseKind { kPower, kBandwidth, kLatency };
constexpr size_t kCaseKindCount = 3;

const char* case_kind_name(CaseKind kind);  // "power", "bandwidth", "latency"
// Target for the median |relative error| of a kind: 0.15 power, 0.20 bandwidth, 0.25 latency.
double case_kind_target(CaseKind kind);
// The SI unit blsim reports a kind in: "W", "B/s", "s".
const char* case_kind_si_unit(CaseKind kind);

struct ValidationCase {
  std::string id;
  CaseKind kind = CaseKind::kPower;
  std::string preset;         // configs/soc/<preset>.ini
  std::string cluster;        // a name from the preset's soc.clusters
  int busy_cores = 1;         // cores running the workload
  double freq_mhz = 0;        // an operating point of the cluster
  std::string workload;       // power: busy | busy_above_idle; bandwidth: copy | read | write;
                              // latency: a network name (validation_nets.h)
  uint64_t size_bytes = 0;    // bandwidth: the streamed buffer
  double published = 0;       // in `unit`
  std::string unit;           // mW, W, MB/s (1e6 B/s), GB/s (1e9 B/s), us, ms, s
  double published_si = 0;    // published in the kind's SI unit
  std::string source;
  std::string hardware;
  std::string software;
  std::string where;          // "FILE:LINE" of the row, for messages
};

// Columns of the case file, in this order, after a header naming them.
const std::vector<std::string>& case_file_columns();

// Reads and checks a case file. Throws UserError "FILE:LINE: ..." naming the first bad row and
// field (or "FILE: ..." for a missing file, a wrong header or no cases).
std::vector<ValidationCase> read_cases(const std::string& path);
// The same from text; `path` names it in messages.
std::vector<ValidationCase> parse_cases(const std::string& text, const std::string& path);

// (model - published) / published.
double relative_error(double model, double published);

struct KindSummary {
  CaseKind kind = CaseKind::kPower;
  size_t cases = 0;
  double median_abs_error = 0;  // of |relative error|; the mean of the middle two when even
  double worst_abs_error = 0;
  double target = 0;
  bool met() const { return cases > 0 && median_abs_error <= target; }
};

// One summary per kind that has cases, in kind order.
std::vector<KindSummary> summarize(const std::vector<CaseKind>& kinds,
                                   const std::vector<double>& rel_errors);

}  // namespace blsim
