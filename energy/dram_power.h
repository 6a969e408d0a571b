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
};

struct DramPowerParams {
  DramRailCurrents rail[2];  // VDD1, VDD2
  int devices_per_rank = 1;  // devices that take part in every command of a rank
  double tck_s = 0;          // clock period
  int burst_length = 8;      // beats per burst (data rate 2: BL/2 clocks on the bus)
  double tras_s = 0;         // ACT to PRE
  double trp_s = 0;          // PRE to ACT (tRC = tRAS + tRP)
  double trfc_s = 0;         // all-bank refresh cycle
  double io_pj_per_bit = 0;  // interface energy per data bit moved (both ends of the link)
};

struct DramCommandCounts {
  uint64_t act = 0;
  uint64_t pre = 0;
  uint64_t rd = 0;   // read bursts
  uint64_t wr = 0;   // write bursts
  uint64_t ref = 0;  // all-bank refreshes (counted per rank)

  DramCommandCounts& operator+=(const DramCommandCounts& o) {
    act += o.act;
    pre += o.pre;
    rd += o.rd;
    wr += o.wr;
    ref += o.ref;
    return *this;
  }
};

// Rank-seconds spent in each background state (summed over every rank of every channel).
struct DramStateTimes {
  double act_standby_s = 0;
  double pre_standby_s = 0;
  double act_powerdown_s = 0;
  double pre_powerdown_s = 0;

  double total_s() const { return act_standby_s + pre_standby_s + act_powerdown_s + pre_powerdown_s; }
  DramStateTimes& operator+=(const DramStateTimes& o) {
    act_standby_s += o.act_standby_s;
    pre_standby_s += o.pre_standby_s;
    act_powerdown_s += o.act_powerdown_s;
    pre_powerdown_s += o.pre_powerdown_s;
    return *this;
  }
};

struct DramCounters {
  DramCommandCounts commands;
  uint64_t data_bytes = 0;  // bytes moved over the data bus (read + write)
  DramStateTimes states;
};

// Energy of one command of each kind, for the whole rank (devices_per_rank devices).
double dram_act_energy_j(const DramPowerParams& p);    // ACT and its PRE
double dram_read_energy_j(const DramPowerParams& p);   // one read burst
double dram_write_energy_j(const DramPowerParams& p);  // one write burst
double dram_refresh_energy_j(const DramPowerParams& p);

// dram_dyn_j: ACT/PRE, bursts and I/O; dram_static_j: background states and refresh.
EnergyBreakdown dram_energy_of(const DramCounters& c, const DramPowerParams& p);

// DRAM background and refresh energy of a state record (no command energy).
double dram_background_energy_j(const DramStateTimes& states, uint64_t refreshes,
                                const DramPowerParams& p);

}  // namespace blsim
