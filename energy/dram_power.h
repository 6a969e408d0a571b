// SPDX-License-Identifier: MIT
// DRAM energy by the IDD method of DRAMPower / DRAMsim3 (Micron TN-41-01): per-command energies
// are the datasheet current above the standby baseline times voltage times the command's time;
// background is the standby / power-down current of each state times its residency.
// Two supply rails (LPDDR VDD1 and VDD2); off-chip I/O is an energy per data bit.
#pragma once

#include <cstdint>

#include "energy/energy_breakdown.h"

namespace blsim {

// Datasheet currents of one device on one supply rail, in amperes.
struct DramRailCurrents {
  double vdd_v = 0;
  double idd0_a = 0;   // one bank ACT-PRE cycling at tRC
  double idd2n_a = 0;  // precharge standby
  double idd2p_a = 0;  // precharge power-down
  double idd3n_a = 0;  // active standby
  double idd3p_a = 0;  // active power-down
  double idd4r_a = 0;  // burst read
  double idd4w_a = 0;  // burst write
  double idd5_a = 0;   // all-bank refresh
  double idd5pb_a = 0; // per-bank refresh (0: not given, per-bank refresh priced at idd5)
  double idd6_a = 0;   // self-refresh
};

struct DramPowerParams {
  DramRailCurrents rail[2];  // VDD1, VDD2
  int devices_per_rank = 1;  // devices that take part in every command of a rank
  double tck_s = 0;          // clock period
  int burst_length = 8;      // beats per burst (data rate 2: BL/2 clocks on the bus)
  double tras_s = 0;         // ACT to PRE
  double trp_s = 0;          // PRE to ACT (tRC = tRAS + tRP)
  double trfc_s = 0;         // all-bank refresh cycle
  double trfcpb_s = 0;       // per-bank refresh cycle (0: the device has no per-bank refresh)
  double trefipb_s = 0;      // per-bank refresh interval tREFI / (banks / banks_per_refresh),
                             // over which IDD5PB is an average (0: IDD5PB priced as a current
                             // during tRFCpb only)
  bool per_bank_refresh = false;  // the controller refreshes bank by bank (needs trfcpb_s)
  int banks_per_refresh = 1;  // banks one per-bank refresh refreshes together (b, b + banks / n, ...)
  double io_pj_per_bit = 0;  // interface energy per data bit moved (both ends of the link)
};

struct DramCommandCounts {
  uint64_t act = 0;
  uint64_t pre = 0;
  uint64_t rd = 0;   // read bursts
  uint64_t wr = 0;   // write bursts
  uint64_t ref = 0;  // all-bank refreshes (counted per rank)
  uint64_t refpb = 0;  // per-bank refreshes (counted per bank)

  DramCommandCounts& operator+=(const DramCommandCounts& o) {
    act += o.act;
    pre += o.pre;
    rd += o.rd;
    wr += o.wr;
    ref += o.ref;
    refpb += o.refpb;
    return *this;
  }
};

// Rank-seconds spent in each background state (summed over every rank of every channel).
struct DramStateTimes {
  double act_standby_s = 0;
  double pre_standby_s = 0;
  double act_powerdown_s = 0;
  double pre_powerdown_s = 0;
  double self_refresh_s = 0;  // in self-refresh (IDD6; the device refreshes itself)

  double total_s() const {
    return act_standby_s + pre_standby_s + act_powerdown_s + pre_powerdown_s + self_refresh_s;
  }
  DramStateTimes& operator+=(const DramStateTimes& o) {
    act_standby_s += o.act_standby_s;
    pre_standby_s += o.pre_standby_s;
    act_powerdown_s += o.act_powerdown_s;
    pre_powerdown_s += o.pre_powerdown_s;
    self_refresh_s += o.self_refresh_s;
    return *this;
  }
};

struct DramCounters {
  DramCommandCounts commands;
  uint64_t data_bytes = 0;  // bytes moved over the data bus (read + write)
  DramStateTimes states;
};

// Energy of one command of each kind, for the whole rank (devices_per_rank devices). IDD0 covers
// one ACT-PRE cycle; ACT gets (IDD0 - IDD3N) over tRAS and PRE (IDD0 - IDD2N) over tRP, so a PRE
// is billed only when one is issued.
double dram_act_energy_j(const DramPowerParams& p);
double dram_pre_energy_j(const DramPowerParams& p);
double dram_read_energy_j(const DramPowerParams& p);   // one read burst
double dram_write_energy_j(const DramPowerParams& p);  // one write burst
double dram_refresh_energy_j(const DramPowerParams& p);           // all-bank, above IDD3N
double dram_per_bank_refresh_energy_j(const DramPowerParams& p);  // one bank, above IDD3N

// dram_dyn_j: ACT/PRE, bursts and I/O; dram_static_j: background states and refresh.
EnergyBreakdown dram_energy_of(const DramCounters& c, const DramPowerParams& p);

// DRAM background and refresh energy of a state record (no command energy). `refreshes` are
// per-bank refreshes when p.per_bank_refresh, all-bank refreshes otherwise.
double dram_background_energy_j(const DramStateTimes& states, uint64_t refreshes,
                                const DramPowerParams& p);

}  // namespace blsim
