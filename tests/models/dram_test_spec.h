// SPDX-License-Identifier: MIT
// The LPDDR4-3200 device the DRAM timing tests derive their clocks by hand for.
#pragma once

#include <cstdint>

#include "models/soc_spec.h"

namespace blsim::dram_test {

constexpr double kNs = 1e-9;

// LPDDR4-3200 as configs/dram/lpddr4-3200.ini, in clocks of tCK = 0.625 ns: RL 28, WL 14,
// tCCD 8, BL16 (8 clocks of data, 32 B on a x16 channel), tRCD = tRP = tWR = 29, tRAS 68,
// tRTP 12, tRRD 16, tFAW 64, tWTR 16, tXP 12, tXSR 460, tRFCab 448, tRFCpb 224, tREFI 6246.
// One channel, one rank, 8 banks, 2 KiB rows: bank = (addr / 2048) % 8, row = addr / 16384.
// The command bus takes one command per clock unless a test says otherwise.
inline DramSpec lp4() {
  DramSpec d;
  d.type = "LPDDR4-3200";
  d.data_rate_mtps = 3200;
  d.banks = 8;
  d.rows = 49152;
  d.columns = 1024;
  d.device_width_bits = 16;
  d.cl_ck = 28;
  d.wl_ck = 14;
  d.tccd_ck = 8;
  const double ck = 0.625 * kNs;
  d.trcd_s = 29 * ck;
  d.twr_s = 29 * ck;
  d.trtp_s = 12 * ck;
  d.trrd_s = 16 * ck;
  d.tfaw_s = 64 * ck;
  d.twtr_s = 16 * ck;
  d.txp_s = 12 * ck;
  d.txsr_s = 460 * ck;
  d.cmd_ck = 1;
  d.trefi_s = 6246 * ck;
  d.powerdown_idle_s = 1000 * kNs;  // 1600 clocks
  d.power.tck_s = ck;
  d.power.burst_length = 16;
  d.power.tras_s = 68 * ck;
  d.power.trp_s = 29 * ck;
  d.power.trfc_s = 448 * ck;
  d.power.trfcpb_s = 224 * ck;
  d.power.rail[0] = DramRailCurrents{1.8, 0.0035, 0.002, 0.0012, 0.00225, 0.0012, 0.00225,
                                     0.00225, 0.010, 0.0025, 0.0006};
  d.power.rail[1] = DramRailCurrents{1.1, 0.045, 0.027, 0.003, 0.030, 0.009, 0.275, 0.210,
                                     0.090, 0.045, 0.0012};
  return d;
}

constexpr uint64_t kRow = 2048;
constexpr uint64_t kBankStride = kRow;      // next bank, same row index
constexpr uint64_t kRowStride = 8 * kRow;   // same bank, next row

}  // namespace blsim::dram_test
