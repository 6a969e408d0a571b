// SPDX-License-Identifier: MIT
#include "sim/states_csv.h"

#include <algorithm>
#include <cstring>

#include "common/csv_writer.h"
#include "models/soc_top.h"

namespace blsim {

StateRecorder::StateRecorder(SocTop& soc, RunTrace& trace)
    : trace_(trace), open_(soc.cluster_count()), input_(soc.cluster_count(), 0),
      slice_end_(soc.cluster_count(), 0.0),
      per_cluster_(soc.cluster_count()) {
  trace_.clusters.clear();
  for (ClusterIndex c = 0; c < soc.cluster_count(); ++c) {
    const ClusterSpec& spec = soc.spec().cluster(c);
    trace_.clusters.push_back(spec.name);
    soc.cluster(c).set_span_observer([this, c, &spec](const ComputeCluster::Span& span) {
      Open& o = open_[c];
      double freq = span.opp.freq_mhz, volt = span.opp.volt_v;
      if (std::strcmp(span.state, "parked") == 0) {
        freq = spec.opps.front().freq_mhz;
        volt = spec.opps.front().volt_v;
      } else if (std::strcmp(span.state, "off") == 0) {
        freq = 0;
        volt = 0;
      }
      const double own_j = span.own.core_dyn_j + span.own.core_static_j + span.own.sram_j;
      // Spans follow each other; a difference below the kernel's resolution is rounding.
      const bool same = o.open && o.interval.state == span.state && o.interval.freq_mhz == freq &&
                        o.interval.volt_v == volt;
      if (same) {
        o.interval.end_s = std::max(o.interval.end_s, span.end_s);
        o.energy_j += own_j;
      } else {
        const double start = o.open ? o.interval.end_s : 0.0;
        if (o.open) close(o);
        o.open = true;
        o.interval = StateInterval{c, start, std::max(start, span.end_s), span.state, freq, volt, 0};
        o.energy_j = own_j;
      }
      const char* kind = std::strcmp(span.state, "wake") == 0 ? "wake"
                         : span.row.op == "gate"              ? "gate"
                         : std::strcmp(span.state, "active") == 0 && span.row.stage != "idle"
                             ? "layer"
                             : nullptr;
      if (kind != nullptr) {
        ActivitySlice s;
        s.cluster = c;
        // Booked spans meet to within the rounding of picoseconds to seconds; a slice never
        // starts before the cluster's previous one ended.
        s.start_s = span.start_s < slice_end_[c] && slice_end_[c] - span.start_s < 1e-12
                        ? slice_end_[c]
                        : span.start_s;
        s.end_s = std::max(s.start_s, span.end_s);
        slice_end_[c] = s.end_s;
        s.kind = kind;
        s.stage = span.row.stage;
        s.net = span.row.net;
        s.input = input_[c];
        if (std::strcmp(kind, "layer") == 0) s.layer = span.row.layer;
        s.energy = span.row.energy;
        s.dram_bytes = static_cast<double>(span.row.dram_read_bytes + span.row.dram_write_bytes);
        trace_.slices.push_back(std::move(s));
      }
    });
  }
}

void StateRecorder::close(Open& o) {
  const double span = o.interval.end_s - o.interval.start_s;
  o.interval.power_w = span > 0 ? o.energy_j / span : 0;
  per_cluster_[o.interval.cluster].push_back(o.interval);
  o.open = false;
}

void StateRecorder::finish(double end_s) {
  for (Open& o : open_) {
    if (!o.open) continue;
    o.interval.end_s = std::max(o.interval.end_s, end_s);
    close(o);
  }
  trace_.end_s = end_s;
  trace_.states.clear();
  for (auto& list : per_cluster_) {
    for (auto& iv : list) trace_.states.push_back(iv);
    list.clear();
  }
}

void write_states_csv(const std::string& path, const RunTrace& trace) {
  CsvWriter csv(path, {"cluster", "start_s", "end_s", "state", "freq_mhz", "volt_v", "power_w"});
  for (const auto& s : trace.states) {
    csv << trace.clusters.at(s.cluster) << s.start_s << s.end_s << s.state << s.freq_mhz
        << s.volt_v << s.power_w;
    csv.end_row();
  }
  csv.commit();
}

}  // namespace blsim
