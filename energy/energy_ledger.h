// SPDX-License-Identifier: MIT
// The energy ledger: one row per (stage, net, cluster, layer) with activity counts and an
// EnergyBreakdown, plus explicit rows for wake-ups and idle time, so the rows add up to the
// run's total. Rows merge by key and keep first-booked order (deterministic reports).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "energy/dram_power.h"
#include "energy/energy_breakdown.h"

namespace blsim {

struct LedgerRow {
  std::string stage;    // cascade stage ("little", "big", "gate", "idle", ...)
  std::string net;      // network name, empty for idle and wake-up rows
  std::string cluster;  // a cluster's name ("big", "prime"), "dram", or a shared cache's ("l3")
  std::string layer;    // layer name, or "idle", "off", "wake_from_off", "background"
  std::string op;       // ONNX op type or the row kind ("idle", "wake", ...)
  uint64_t calls = 0;
  double time_s = 0;
  double cycles = 0;    // cluster clock cycles spanned
  uint64_t macs = 0;
  uint64_t l2_bytes = 0;
  uint64_t noc_bytes = 0;
  uint64_t cache_bytes = 0;  // bytes read or written in the shared cache levels
  uint64_t dram_read_bytes = 0;
  uint64_t dram_write_bytes = 0;
  DramCommandCounts dram_commands;
  EnergyBreakdown energy;

  void merge(const LedgerRow& o);  // adds the counts and energy of a row with the same key
};

class EnergyLedger {
 public:
  void add(const LedgerRow& row);
  const std::vector<LedgerRow>& rows() const { return rows_; }
  EnergyBreakdown total() const;
  void clear();

  // layers.csv: the stable columns of docs/architecture.md first, then the extra counts.
  void write_layers_csv(const std::string& path) const;
  static const std::vector<std::string>& layers_csv_columns();

 private:
  std::vector<LedgerRow> rows_;
  std::map<std::string, size_t> index_;
};

}  // namespace blsim
