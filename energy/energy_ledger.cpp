// SPDX-License-Identifier: MIT
#include "energy/energy_ledger.h"

#include "common/csv_writer.h"

namespace blsim {
namespace {

std::string key_of(const LedgerRow& r) {
  const char sep = '\x1f';  // cannot appear in a layer name read from ONNX text fields we print
  return r.stage + sep + r.net + sep + r.cluster + sep + r.layer;
}

}  // namespace

void LedgerRow::merge(const LedgerRow& o) {
  calls += o.calls;
  time_s += o.time_s;
  cycles += o.cycles;
  macs += o.macs;
  l2_bytes += o.l2_bytes;
  noc_bytes += o.noc_bytes;
  cache_bytes += o.cache_bytes;
  dram_read_bytes += o.dram_read_bytes;
  dram_write_bytes += o.dram_write_bytes;
  dram_commands += o.dram_commands;
  energy += o.energy;
  if (op.empty()) op = o.op;
}

void EnergyLedger::add(const LedgerRow& row) {
  const std::string key = key_of(row);
  const auto it = index_.find(key);
  if (it == index_.end()) {
    index_.emplace(key, rows_.size());
    rows_.push_back(row);
  } else {
    rows_[it->second].merge(row);
  }
}

EnergyBreakdown EnergyLedger::total() const {
  EnergyBreakdown sum;
  for (const auto& r : rows_) sum += r.energy;
  return sum;
}

void EnergyLedger::clear() {
  rows_.clear();
  index_.clear();
}

const std::vector<std::string>& EnergyLedger::layers_csv_columns() {
  static const std::vector<std::string> columns = {
      "stage", "net", "cluster", "layer", "op", "calls", "macs", "dram_read_bytes",
      "dram_write_bytes", "time_s", "energy_core_dyn_j", "energy_core_static_j", "energy_sram_j",
      "energy_noc_j", "energy_dram_dyn_j", "energy_dram_static_j", "energy_total_j",
      // extra columns (docs/architecture.md: add freely after the stable ones)
      "cycles", "l2_bytes", "noc_bytes", "dram_act", "dram_pre", "dram_rd", "dram_wr",
      "dram_ref", "cache_bytes"};
  return columns;
}

void EnergyLedger::write_layers_csv(const std::string& path) const {
  CsvWriter csv(path, layers_csv_columns());
  for (const auto& r : rows_) {
    const auto& e = r.energy;
    csv << r.stage << r.net << r.cluster << r.layer << r.op << r.calls << r.macs
        << r.dram_read_bytes << r.dram_write_bytes << r.time_s << e.core_dyn_j << e.core_static_j
        << e.sram_j << e.noc_j << e.dram_dyn_j << e.dram_static_j << e.total_j() << r.cycles
        << r.l2_bytes << r.noc_bytes << r.dram_commands.act << r.dram_commands.pre
        << r.dram_commands.rd << r.dram_commands.wr << r.dram_commands.ref
        << r.cache_bytes;
    csv.end_row();
  }
  csv.commit();
}

}  // namespace blsim
