// SPDX-License-Identifier: MIT
// Book-keeping the clusters share: the energy ledger, the attribution of the SoC's background
// energy (DRAM background and refresh, shared-cache leakage) and the DRAM address map of weights
// and activations. Background energy is cumulative in time; each layer claims the part since
// the last claim that falls inside it, and the part that fell in gaps with no layer running is
// booked to idle rows (DRAM "background", each cache level's "leakage"). Claims never overlap,
// so the ledger adds up even when several clusters run at once.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "energy/energy_breakdown.h"
#include "energy/energy_ledger.h"
#include "models/dram_timing.h"
#include "models/soc_spec.h"

namespace blsim {

class SocAccounts {
 public:
  SocAccounts(const SocSpec& spec, DramTiming& dram) : spec_(spec), dram_(dram) {}

  EnergyLedger& ledger() { return ledger_; }
  const SocSpec& spec() const { return spec_; }

  // Background energy (dram_static_j, and the caches' leakage as sram_j) for a layer spanning
  // [start_s, end_s].
  EnergyBreakdown claim_background(double start_s, double end_s);
  // Books the unclaimed background up to t_s to the idle rows.
  void close_background(double t_s);
  // Cumulative background energy from time 0 to t_s.
  EnergyBreakdown background_j(double t_s);

  // A DRAM region for `key` (a network's weights, a cluster's activations), stable across calls.
  uint64_t region(const std::string& key, uint64_t bytes);

 private:
  const SocSpec& spec_;
  DramTiming& dram_;
  EnergyLedger ledger_;
  double claimed_s_ = 0;
  double claimed_dram_j_ = 0;
  std::map<std::string, uint64_t> regions_;
  uint64_t next_free_ = 0;
};

}  // namespace blsim
