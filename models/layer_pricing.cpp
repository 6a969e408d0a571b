// SPDX-License-Identifier: MIT
#include "models/layer_pricing.h"

namespace blsim {
namespace {

LedgerRow labelled(const RowLabel& label) {
  LedgerRow row;
  row.stage = label.stage;
  row.net = label.net;
  row.cluster = cluster_name(label.cluster);
  row.layer = label.layer;
  row.op = label.op;
  row.calls = 1;
  return row;
}

}  // namespace

LedgerRow price_layer(const LayerCost& layer, const LayerTraffic& traffic, const LayerRun& run,
                      const SocSpec& soc, const RowLabel& label) {
  const ClusterSpec& c = soc.cluster(label.cluster);
  LedgerRow row = labelled(label);
  row.time_s = run.time_s();
  row.cycles = run.time_s() * c.opp().freq_mhz * 1e6;
  row.macs = layer.macs;
  row.l2_bytes = layer_l2_bytes(layer, traffic);
  row.noc_bytes = run.dram_read_bytes + run.dram_write_bytes;
  row.dram_read_bytes = run.dram_read_bytes;
  row.dram_write_bytes = run.dram_write_bytes;
  row.dram_commands = run.commands;

  ClusterActivity a;
  a.busy_cores = layer.kind == OpKind::kFree ? 0 : c.cores;
  a.powered_cores = c.cores;
  a.freq_mhz = c.opp().freq_mhz;
  a.volt_v = c.opp().volt_v;
  a.compute_s = run.compute_s;
  a.span_s = run.time_s();
  a.l2_bytes = row.l2_bytes;
  row.energy = cluster_energy_of(a, c.power);
  row.energy.noc_j = static_cast<double>(row.noc_bytes) * soc.noc.energy_pj_per_byte * 1e-12;
  DramCounters dc;
  dc.commands = run.commands;
  dc.data_bytes = row.noc_bytes;
  row.energy.dram_dyn_j = dram_energy_of(dc, soc.dram.power).dram_dyn_j;
  return row;
}

LedgerRow price_cycles(double cycles, const SocSpec& soc, const RowLabel& label) {
  const ClusterSpec& c = soc.cluster(label.cluster);
  LedgerRow row = labelled(label);
  row.time_s = cycles / (c.opp().freq_mhz * 1e6);
  row.cycles = cycles;
  ClusterActivity a;
  a.busy_cores = 1;
  a.powered_cores = c.cores;
  a.freq_mhz = c.opp().freq_mhz;
  a.volt_v = c.opp().volt_v;
  a.compute_s = row.time_s;
  a.span_s = row.time_s;
  row.energy = cluster_energy_of(a, c.power);
  return row;
}

double dram_background_energy_j(const DramStateTimes& states, uint64_t refreshes,
                                const DramPowerParams& power) {
  DramCounters dc;
  dc.states = states;
  dc.commands.ref = refreshes;
  return dram_energy_of(dc, power).dram_static_j;
}

}  // namespace blsim
