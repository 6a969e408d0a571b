// SPDX-License-Identifier: MIT
#include "sim/report/vcd_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <vector>

#include "common/atomic_file.h"

namespace blsim {
namespace {

int64_t to_ps(double s) { return std::llround(s * 1e12); }

std::string real_text(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "r%.12g ", v);
  return buf;
}

// VCD values are single tokens: no blanks.
std::string token(const std::string& s) {
  if (s.empty()) return "-";
  std::string t = s;
  for (char& c : t) {
    if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) c = '_';
  }
  return t;
}

// Identifier codes: printable characters '!' to '~', base 94.
std::string code_of(size_t i) {
  std::string s;
  do {
    s += static_cast<char>('!' + i % 94);
    i /= 94;
  } while (i != 0);
  return s;
}

double dram_j(const ActivitySlice& s) { return s.energy.dram_dyn_j + s.energy.dram_static_j; }

}  // namespace

double vcd_energy_j(const RunTrace& trace) {
  long double e = 0;
  for (const auto& st : trace.states) e += static_cast<long double>(st.power_w) * (st.end_s - st.start_s);
  for (const auto& sl : trace.slices) e += dram_j(sl);
  return static_cast<double>(e);
}

void write_vcd(const RunTrace& trace, const std::string& path) {
  AtomicFile file(path);
  std::ostream& out = file.stream();
  const size_t n = trace.clusters.size();
  // Per cluster: power, state, freq, layer; then DRAM power, DRAM bandwidth, total power.
  const auto id = [&](size_t cluster, size_t var) { return code_of(cluster * 4 + var); };
  const std::string dram_power = code_of(n * 4), dram_bw = code_of(n * 4 + 1),
                    total = code_of(n * 4 + 2);
  out << "$comment blsim power trace: powers in mW, frequencies in MHz, bandwidth in GB/s $end\n"
      << "$version blsim $end\n$timescale 1ps $end\n$scope module soc $end\n";
  for (size_t c = 0; c < n; ++c) {
    out << "$scope module " << token(trace.clusters[c]) << " $end\n"
        << "$var real 64 " << id(c, 0) << " power_mw $end\n"
        << "$var string 1 " << id(c, 1) << " state $end\n"
        << "$var real 64 " << id(c, 2) << " freq_mhz $end\n"
        << "$var string 1 " << id(c, 3) << " layer $end\n"
        << "$upscope $end\n";
  }
  out << "$scope module dram $end\n"
      << "$var real 64 " << dram_power << " power_mw $end\n"
      << "$var real 64 " << dram_bw << " bandwidth_gb_per_s $end\n"
      << "$upscope $end\n"
      << "$var real 64 " << total << " total_power_mw $end\n"
      << "$upscope $end\n$enddefinitions $end\n";

  // Value changes by time; within one time a later assignment of a variable wins, so ends are
  // recorded before starts.
  std::map<int64_t, std::map<std::string, std::string>> changes;
  std::map<int64_t, long double> dram_w_delta, dram_bps_delta;
  std::vector<double> cluster_w(n, 0.0);
  for (const auto& st : trace.states) {
    if (st.cluster >= n) throw std::logic_error("write_vcd: a state interval of an unknown cluster");
    const int64_t t = to_ps(st.start_s);
    auto& at = changes[t];
    at[id(st.cluster, 0)] = real_text(st.power_w * 1e3);
    at[id(st.cluster, 1)] = "s" + token(st.state) + " ";
    at[id(st.cluster, 2)] = real_text(st.freq_mhz);
  }
  for (const auto& sl : trace.slices) {
    if (sl.cluster >= n) throw std::logic_error("write_vcd: a slice of an unknown cluster");
    changes[to_ps(sl.end_s)][id(sl.cluster, 3)] = "s- ";
  }
  for (const auto& sl : trace.slices) {
    const int64_t t0 = to_ps(sl.start_s), t1 = to_ps(sl.end_s);
    changes[t0][id(sl.cluster, 3)] = "s" + token(sl.kind == "layer" ? sl.layer : sl.kind) + " ";
    if (t1 > t0) {
      const long double dt = static_cast<long double>(t1 - t0) * 1e-12L;
      dram_w_delta[t0] += dram_j(sl) / dt;
      dram_w_delta[t1] -= dram_j(sl) / dt;
      dram_bps_delta[t0] += sl.dram_bytes / dt;
      dram_bps_delta[t1] -= sl.dram_bytes / dt;
    }
  }
  for (const auto& [t, d] : dram_w_delta) changes[t];
  if (changes.empty() || changes.begin()->first != 0) changes[0];
  changes[to_ps(trace.end_s)];

  // Cluster powers at each time, for the total: apply the state starts in time order.
  std::vector<std::pair<int64_t, std::pair<size_t, double>>> power_steps;
  for (const auto& st : trace.states) power_steps.push_back({to_ps(st.start_s), {st.cluster, st.power_w}});
  std::stable_sort(power_steps.begin(), power_steps.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t next_step = 0;
  long double dram_w = 0, dram_bps = 0;
  bool first = true;
  for (auto& [t, vars] : changes) {
    while (next_step < power_steps.size() && power_steps[next_step].first <= t) {
      cluster_w[power_steps[next_step].second.first] = power_steps[next_step].second.second;
      ++next_step;
    }
    if (dram_w_delta.count(t)) {
      dram_w += dram_w_delta[t];
      dram_bps += dram_bps_delta[t];
      if (std::fabs(static_cast<double>(dram_w)) < 1e-15) dram_w = 0;
      if (std::fabs(static_cast<double>(dram_bps)) < 1e-3) dram_bps = 0;
      vars[dram_power] = real_text(static_cast<double>(dram_w) * 1e3);
      vars[dram_bw] = real_text(static_cast<double>(dram_bps) * 1e-9);
    }
    double total_w = static_cast<double>(dram_w);
    for (double w : cluster_w) total_w += w;
    vars[total] = real_text(total_w * 1e3);
    if (first) {
      // Every variable has a value from time 0.
      for (size_t c = 0; c < n; ++c) {
        vars.emplace(id(c, 0), real_text(0));
        vars.emplace(id(c, 1), "s- ");
        vars.emplace(id(c, 2), real_text(0));
        vars.emplace(id(c, 3), "s- ");
      }
      vars.emplace(dram_power, real_text(0));
      vars.emplace(dram_bw, real_text(0));
    }
    out << '#' << t << '\n';
    if (first) out << "$dumpvars\n";
    for (const auto& [code, value] : vars) out << value << code << '\n';
    if (first) out << "$end\n";
    first = false;
  }
  file.commit();
}

}  // namespace blsim
