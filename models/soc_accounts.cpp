// SPDX-License-Identifier: MIT
#include "models/soc_accounts.h"

#include <algorithm>

#include "models/layer_pricing.h"

namespace blsim {

double SocAccounts::dram_background_j(double t_s) {
  const DramBackground bg = dram_.background_until(t_s);
  return dram_background_energy_j(bg.states, bg.refreshes, spec_.dram.power);
}

void SocAccounts::close_dram_background(double t_s) {
  if (t_s <= claimed_s_ + 0.5e-12) return;  // below the kernel's 1 ps resolution
  const double e = dram_background_j(t_s);
  LedgerRow row;
  row.stage = "idle";
  row.cluster = "dram";
  row.layer = "background";
  row.op = "idle";
  row.calls = 1;
  row.time_s = t_s - claimed_s_;
  row.energy.dram_static_j = e - claimed_j_;
  ledger_.add(row);
  claimed_s_ = t_s;
  claimed_j_ = e;
}

double SocAccounts::claim_dram_background(double start_s, double end_s) {
  if (end_s <= claimed_s_) return 0;
  close_dram_background(start_s);
  const double e = dram_background_j(end_s);
  const double claim = e - claimed_j_;
  claimed_s_ = end_s;
  claimed_j_ = e;
  return claim;
}

uint64_t SocAccounts::region(const std::string& key, uint64_t bytes) {
  const auto it = regions_.find(key);
  if (it != regions_.end()) return it->second;
  // Regions start on a row boundary of every channel so that layouts do not depend on order.
  const uint64_t align = spec_.dram.row_bytes() * static_cast<uint64_t>(spec_.dram.channels);
  const uint64_t base = next_free_;
  next_free_ += (std::max<uint64_t>(bytes, 1) + align - 1) / align * align;
  regions_.emplace(key, base);
  return base;
}

}  // namespace blsim
