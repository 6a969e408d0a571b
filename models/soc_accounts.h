// SPDX-License-Identifier: MIT
// Book-keeping the clusters share: the energy ledger, DRAM background attribution and the
// DRAM address map of weights and activations. DRAM background energy is cumulative in time;
// each layer claims the part since the last claim that falls inside it, and the part that
// fell in gaps with no layer running is booked to the DRAM idle row. Claims never overlap, so
// the ledger adds up even when both clusters run at once.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "energy/energy_ledger.h"
#include "models/dram_timing.h"
#include "models/soc_spec.h"

namespace blsim {

class SocAccounts {
 public:
  SocAccounts(const SocSpec& spec, DramTiming& dram) : spec_(spec), dram_(dram) {}

  EnergyLedger& ledger() { return ledger_; }
  const SocSpec& spec() const { return spec_; }

  // DRAM background energy for a layer spanning [start_s, end_s].
  double claim_dram_background(double start_s, double end_s);
  // Books the unclaimed background up to t_s to the DRAM idle row.
  void close_dram_background(double t_s);
  // Cumulative DRAM background and refresh energy from time 0 to t_s.
  double dram_background_j(double t_s);

  // A DRAM region for `key` (a network's weights, a cluster's activations), stable across calls.
  uint64_t region(const std::string& key, uint64_t bytes);

 private:
  const SocSpec& spec_;
  DramTiming& dram_;
  EnergyLedger ledger_;
  double claimed_s_ = 0;
  double claimed_j_ = 0;
  std::map<std::string, uint64_t> regions_;
  uint64_t next_free_ = 0;
};

}  // namespace blsim
