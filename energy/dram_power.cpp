// SPDX-License-Identifier: MIT
#include "energy/dram_power.h"

#include <algorithm>

namespace blsim {
namespace {

double burst_time_s(const DramPowerParams& p) { return p.burst_length / 2.0 * p.tck_s; }

// Sum over rails of V * f(rail), times the devices of a rank.
template <typename F>
double over_rails(const DramPowerParams& p, F per_rail_w) {
  double w = 0;
  for (const auto& r : p.rail) w += r.vdd_v * per_rail_w(r);
  return w * p.devices_per_rank;
}

}  // namespace

double dram_act_energy_j(const DramPowerParams& p) {
  // The standby current IDD0 contains is background, not command.
  return over_rails(p, [&](const DramRailCurrents& r) {
    return std::max(0.0, r.idd0_a - r.idd3n_a) * p.tras_s;
  });
}

double dram_pre_energy_j(const DramPowerParams& p) {
  return over_rails(p, [&](const DramRailCurrents& r) {
    return std::max(0.0, r.idd0_a - r.idd2n_a) * p.trp_s;
  });
}

double dram_read_energy_j(const DramPowerParams& p) {
  return over_rails(p, [&](const DramRailCurrents& r) {
    return std::max(0.0, r.idd4r_a - r.idd3n_a) * burst_time_s(p);
  });
}

double dram_write_energy_j(const DramPowerParams& p) {
  return over_rails(p, [&](const DramRailCurrents& r) {
    return std::max(0.0, r.idd4w_a - r.idd3n_a) * burst_time_s(p);
  });
}

double dram_refresh_energy_j(const DramPowerParams& p) {
  return over_rails(p, [&](const DramRailCurrents& r) {
    return std::max(0.0, r.idd5_a - r.idd3n_a) * p.trfc_s;
  });
}

double dram_per_bank_refresh_energy_j(const DramPowerParams& p) {
  return over_rails(p, [&](const DramRailCurrents& r) {
    if (r.idd5pb_a <= 0) return std::max(0.0, r.idd5_a - r.idd3n_a) * p.trfcpb_s;
    if (p.trefipb_s <= p.trfcpb_s) return std::max(0.0, r.idd5pb_a - r.idd3n_a) * p.trfcpb_s;
    // JESD209-4 measures IDD5PB as the average current while per-bank refreshes repeat every
    // tREFIpb (the rest of the interval in precharge standby), as DRAMPower prices it: one
    // refresh is what that interval draws beyond IDD2N outside and IDD3N during tRFCpb.
    return std::max(0.0, r.idd5pb_a * p.trefipb_s - r.idd2n_a * (p.trefipb_s - p.trfcpb_s) -
                             r.idd3n_a * p.trfcpb_s);
  });
}

EnergyBreakdown dram_energy_of(const DramCounters& c, const DramPowerParams& p) {
  EnergyBreakdown e;
  e.dram_dyn_j = static_cast<double>(c.commands.act) * dram_act_energy_j(p) +
                 static_cast<double>(c.commands.pre) * dram_pre_energy_j(p) +
                 static_cast<double>(c.commands.rd) * dram_read_energy_j(p) +
                 static_cast<double>(c.commands.wr) * dram_write_energy_j(p) +
                 static_cast<double>(c.data_bytes) * 8.0 * p.io_pj_per_bit * 1e-12;
  const auto& s = c.states;
  e.dram_static_j = over_rails(p, [&](const DramRailCurrents& r) {
                      return r.idd3n_a * s.act_standby_s + r.idd2n_a * s.pre_standby_s +
                             r.idd3p_a * s.act_powerdown_s + r.idd2p_a * s.pre_powerdown_s +
                             r.idd6_a * s.self_refresh_s;
                    }) +
                    static_cast<double>(c.commands.ref) * dram_refresh_energy_j(p) +
                    static_cast<double>(c.commands.refpb) * dram_per_bank_refresh_energy_j(p);
  return e;
}

double dram_background_energy_j(const DramStateTimes& states, uint64_t refreshes,
                                const DramPowerParams& p) {
  DramCounters dc;
  dc.states = states;
  (p.per_bank_refresh ? dc.commands.refpb : dc.commands.ref) = refreshes;
  return dram_energy_of(dc, p).dram_static_j;
}

}  // namespace blsim
