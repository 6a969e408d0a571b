// SPDX-License-Identifier: MIT
// The VCD and timeline writers on RunTraces built here: the VCD goes through GTKWave's own reader
// (vcd2fst, then fst2vcd back) and the power of what comes back integrates to the trace's energy
// within 1 %; the timeline parses as JSON, each cluster track's slices do not overlap and sum to
// the run's time, and its slice energies add up to the trace's.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "sim/report/timeline_writer.h"
#include "sim/report/vcd_writer.h"
#include "tests/scratch_dir.h"
#include "tests/sim/cli_test_util.h"
#include "tests/sim/csv_test_util.h"

namespace blsim {
namespace {

using testing::read_all;
using testing::run_shell;

// A trace of two or three clusters: work slices separated by random gaps; a cluster is "active"
// while it works and rests "idle" or "parked" in between, waking ("wake" state and slice) from
// parked. Every slice moves DRAM bytes and books DRAM energy.
RunTrace made_trace(unsigned seed, size_t clusters, int slices_per_cluster) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> len(1e-6, 40e-6), gap(0, 30e-6), power(0.05, 2.5),
      bytes(0, 2e6);
  RunTrace t;
  const char* names[] = {"little", "big", "prime"};
  for (size_t c = 0; c < clusters; ++c) t.clusters.push_back(names[c]);
  double end = 0;
  std::vector<std::vector<StateInterval>> per(clusters);
  std::vector<std::vector<ActivitySlice>> work(clusters);
  for (size_t c = 0; c < clusters; ++c) {
    double now = 0;
    for (int i = 0; i < slices_per_cluster; ++i) {
      const double g = gap(rng);
      const bool parked = (rng() % 3) == 0;
      if (g > 0) per[c].push_back({c, now, now + g, parked ? "parked" : "idle", 200, 0.9, power(rng) * 0.05});
      now += g;
      if (parked) {
        const double w = 5e-6;
        per[c].push_back({c, now, now + w, "wake", 1000, 1.0, power(rng)});
        ActivitySlice s{c, now, now + w, "wake", "stage" + std::to_string(c + 1), "", "", size_t(i), {}, 0};
        s.energy.core_static_j = per[c].back().power_w * w;
        work[c].push_back(s);
        now += w;
      }
      const double l = len(rng);
      const StateInterval active{c, now, now + l, "active", 1800, 1.1, power(rng)};
      per[c].push_back(active);
      ActivitySlice s{c, now, now + l, i % 5 == 4 ? "gate" : "layer", "stage" + std::to_string(c + 1),
                      "net" + std::to_string(c), "layer" + std::to_string(i % 4), size_t(i), {}, 0};
      s.energy.core_dyn_j = active.power_w * l * 0.7;
      s.energy.core_static_j = active.power_w * l * 0.3;
      s.energy.dram_dyn_j = 2e-10 * bytes(rng);
      s.energy.dram_static_j = 1e-4 * l;
      s.dram_bytes = s.energy.dram_dyn_j / 2e-10;
      work[c].push_back(s);
      now += l;
    }
    end = std::max(end, now);
  }
  for (size_t c = 0; c < clusters; ++c) {
    const double last = per[c].back().end_s;
    if (last < end) per[c].push_back({c, last, end, "idle", 200, 0.9, 0.04});
    t.states.insert(t.states.end(), per[c].begin(), per[c].end());
    t.slices.insert(t.slices.end(), work[c].begin(), work[c].end());
  }
  t.end_s = end;
  return t;
}

// What the trace says was spent: the clusters' state power over time plus the slices' DRAM energy.
double expected_energy_j(const RunTrace& t) {
  double e = 0;
  for (const auto& s : t.states) e += s.power_w * (s.end_s - s.start_s);
  for (const auto& s : t.slices) e += s.energy.dram_dyn_j + s.energy.dram_static_j;
  return e;
}

// A VCD as read back: each real variable integrated over time (value x ps), the last time, and
// the string values each variable took.
struct ReadVcd {
  std::map<std::string, double> integral_mw_ps;  // by full name
  std::map<std::string, std::vector<std::string>> strings;
  int64_t last_ps = 0;
  std::string timescale;
};

ReadVcd read_vcd(const std::string& text) {
  ReadVcd r;
  std::istringstream in(text);
  std::map<std::string, std::string> name_of;  // code -> scope.name
  std::vector<std::string> scope;
  std::map<std::string, double> value;  // code -> current real value
  std::string tok;
  int64_t now = 0;
  bool defs = true;
  while (in >> tok) {
    if (defs) {
      if (tok == "$scope") {
        std::string kind, name;
        in >> kind >> name;
        scope.push_back(name);
      } else if (tok == "$upscope") {
        scope.pop_back();
      } else if (tok == "$var") {
        std::string type, width, code, name;
        in >> type >> width >> code >> name;
        std::string full;
        for (const auto& s : scope) full += s + ".";
        name_of[code] = full + name;
      } else if (tok == "$timescale") {
        in >> r.timescale;
      } else if (tok == "$enddefinitions") {
        defs = false;
      }
      continue;
    }
    if (tok[0] == '#') {
      const int64_t t = std::stoll(tok.substr(1));
      EXPECT_GE(t, now);
      for (const auto& [code, v] : value) r.integral_mw_ps[name_of[code]] += v * static_cast<double>(t - now);
      now = t;
    } else if (tok[0] == 'r') {
      std::string code;
      in >> code;
      value[code] = std::stod(tok.substr(1));
    } else if (tok[0] == 's') {
      std::string code;
      in >> code;
      r.strings[name_of[code]].push_back(tok.substr(1));
    }
  }
  r.last_ps = now;
  return r;
}

class ReportTrace : public ScratchDirTest {};

TEST_F(ReportTrace, VcdReadByGtkwaveIntegratesToTheEnergy) {
  for (const size_t clusters : {size_t{2}, size_t{3}}) {
    const RunTrace trace = made_trace(7 + clusters, clusters, 400);
    const std::string vcd = dir_ + "/run.vcd";
    write_vcd(trace, vcd);
    ASSERT_EQ(run_shell("vcd2fst '" + vcd + "' '" + dir_ + "/run.fst' >'" + dir_ + "/log' 2>&1"), 0)
        << read_all(dir_ + "/log");
    ASSERT_EQ(run_shell("fst2vcd '" + dir_ + "/run.fst' >'" + dir_ + "/back.vcd' 2>'" + dir_ + "/log'"), 0)
        << read_all(dir_ + "/log");
    const ReadVcd back = read_vcd(read_all(dir_ + "/back.vcd"));
    EXPECT_EQ(back.timescale, "1ps");
    EXPECT_EQ(back.last_ps, std::llround(trace.end_s * 1e12));
    const double want_j = expected_energy_j(trace);
    EXPECT_NEAR(vcd_energy_j(trace), want_j, want_j * 1e-9);
    const double total_j = back.integral_mw_ps.at("soc.total_power_mw") * 1e-3 * 1e-12;
    EXPECT_NEAR(total_j, want_j, want_j * 0.01) << clusters << " clusters";
    double parts_j = back.integral_mw_ps.at("soc.dram.power_mw") * 1e-15;
    for (const auto& c : trace.clusters) parts_j += back.integral_mw_ps.at("soc." + c + ".power_mw") * 1e-15;
    EXPECT_NEAR(parts_j, want_j, want_j * 0.01);
    // DRAM bytes: bandwidth (GB/s) x time gives them back.
    double bytes = 0;
    for (const auto& s : trace.slices) bytes += s.dram_bytes;
    EXPECT_NEAR(back.integral_mw_ps.at("soc.dram.bandwidth_gb_per_s") * 1e9 * 1e-12, bytes, bytes * 0.01);
    // States and layers arrive as strings.
    const auto& states = back.strings.at("soc.big.state");
    EXPECT_NE(std::find(states.begin(), states.end(), "parked"), states.end());
    EXPECT_NE(std::find(states.begin(), states.end(), "wake"), states.end());
    const auto& layers = back.strings.at("soc.little.layer");
    EXPECT_NE(std::find(layers.begin(), layers.end(), "layer3"), layers.end());
    EXPECT_NE(std::find(layers.begin(), layers.end(), "gate"), layers.end());
  }
}

TEST_F(ReportTrace, VcdOfAHandTrace) {
  // little works 0-3 us at 500 mW, then idles to 10 us at 40 mW; DRAM books 1 uJ over 0-3 us.
  RunTrace t;
  t.clusters = {"little"};
  t.states = {{0, 0, 3e-6, "active", 1400, 1.0, 0.5}, {0, 3e-6, 10e-6, "idle", 1400, 1.0, 0.04}};
  ActivitySlice s{0, 0, 3e-6, "layer", "stage1", "mlp", "fc1", 0, {}, 0};
  s.energy.dram_dyn_j = 1e-6;
  s.dram_bytes = 3000;
  t.slices = {s};
  t.end_s = 10e-6;
  write_vcd(t, dir_ + "/hand.vcd");
  const ReadVcd r = read_vcd(read_all(dir_ + "/hand.vcd"));
  // 0.5 W x 3 us + 0.04 W x 7 us + 1 uJ = 2.78 uJ.
  EXPECT_NEAR(r.integral_mw_ps.at("soc.total_power_mw") * 1e-15, 2.78e-6, 1e-12);
  EXPECT_NEAR(r.integral_mw_ps.at("soc.dram.power_mw") * 1e-15, 1e-6, 1e-12);
  // 3000 bytes in 3 us: 1 GB/s.
  EXPECT_NEAR(r.integral_mw_ps.at("soc.dram.bandwidth_gb_per_s") * 1e-12, 3e-6, 1e-12);
  EXPECT_EQ(r.strings.at("soc.little.layer"), (std::vector<std::string>{"fc1", "-"}));
  EXPECT_EQ(r.strings.at("soc.little.state"), (std::vector<std::string>{"active", "idle"}));
}

TEST_F(ReportTrace, TimelineTracksTileTheRun) {
  const RunTrace trace = made_trace(3, 3, 500);
  const std::string path = dir_ + "/run.json";
  write_timeline(trace, path);
  const nlohmann::json doc = nlohmann::json::parse(read_all(path));  // throws on bad JSON
  ASSERT_TRUE(doc.contains("traceEvents"));
  std::map<int, std::vector<std::pair<double, double>>> tracks;  // tid -> (ts, dur)
  std::map<int, std::string> names;
  double slice_energy_j = 0;
  size_t counters = 0;
  for (const auto& e : doc["traceEvents"]) {
    const std::string ph = e.at("ph");
    if (ph == "M" && e.at("name") == "thread_name") names[e.at("tid")] = e.at("args").at("name");
    if (ph == "C") ++counters;
    if (ph != "X") continue;
    ASSERT_GE(e.at("dur").get<double>(), 0);
    tracks[e.at("tid")].push_back({e.at("ts").get<double>(), e.at("dur").get<double>()});
    slice_energy_j += e.at("args").at("energy_j").get<double>();
  }
  ASSERT_EQ(tracks.size(), trace.clusters.size());
  EXPECT_EQ(names[2], "big");
  EXPECT_GT(counters, trace.states.size() / 2);
  const double end_us = trace.end_s * 1e6;
  for (auto& [tid, slices] : tracks) {
    std::sort(slices.begin(), slices.end());
    double sum = 0, at = 0;
    for (const auto& [ts, dur] : slices) {
      EXPECT_GE(ts, at - 1e-6) << "track " << tid << " overlaps at " << ts << " us";
      EXPECT_NEAR(ts, at, 1e-6) << "track " << tid << " has a gap at " << at << " us";
      at = ts + dur;
      sum += dur;
    }
    EXPECT_NEAR(sum, end_us, end_us * 1e-9) << "track " << tid;
  }
  // Work slices carry their booked energy, idle slices power x time: together the clusters'
  // energy as the slices book it plus the idle time.
  double want_j = 0;
  for (const auto& s : trace.slices) want_j += s.energy.total_j();
  for (size_t c = 0; c < trace.clusters.size(); ++c) {
    std::vector<std::pair<double, double>> busy;
    for (const auto& s : trace.slices) {
      if (s.cluster == c) busy.push_back({s.start_s, s.end_s});
    }
    for (const auto& st : trace.states) {
      if (st.cluster != c) continue;
      double idle = st.end_s - st.start_s;
      for (const auto& [a, b] : busy) idle -= std::max(0.0, std::min(b, st.end_s) - std::max(a, st.start_s));
      want_j += st.power_w * idle;
    }
  }
  EXPECT_NEAR(slice_energy_j, want_j, want_j * 1e-9);
  // Same trace, same bytes.
  write_timeline(trace, dir_ + "/again.json");
  EXPECT_EQ(read_all(path), read_all(dir_ + "/again.json"));
}

// A column of the CSV row whose line contains `marker` (or the first row when marker is empty).
double csv_column(const std::string& text, const std::string& marker, const std::string& name) {
  std::istringstream in(text);
  std::string header, line, row;
  std::getline(in, header);
  while (std::getline(in, line)) {
    if (marker.empty() ? row.empty() : line.find(marker) != std::string::npos) row = line;
  }
  std::istringstream h(header), r(row);
  std::string hc, rc;
  while (std::getline(h, hc, ',') && std::getline(r, rc, ',')) {
    if (hc == name) return std::stod(rc);
  }
  ADD_FAILURE() << "no column " << name << " in a row with \"" << marker << "\"";
  return 0.0;
}

// The real thing: `blsim run --vcd --timeline` on 200 samples of the default cascade. The VCD's
// total power integrates to the test split's energy (summary.csv) within 1 %, and the
// timeline's tracks tile the split's time without overlap.
TEST_F(ReportTrace, RunWritesAVcdAndATimelineOfItsTestSplit) {
  // As an architect would type it: the trace files in the run's own (not yet existing) folder.
  const std::string out = dir_ + "/out", vcd = out + "/run.vcd", json = out + "/run.json";
  ASSERT_EQ(run_shell("cd '" + dir_ + "' && " + std::string(BLSIM_BINARY) +
                  " run --samples 200 --report --out out --vcd out/run.vcd --timeline out/run.json"
                  " >log 2>&1"),
            0)
      << read_all(dir_ + "/log");
  EXPECT_TRUE(std::ifstream(out + "/report.html").good());
  const std::string summary = read_all(out + "/summary.csv");
  const double energy_j = csv_column(summary, ",test,", "energy_total_j");
  const double time_s = csv_column(summary, ",test,", "time_s");
  ASSERT_GT(energy_j, 0);
  const ReadVcd read = read_vcd(read_all(vcd));
  const double vcd_j = read.integral_mw_ps.at("soc.total_power_mw") * 1e-3 * 1e-12;
  EXPECT_NEAR(vcd_j, energy_j, 0.01 * energy_j);
  EXPECT_NEAR(static_cast<double>(read.last_ps) * 1e-12, time_s, 1e-9 + 1e-6 * time_s);

  const nlohmann::json doc = nlohmann::json::parse(read_all(json));
  std::map<int, std::vector<std::pair<double, double>>> tracks;
  for (const auto& e : doc.at("traceEvents")) {
    if (e.at("ph") == "X") tracks[e.at("tid")].push_back({e.at("ts"), e.at("dur")});
  }
  ASSERT_EQ(tracks.size(), 2u);
  for (auto& [tid, slices] : tracks) {
    std::sort(slices.begin(), slices.end());
    double at = 0, sum = 0;
    for (const auto& [ts, dur] : slices) {
      EXPECT_GE(ts, at - 1e-6) << "track " << tid << " overlaps at " << ts << " us";
      at = ts + dur;
      sum += dur;
    }
    EXPECT_NEAR(sum, time_s * 1e6, 1e-3 + 1e-6 * time_s * 1e6) << "track " << tid;
  }
}

// `blsim profile --vcd --timeline`: three inferences of the big CNN on the big cluster; the VCD
// integrates to the profile's energy within 1 %, the big cluster's track covers its time.
TEST_F(ReportTrace, ProfileWritesAVcdAndATimeline) {
  const std::string out = dir_ + "/out", vcd = dir_ + "/p.vcd", json = dir_ + "/p.json";
  ASSERT_EQ(run_shell(std::string(BLSIM_BINARY) +
                  " profile --net workloads/nets/mnist-big.onnx --inferences 3 --out '" + out +
                  "' --vcd '" + vcd + "' --timeline '" + json + "' >'" + dir_ + "/log' 2>&1"),
            0)
      << read_all(dir_ + "/log");
  const std::string summary = read_all(out + "/summary.csv");
  const double energy_j = csv_column(summary, "", "energy_total_j");
  const double time_s = csv_column(summary, "", "time_s");
  const ReadVcd read = read_vcd(read_all(vcd));
  const double vcd_j = read.integral_mw_ps.at("soc.total_power_mw") * 1e-3 * 1e-12;
  EXPECT_NEAR(vcd_j, energy_j, 0.01 * energy_j);
  // The trace also holds the cluster's wake-up before the first (timed) inference.
  const double trace_s = static_cast<double>(read.last_ps) * 1e-12;
  EXPECT_GE(trace_s, time_s * (1 - 1e-9));
  EXPECT_LE(trace_s, time_s + 1e-4);
  EXPECT_FALSE(read.strings.at("soc.big.layer").empty());
  const nlohmann::json doc = nlohmann::json::parse(read_all(json));
  size_t layers = 0;
  for (const auto& e : doc.at("traceEvents")) {
    if (e.at("ph") == "X" && e.at("args").contains("net")) ++layers;
  }
  EXPECT_GE(layers, 3u);
}

}  // namespace
}  // namespace blsim
