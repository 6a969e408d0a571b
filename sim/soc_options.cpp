// SPDX-License-Identifier: MIT
// Configuration keys of the SoC model. Hardware values have no built-in default: the preset
// (configs/soc/*.ini, loaded as the base layer) and its memspec (configs/dram/*.ini, named by
// dram.memspec) give them, and soc_spec_from() reports any that is still missing.
#include "sim/command_line.h"

namespace blsim {
namespace {

void declare_cluster(OptionTable& t, const std::string& c, const std::string& what) {
  const std::string p = c + ".";
  t.text(p + "core", "", "core type of the " + what + " cluster (for reports)")
      .integer(p + "cores", "", "", "cores in the " + what + " cluster", Bound::kPositive)
      .text(p + "opp_freqs_mhz", "", "DVFS table: comma-separated frequencies in MHz, ascending")
      .text(p + "opp_volts_v", "", "DVFS table: the voltage (V) of each frequency, same order")
      .real(p + "freq_mhz", "", "MHz", "active operating point: one of opp_freqs_mhz",
            Bound::kPositive)
      .real(p + "macs_per_cycle", "", "MAC/cycle", "peak fp32 multiply-accumulates per cycle per core",
            Bound::kPositive)
      .real(p + "eff_conv", "", "", "fraction of peak reached by dense convolutions", Bound::kFraction)
      .real(p + "eff_depthwise", "", "", "fraction of peak reached by depthwise convolutions",
            Bound::kFraction)
      .real(p + "eff_gemm", "", "", "fraction of peak reached by Gemm/MatMul", Bound::kFraction)
      .real(p + "eff_pool", "", "", "fraction of peak reached by pooling", Bound::kFraction)
      .real(p + "eff_eltwise", "", "", "fraction of peak reached by element-wise ops",
            Bound::kFraction)
      .real(p + "eff_softmax", "", "", "fraction of peak reached by softmax", Bound::kFraction)
      .real(p + "eff_datamove", "", "", "fraction of one element per MAC slot reached by copies",
            Bound::kFraction)
      .real(p + "parallel_efficiency", "", "", "fraction of a core each core beyond the first adds",
            Bound::kFraction)
      .integer(p + "l2_bytes", "", "B", "L2 capacity of the cluster", Bound::kPositive)
      .real(p + "l2_pj_per_byte", "", "pJ/B", "L2 access energy per byte", Bound::kNonNegative)
      .real(p + "dyn_coeff_uw_per_mhz_v2", "", "uW/MHz/V^2",
            "dynamic power coefficient C of one core (P = C V^2 f)", Bound::kPositive)
      .real(p + "core_leak_mw_at_1v", "", "mW", "leakage of one powered core at 1 V",
            Bound::kNonNegative)
      .real(p + "uncore_leak_mw_at_1v", "", "mW", "leakage of the cluster's L2 and logic at 1 V",
            Bound::kNonNegative)
      .real(p + "leak_v_exponent", "", "", "leakage scales as V^k", Bound::kNonNegative)
      .real(p + "stall_activity", "", "", "fraction of dynamic power while waiting on memory",
            Bound::kFraction)
      .real(p + "wake_idle_us", "", "us", "wake-up latency from clock-gated idle", Bound::kNonNegative)
      .real(p + "wake_idle_uj", "", "uJ", "wake-up energy from clock-gated idle", Bound::kNonNegative)
      .real(p + "wake_off_us", "", "us", "wake-up latency from power-gated off", Bound::kNonNegative)
      .real(p + "wake_off_uj", "", "uJ", "wake-up energy from power-gated off", Bound::kNonNegative)
      .real(p + "dvfs_latency_us", "", "us",
            "latency of a frequency change (the parked state pays it to wake)", Bound::kNonNegative)
      .real(p + "volt_ramp_mv_per_us", "", "mV/us",
            "slew rate of the cluster's supply rail (a parked cluster ramps up from the lowest "
            "operating point's voltage)",
            Bound::kPositive);
}

void declare_dram_rail(OptionTable& t, int rail) {
  const std::string r = std::to_string(rail);
  const std::string p = "dram.";
  t.real(p + "vdd" + r + "_v", "", "V", "supply voltage of rail VDD" + r, Bound::kPositive);
  const char* currents[][2] = {
      {"idd0", "one-bank ACT-PRE current"},        {"idd2n", "precharge standby current"},
      {"idd2p", "precharge power-down current"},   {"idd3n", "active standby current"},
      {"idd3p", "active power-down current"},      {"idd4r", "burst read current"},
      {"idd4w", "burst write current"},            {"idd5", "all-bank refresh current"}};
  for (const auto& c : currents) {
    t.real(p + c[0] + "_" + r + "_ma", "", "mA",
           std::string(c[1]) + " of one device on VDD" + r, Bound::kNonNegative);
  }
}

}  // namespace

void declare_soc_options(OptionTable& t) {
  t.text("soc.name", "", "name of the SoC preset (for reports)")
      .integer("soc.tile_bytes", "65536", "B",
               "largest DRAM transfer of one tile (double-buffered in L2)", Bound::kPositive)
      .real("soc.quantum_ns", "1000", "ns", "loosely-timed quantum of each cluster",
            Bound::kPositive);
  declare_cluster(t, "big", "big");
  declare_cluster(t, "little", "little");
  t.real("noc.bandwidth_gb_per_s", "", "GB/s", "interconnect bandwidth shared by both clusters",
         Bound::kPositive)
      .real("noc.latency_ns", "", "ns", "latency the interconnect adds to each transaction",
            Bound::kNonNegative)
      .real("noc.energy_pj_per_byte", "", "pJ/B", "interconnect energy per byte moved",
            Bound::kNonNegative);
  // System-level DRAM choices (the preset) ...
  t.path("dram.memspec", "", "memspec INI of the DRAM device (relative to the file that sets it)")
      .integer("dram.channels", "", "", "DRAM channels", Bound::kPositive)
      .integer("dram.ranks", "", "", "ranks per channel", Bound::kPositive)
      .real("dram.powerdown_idle_ns", "", "ns", "idle time after which a rank powers down",
            Bound::kNonNegative)
      .real("dram.io_pj_per_bit", "", "pJ/bit", "interface energy per data bit (PHY and pins)",
            Bound::kNonNegative);
  // ... and the device itself (the memspec).
  t.text("dram.type", "", "DRAM standard and speed grade, e.g. LPDDR3-1866")
      .real("dram.data_rate_mtps", "", "MT/s", "data rate per pin", Bound::kPositive)
      .integer("dram.device_width_bits", "", "bit", "data width of one device", Bound::kPositive)
      .integer("dram.devices_per_rank", "", "", "devices side by side on one channel",
               Bound::kPositive)
      .integer("dram.banks", "", "", "banks per rank", Bound::kPositive)
      .integer("dram.rows", "", "", "rows per bank", Bound::kPositive)
      .integer("dram.columns", "", "", "columns per row", Bound::kPositive)
      .integer("dram.burst_length", "", "beats", "burst length", Bound::kPositive)
      .integer("dram.cl_ck", "", "tCK", "read latency RL", Bound::kPositive)
      .integer("dram.wl_ck", "", "tCK", "write latency WL", Bound::kPositive)
      .integer("dram.tccd_ck", "", "tCK", "column-to-column delay tCCD", Bound::kPositive)
      .real("dram.trcd_ns", "", "ns", "ACT to column command tRCD", Bound::kPositive)
      .real("dram.trp_ns", "", "ns", "precharge period tRP", Bound::kPositive)
      .real("dram.tras_ns", "", "ns", "ACT to PRE minimum tRAS", Bound::kPositive)
      .real("dram.twr_ns", "", "ns", "write recovery tWR", Bound::kPositive)
      .real("dram.trfc_ns", "", "ns", "all-bank refresh cycle tRFCab", Bound::kPositive)
      .real("dram.trefi_ns", "", "ns", "average refresh interval tREFI", Bound::kPositive);
  declare_dram_rail(t, 1);
  declare_dram_rail(t, 2);
}

}  // namespace blsim
