// SPDX-License-Identifier: MIT
#include "sim/report/timeline_writer.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/atomic_file.h"

namespace blsim {
namespace {

using Json = nlohmann::ordered_json;  // keys in insertion order: the same trace, the same bytes

constexpr int kPid = 1;

double us(double s) { return s * 1e6; }

Json energy_args(const EnergyBreakdown& e) {
  Json a;
  a["energy_j"] = e.total_j();
  a["energy_core_dyn_j"] = e.core_dyn_j;
  a["energy_core_static_j"] = e.core_static_j;
  a["energy_sram_j"] = e.sram_j;
  a["energy_noc_j"] = e.noc_j;
  a["energy_dram_dyn_j"] = e.dram_dyn_j;
  a["energy_dram_static_j"] = e.dram_static_j;
  return a;
}

Json slice(const std::string& name, const std::string& cat, size_t cluster, double t0, double t1,
           Json args) {
  Json e;
  e["name"] = name;
  e["cat"] = cat;
  e["ph"] = "X";
  e["pid"] = kPid;
  e["tid"] = cluster + 1;
  e["ts"] = us(t0);
  e["dur"] = us(t1 - t0);
  e["args"] = std::move(args);
  return e;
}

// Idle slices over [t0, t1) of a cluster: one per state interval it crosses, energy = power x time.
void idle_slices(const std::vector<const StateInterval*>& states, size_t cluster, double t0,
                 double t1, Json& events) {
  for (const StateInterval* st : states) {
    const double a = std::max(t0, st->start_s), b = std::min(t1, st->end_s);
    if (b <= a) continue;
    Json args;
    args["state"] = st->state;
    args["energy_j"] = st->power_w * (b - a);
    args["power_mw"] = st->power_w * 1e3;
    args["freq_mhz"] = st->freq_mhz;
    events.push_back(slice(st->state, "idle", cluster, a, b, std::move(args)));
  }
}

}  // namespace

void write_timeline(const RunTrace& trace, const std::string& path) {
  AtomicFile file(path);
  const size_t n = trace.clusters.size();
  Json events = Json::array();
  {
    Json meta;
    meta["name"] = "process_name";
    meta["ph"] = "M";
    meta["pid"] = kPid;
    meta["args"]["name"] = "blsim";
    events.push_back(meta);
  }
  std::vector<std::vector<const StateInterval*>> states(n);
  std::vector<std::vector<const ActivitySlice*>> work(n);
  for (const auto& st : trace.states) {
    if (st.cluster >= n) throw std::logic_error("write_timeline: a state interval of an unknown cluster");
    states[st.cluster].push_back(&st);
  }
  for (const auto& sl : trace.slices) {
    if (sl.cluster >= n) throw std::logic_error("write_timeline: a slice of an unknown cluster");
    work[sl.cluster].push_back(&sl);
  }
  for (size_t c = 0; c < n; ++c) {
    Json meta;
    meta["name"] = "thread_name";
    meta["ph"] = "M";
    meta["pid"] = kPid;
    meta["tid"] = c + 1;
    meta["args"]["name"] = trace.clusters[c];
    events.push_back(meta);
  }
  for (size_t c = 0; c < n; ++c) {
    double t = 0;
    for (const ActivitySlice* sl : work[c]) {
      if (sl->start_s < t) {
        throw std::logic_error("write_timeline: slices of cluster " + trace.clusters[c] +
                               " overlap: " + sl->kind + " " + sl->layer + " of input " +
                               std::to_string(sl->input) + " starts at " +
                               std::to_string(sl->start_s * 1e12) + " ps, before " +
                               std::to_string(t * 1e12) + " ps");
      }
      idle_slices(states[c], c, t, sl->start_s, events);
      Json args = energy_args(sl->energy);
      args["stage"] = sl->stage;
      args["net"] = sl->net;
      args["input"] = sl->input;
      args["dram_bytes"] = sl->dram_bytes;
      const std::string name = sl->kind == "layer" ? sl->layer : sl->kind;
      events.push_back(slice(name, sl->kind, c, sl->start_s, sl->end_s, std::move(args)));
      t = sl->end_s;
    }
    idle_slices(states[c], c, t, trace.end_s, events);
    for (const StateInterval* st : states[c]) {
      Json counter;
      counter["name"] = trace.clusters[c] + " power";
      counter["ph"] = "C";
      counter["pid"] = kPid;
      counter["ts"] = us(st->start_s);
      counter["args"]["mW"] = st->power_w * 1e3;
      events.push_back(counter);
    }
  }
  // DRAM bandwidth: each slice's bytes spread over the slice, summed over clusters.
  std::vector<std::pair<double, double>> steps;  // time, change of bytes/s
  for (const auto& sl : trace.slices) {
    if (sl.end_s <= sl.start_s || sl.dram_bytes == 0) continue;
    const double rate = sl.dram_bytes / (sl.end_s - sl.start_s);
    steps.emplace_back(sl.start_s, rate);
    steps.emplace_back(sl.end_s, -rate);
  }
  std::stable_sort(steps.begin(), steps.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  double rate = 0;
  for (size_t i = 0; i < steps.size(); ++i) {
    rate += steps[i].second;
    if (i + 1 < steps.size() && steps[i + 1].first == steps[i].first) continue;
    Json counter;
    counter["name"] = "DRAM bandwidth";
    counter["ph"] = "C";
    counter["pid"] = kPid;
    counter["ts"] = us(steps[i].first);
    counter["args"]["GB/s"] = std::max(0.0, rate * 1e-9);
    events.push_back(counter);
  }
  Json doc;
  doc["traceEvents"] = std::move(events);
  doc["displayTimeUnit"] = "ns";
  doc["otherData"]["end_s"] = trace.end_s;
  file.stream() << doc.dump(1) << '\n';
  file.commit();
}

}  // namespace blsim
