// SPDX-License-Identifier: MIT
#include "models/layer_pricing.h"

#include "energy/transfer_power.h"
#include "models/core_model.h"

namespace blsim {
namespace {

LedgerRow labelled(const RowLabel& label, const SocSpec& soc) {
  LedgerRow row;
  row.stage = label.stage;
  row.net = label.net;
  row.cluster = soc.cluster(label.cluster).name;
  row.layer = label.layer;
  row.op = label.op;
  row.calls = 1;
  return row;
}

}  // namespace

PricedLayer price_layer(const LayerCost& layer, const LayerTraffic& traffic, const LayerRun& run,
                        const SocSpec& soc, const OperatingPoint& opp, const RowLabel& label) {
  const ClusterSpec& c = soc.cluster(label.cluster);
  LedgerRow row = labelled(label, soc);
  row.time_s = run.time_s();
  row.cycles = run.time_s() * opp.freq_mhz * 1e6;
  row.macs = layer.macs;
  row.l2_bytes = layer_l2_bytes(layer, traffic);
  row.noc_bytes = run.noc_bytes;
  row.dram_read_bytes = run.dram_read_bytes;
  row.dram_write_bytes = run.dram_write_bytes;
  row.dram_commands = run.commands;

  ClusterActivity a;
  a.busy_cores = cores_used(layer, c);
  a.powered_cores = c.cores;
  a.freq_mhz = opp.freq_mhz;
  a.volt_v = opp.volt_v;
  a.compute_s = run.compute_s;
  a.span_s = run.time_s();
  a.l2_bytes = row.l2_bytes;
  row.energy = cluster_energy_of(a, c.power);
  const EnergyBreakdown cluster = row.energy;
  for (size_t i = 0; i < soc.caches.size(); ++i) {
    row.cache_bytes += run.cache_bytes[i];
    row.energy.sram_j += cache_access_energy_j(run.cache_bytes[i], soc.caches[i].pj_per_byte);
  }
  row.energy.noc_j = noc_energy_j(row.noc_bytes, soc.noc.energy_pj_per_byte);
  DramCounters dc;
  dc.commands = run.commands;
  dc.data_bytes = run.dram_read_bytes + run.dram_write_bytes;
  row.energy.dram_dyn_j = dram_energy_of(dc, soc.dram.power).dram_dyn_j;
  return PricedLayer{row, cluster};
}

LedgerRow price_cycles(double cycles, const SocSpec& soc, const OperatingPoint& opp,
                       const RowLabel& label) {
  const ClusterSpec& c = soc.cluster(label.cluster);
  LedgerRow row = labelled(label, soc);
  row.time_s = cycles / (opp.freq_mhz * 1e6);
  row.cycles = cycles;
  ClusterActivity a;
  a.busy_cores = 1;
  a.powered_cores = c.cores;
  a.freq_mhz = opp.freq_mhz;
  a.volt_v = opp.volt_v;
  a.compute_s = row.time_s;
  a.span_s = row.time_s;
  row.energy = cluster_energy_of(a, c.power);
  return row;
}

}  // namespace blsim
