// SPDX-License-Identifier: MIT
// The [dram] keys, each declared once beside the field it fills (config_fields.h): the system's
// choices the SoC preset makes (channels, ranks, power-down, refresh mode), the device keys its
// memspec (configs/dram/*.ini, named by dram.memspec) gives, and the controller's queues.
// with_memspec() layers the memspec under the config; dram_from() checks the device's timings.
#include "sim/dram_config.h"

#include <set>
#include <string>

#include "common/regular_file.h"
#include "common/user_error.h"
#include "sim/command_line.h"
#include "sim/config_fields.h"

namespace blsim {
namespace {

// Keys of the preset that live under dram. but describe the system, not the device.
const std::set<std::string>& system_dram_keys() {
  static const std::set<std::string> keys = {
      "dram.memspec",         "dram.channels",        "dram.ranks",
      "dram.powerdown_idle_ns", "dram.io_pj_per_bit", "dram.selfrefresh_idle_ns",
      "dram.per_bank_refresh"};
  return keys;
}

bool is_memspec_key(const std::string& key) {
  return key.rfind("dram.", 0) == 0 && system_dram_keys().count(key) == 0;
}

template <typename V>
void dram_rail_fields(V& v, DramRailCurrents& c, int rail) {
  // Keys carry the rail number: vdd1_v, idd0_1_ma, ...; names must outlive the Key structs.
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (int r = 1; r <= 2; ++r) {
      const std::string s = std::to_string(r);
      for (const char* base :
           {"idd0", "idd2n", "idd2p", "idd3n", "idd3p", "idd4r", "idd4w", "idd5", "idd5pb", "idd6"}) {
        n.push_back(std::string(base) + "_" + s + "_ma");
      }
      n.push_back("vdd" + s + "_v");
    }
    return n;
  }();
  static const std::vector<std::string> helps = [] {
    std::vector<std::string> h;
    for (int r = 1; r <= 2; ++r) {
      const std::string s = " of one device on VDD" + std::to_string(r);
      for (const char* what : {"one-bank ACT-PRE current", "precharge standby current",
                               "precharge power-down current", "active standby current",
                               "active power-down current", "burst read current",
                               "burst write current", "all-bank refresh current",
                               "per-bank refresh current", "self-refresh current"}) {
        h.push_back(what + s);
      }
      h.push_back("supply voltage of rail VDD" + std::to_string(r));
    }
    return h;
  }();
  constexpr size_t kCurrents = 10;
  const size_t b = static_cast<size_t>(rail - 1) * (kCurrents + 1);
  v.real({names[b + kCurrents].c_str(), "V", helps[b + kCurrents].c_str(), Bound::kPositive, 5},
         c.vdd_v);
  double* currents[kCurrents] = {&c.idd0_a,  &c.idd2n_a, &c.idd2p_a, &c.idd3n_a,  &c.idd3p_a,
                                 &c.idd4r_a, &c.idd4w_a, &c.idd5_a,  &c.idd5pb_a, &c.idd6_a};
  for (size_t i = 0; i < kCurrents; ++i) {
    v.real({names[b + i].c_str(), "mA", helps[b + i].c_str(), Bound::kNonNegative, 1e4, 1e-3},
           *currents[i]);
  }
}

template <typename V>
void dram_fields(V& v, DramSpec& d) {
  DramPowerParams& p = d.power;
  // System-level DRAM choices (the preset) ...
  v.integer({"channels", "", "DRAM channels", Bound::kPositive, 64}, d.channels);
  v.integer({"ranks", "", "ranks per channel", Bound::kPositive, 16}, d.ranks);
  v.real({"powerdown_idle_ns", "ns", "idle time after which a rank powers down",
          Bound::kNonNegative, 1e9, 1e-9},
         d.powerdown_idle_s);
  v.real({"io_pj_per_bit", "pJ/bit", "interface energy per data bit (PHY and pins)",
          Bound::kNonNegative, 1e3},
         p.io_pj_per_bit);
  v.flag({"per_bank_refresh", "", "refresh bank by bank (REFpb) instead of all banks at once"},
         p.per_bank_refresh);
  // ... and the device itself (the memspec).
  v.text({"type", "", "DRAM standard and speed grade, e.g. LPDDR3-1866"}, d.type);
  v.real({"data_rate_mtps", "MT/s", "data rate per pin", Bound::kPositive, 1e5}, d.data_rate_mtps);
  v.integer({"device_width_bits", "bit", "data width of one device", Bound::kPositive, 1024},
            d.device_width_bits);
  v.integer({"devices_per_rank", "", "devices side by side on one channel", Bound::kPositive, 64},
            p.devices_per_rank);
  v.integer({"banks", "", "banks per rank", Bound::kPositive, 1024}, d.banks);
  v.integer({"rows", "", "rows per bank", Bound::kPositive, 1 << 24}, d.rows);
  v.integer({"columns", "", "columns per row", Bound::kPositive, 1 << 20}, d.columns);
  v.integer({"burst_length", "beats", "burst length", Bound::kPositive, 1024}, p.burst_length);
  v.integer({"cl_ck", "tCK", "read latency RL", Bound::kPositive, 1000}, d.cl_ck);
  v.integer({"wl_ck", "tCK", "write latency WL", Bound::kPositive, 1000}, d.wl_ck);
  v.integer({"tccd_ck", "tCK", "column-to-column delay tCCD", Bound::kPositive, 1000}, d.tccd_ck);
  v.real({"trcd_ns", "ns", "ACT to column command tRCD", Bound::kPositive, 1e6, 1e-9}, d.trcd_s);
  v.real({"trp_ns", "ns", "precharge period tRP", Bound::kPositive, 1e6, 1e-9}, p.trp_s);
  v.real({"tras_ns", "ns", "ACT to PRE minimum tRAS", Bound::kPositive, 1e6, 1e-9}, p.tras_s);
  v.real({"twr_ns", "ns", "write recovery tWR", Bound::kPositive, 1e6, 1e-9}, d.twr_s);
  v.real({"trfc_ns", "ns", "all-bank refresh cycle tRFCab", Bound::kPositive, 1e6, 1e-9}, p.trfc_s);
  v.real({"trefi_ns", "ns", "average refresh interval tREFI", Bound::kPositive, 1e9, 1e-9},
         d.trefi_s);
  v.real({"trfcpb_ns", "ns", "per-bank refresh cycle tRFCpb (0: no per-bank refresh)",
          Bound::kNonNegative, 1e6, 1e-9},
         p.trfcpb_s);
  v.real({"trtp_ns", "ns", "READ to PRE tRTP", Bound::kNonNegative, 1e6, 1e-9}, d.trtp_s);
  v.real({"trrd_ns", "ns", "ACT to ACT of another bank tRRD", Bound::kNonNegative, 1e6, 1e-9},
         d.trrd_s);
  v.real({"tfaw_ns", "ns", "four-activate window tFAW", Bound::kNonNegative, 1e6, 1e-9}, d.tfaw_s);
  v.real({"twtr_ns", "ns", "write to read turnaround tWTR", Bound::kNonNegative, 1e6, 1e-9},
         d.twtr_s);
  v.real({"txp_ns", "ns", "power-down exit tXP", Bound::kNonNegative, 1e6, 1e-9}, d.txp_s);
  v.real({"txsr_ns", "ns", "self-refresh exit tXSR", Bound::kNonNegative, 1e6, 1e-9}, d.txsr_s);
  v.integer({"cmd_ck", "tCK", "clocks one command holds the command bus", Bound::kPositive, 64},
            d.cmd_ck);
  dram_rail_fields(v, p.rail[0], 1);
  dram_rail_fields(v, p.rail[1], 2);
}

}  // namespace

void declare_dram_options(OptionTable& t) {
  t.path("dram.memspec", "", "memspec INI of the DRAM device (relative to the file that sets it)");
  declare_fields<DramSpec>(t, "dram.", true, [](auto& v, auto& s) { dram_fields(v, s); });
  t.real("dram.selfrefresh_idle_ns", "0", "ns",
         "idle time after which a rank enters self-refresh (0: never)", Bound::kNonNegative)
      .at_most(1e12);
  t.integer("dram.banks_per_refresh", "1", "banks",
            "banks one per-bank refresh command refreshes together: bank b with b + banks / n, "
            "... (LPDDR5 in 16-bank mode: 2, a bank pair)",
            Bound::kPositive)
      .at_most(1024);
  t.integer("dram.queue_bursts", "64", "bursts",
            "bursts per channel the controller's request queue holds (a request enters when one "
            "of its bursts finishes; estimate: 2 KiB of 32-byte bursts)",
            Bound::kPositive)
      .at_most(1 << 20);
  t.integer("dram.write_queue_high_bursts", "0", "bursts",
            "queued write bursts per channel at which the controller drains writes ahead of "
            "reads (0: writes are not queued)",
            Bound::kNonNegative)
      .at_most(1 << 20);
  t.integer("dram.write_queue_low_bursts", "0", "bursts",
            "queued write bursts per channel at which a drain stops", Bound::kNonNegative)
      .at_most(1 << 20);
}

Config with_memspec(const Config& cfg) {
  if (!cfg.is_set("dram.memspec") || cfg.text("dram.memspec").empty()) return cfg;
  const std::string path = cfg.path("dram.memspec");
  try {
    require_regular_file(path, "memspec file", 1 << 20);
  } catch (const UserError& e) {
    cfg.fail("dram.memspec", e.what());
  }
  OptionTable soc_keys;
  declare_soc_options(soc_keys);
  const Config memspec = load_config(soc_keys, {path}, {}, blsim_home());
  Config out = cfg;
  for (const auto& spec : soc_keys.specs()) {
    if (!memspec.is_set(spec.key) || memspec.origin(spec.key) == "default") continue;
    if (!is_memspec_key(spec.key)) {
      memspec.fail(spec.key, "does not belong in a memspec (set it in the SoC preset)");
    }
    if (cfg.origin(spec.key) == "default") {
      out.set(soc_keys, spec.key, memspec.text(spec.key), memspec.origin(spec.key));
    }
  }
  return out;
}

DramSpec dram_from(const Config& cfg) {
  DramSpec d = read_fields<DramSpec>(cfg, "dram.", [](auto& v, auto& s) { dram_fields(v, s); });
  DramPowerParams& p = d.power;
  p.tck_s = 2.0 / (d.data_rate_mtps * 1e6);  // double data rate: two transfers per clock
  if (p.burst_length % 2 != 0) cfg.fail("dram.burst_length", "must be even (double data rate)");
  if (d.columns % p.burst_length != 0) {
    cfg.fail("dram.columns", "is not a multiple of dram.burst_length (" +
                                 std::to_string(p.burst_length) + "): a row must hold whole bursts");
  }
  if (p.tras_s < d.trcd_s) cfg.fail("dram.tras_ns", "is shorter than dram.trcd_ns");
  if (d.trefi_s <= p.trfc_s) cfg.fail("dram.trefi_ns", "must exceed dram.trfc_ns");
  if (p.per_bank_refresh && p.trfcpb_s <= 0) {
    cfg.fail("dram.per_bank_refresh", "the memspec has no per-bank refresh (dram.trfcpb_ns = 0)");
  }
  p.banks_per_refresh = static_cast<int>(cfg.integer("dram.banks_per_refresh"));
  if (d.banks % p.banks_per_refresh != 0) {
    cfg.fail("dram.banks_per_refresh", "does not divide dram.banks (" + std::to_string(d.banks) + ")");
  }
  const int refresh_groups = d.banks / p.banks_per_refresh;  // per-bank refreshes a round
  if (p.per_bank_refresh && d.trefi_s / refresh_groups <= p.trfcpb_s) {
    cfg.fail("dram.trfcpb_ns",
             "must be shorter than dram.trefi_ns / (dram.banks / dram.banks_per_refresh)");
  }
  p.trefipb_s = d.trefi_s / refresh_groups;
  d.selfrefresh_idle_s = cfg.real("dram.selfrefresh_idle_ns") * 1e-9;
  d.queue_bursts = static_cast<int>(cfg.integer("dram.queue_bursts"));
  d.write_queue_high_bursts = static_cast<int>(cfg.integer("dram.write_queue_high_bursts"));
  d.write_queue_low_bursts = static_cast<int>(cfg.integer("dram.write_queue_low_bursts"));
  if (d.write_queue_low_bursts > d.write_queue_high_bursts) {
    cfg.fail("dram.write_queue_low_bursts", "exceeds dram.write_queue_high_bursts");
  }
  return d;
}

}  // namespace blsim
