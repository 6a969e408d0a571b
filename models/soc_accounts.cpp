// SPDX-License-Identifier: MIT
#include "models/soc_accounts.h"

#include <algorithm>

#include "energy/transfer_power.h"

namespace blsim {

EnergyBreakdown SocAccounts::background_j(double t_s) {
  const DramBackground bg = dram_.background_until(t_s);
  EnergyBreakdown e;
  e.dram_static_j = dram_background_energy_j(bg.states, bg.refreshes, spec_.dram.power) +
                    static_cast<double>(bg.entry_refreshes) * dram_refresh_energy_j(spec_.dram.power);
  for (const auto& c : spec_.caches) e.sram_j += cache_leakage_energy_j(c.leak_w, t_s);
  return e;
}

void SocAccounts::close_background(double t_s) {
  if (t_s <= claimed_s_ + 0.5e-12) return;  // below the kernel's 1 ps resolution
  const double dram_j = background_j(t_s).dram_static_j;
  LedgerRow row;
  row.stage = "idle";
  row.cluster = "dram";
  row.layer = "background";
  row.op = "idle";
  row.calls = 1;
  row.time_s = t_s - claimed_s_;
  row.energy.dram_static_j = dram_j - claimed_dram_j_;
  ledger_.add(row);
  for (const auto& c : spec_.caches) {
    LedgerRow leak;
    leak.stage = "idle";
    leak.cluster = c.name;
    leak.layer = "leakage";
    leak.op = "idle";
    leak.calls = 1;
    leak.time_s = row.time_s;
    leak.energy.sram_j = cache_leakage_energy_j(c.leak_w, row.time_s);
    ledger_.add(leak);
  }
  claimed_s_ = t_s;
  claimed_dram_j_ = dram_j;
}

EnergyBreakdown SocAccounts::claim_background(double start_s, double end_s) {
  if (end_s <= claimed_s_) return {};
  close_background(start_s);
  const double dram_j = background_j(end_s).dram_static_j;
  EnergyBreakdown claim;
  claim.dram_static_j = dram_j - claimed_dram_j_;
  for (const auto& c : spec_.caches) {
    claim.sram_j += cache_leakage_energy_j(c.leak_w, end_s - claimed_s_);
  }
  claimed_s_ = end_s;
  claimed_dram_j_ = dram_j;
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
