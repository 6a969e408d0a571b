// SPDX-License-Identifier: MIT
#include "sim/soc_config.h"

#include <cmath>
#include <filesystem>
#include <limits>
#include <set>
#include <sstream>

#include "sim/command_line.h"
#include "common/user_error.h"

namespace blsim {
namespace {

// Keys of the preset that live under dram. but describe the system, not the device.
const std::set<std::string>& system_dram_keys() {
  static const std::set<std::string> keys = {"dram.memspec", "dram.channels", "dram.ranks",
                                             "dram.powerdown_idle_ns", "dram.io_pj_per_bit"};
  return keys;
}

bool is_memspec_key(const std::string& key) {
  return key.rfind("dram.", 0) == 0 && system_dram_keys().count(key) == 0;
}

// Typed reads that refuse a key nobody set (hardware keys have no built-in default).
class Reader {
 public:
  explicit Reader(const Config& cfg) : cfg_(cfg) {}

  const std::string& text(const std::string& key) const {
    require(key);
    return cfg_.text(key);
  }
  double real(const std::string& key) const {
    require(key);
    return cfg_.real(key);
  }
  int64_t integer(const std::string& key) const {
    require(key);
    return cfg_.integer(key);
  }
  // For fields held as int (counts, cycle latencies): a value that does not fit is refused, not
  // wrapped (2^32 beats would become a burst of 0).
  int int_value(const std::string& key) const {
    const int64_t v = integer(key);
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) {
      cfg_.fail(key, "is out of range (at most " +
                         std::to_string(std::numeric_limits<int>::max()) + ")");
    }
    return static_cast<int>(v);
  }
  std::vector<double> list(const std::string& key) const {
    std::vector<double> values;
    std::stringstream in(text(key));
    std::string item;
    while (std::getline(in, item, ',')) {
      const auto b = item.find_first_not_of(" \t");
      const auto e = item.find_last_not_of(" \t");
      item = b == std::string::npos ? "" : item.substr(b, e - b + 1);
      char* end = nullptr;
      const double v = std::strtod(item.c_str(), &end);
      if (item.empty() || end != item.c_str() + item.size() || !std::isfinite(v) || v <= 0) {
        cfg_.fail(key, "expected a comma-separated list of positive numbers, got \"" + item + "\"");
      }
      values.push_back(v);
    }
    if (values.empty()) cfg_.fail(key, "the DVFS table is empty");
    return values;
  }
  [[noreturn]] void fail(const std::string& key, const std::string& what) const {
    cfg_.fail(key, what);
  }

 private:
  void require(const std::string& key) const {
    if (!cfg_.is_set(key) || cfg_.text(key).empty()) {
      cfg_.fail(key, "no value given (the SoC preset or its memspec must set it, or use --set " +
                         key + "=...)");
    }
  }
  const Config& cfg_;
};

ClusterSpec cluster_from(const Reader& r, const std::string& c) {
  const std::string p = c + ".";
  ClusterSpec s;
  s.core = r.text(p + "core");
  s.cores = r.int_value(p + "cores");
  const auto freqs = r.list(p + "opp_freqs_mhz");
  const auto volts = r.list(p + "opp_volts_v");
  if (volts.size() != freqs.size()) {
    r.fail(p + "opp_volts_v", "has " + std::to_string(volts.size()) + " voltages for " +
                                  std::to_string(freqs.size()) + " frequencies in " + p +
                                  "opp_freqs_mhz");
  }
  for (size_t i = 0; i < freqs.size(); ++i) {
    if (i > 0 && freqs[i] <= freqs[i - 1]) {
      r.fail(p + "opp_freqs_mhz", "frequencies must ascend");
    }
    s.opps.push_back(OperatingPoint{freqs[i], volts[i]});
  }
  const double active_mhz = r.real(p + "freq_mhz");
  bool found = false;
  for (size_t i = 0; i < freqs.size(); ++i) {
    if (std::fabs(freqs[i] - active_mhz) < 1e-6) {
      s.active_opp = i;
      found = true;
    }
  }
  if (!found) {
    r.fail(p + "freq_mhz", "is not an operating point of " + p + "opp_freqs_mhz (" +
                               r.text(p + "opp_freqs_mhz") + ")");
  }
  s.macs_per_cycle = r.real(p + "macs_per_cycle");
  const std::pair<OpKind, const char*> effs[] = {
      {OpKind::kConv, "eff_conv"},       {OpKind::kDepthwise, "eff_depthwise"},
      {OpKind::kGemm, "eff_gemm"},       {OpKind::kPool, "eff_pool"},
      {OpKind::kEltwise, "eff_eltwise"}, {OpKind::kSoftmax, "eff_softmax"},
      {OpKind::kDataMove, "eff_datamove"}};
  s.efficiency.fill(1.0);  // kFree does no work; its efficiency is never used
  for (const auto& [kind, key] : effs) {
    const double e = r.real(p + key);
    if (e <= 0) r.fail(p + key, "must be above 0 (a kernel that never finishes)");
    s.efficiency[static_cast<size_t>(kind)] = e;
  }
  s.parallel_efficiency = r.real(p + "parallel_efficiency");
  s.l2_bytes = static_cast<uint64_t>(r.integer(p + "l2_bytes"));
  s.power.l2_pj_per_byte = r.real(p + "l2_pj_per_byte");
  s.power.dyn_coeff_uw_per_mhz_v2 = r.real(p + "dyn_coeff_uw_per_mhz_v2");
  s.power.core_leak_w_at_1v = r.real(p + "core_leak_mw_at_1v") * 1e-3;
  s.power.uncore_leak_w_at_1v = r.real(p + "uncore_leak_mw_at_1v") * 1e-3;
  s.power.leak_v_exponent = r.real(p + "leak_v_exponent");
  s.power.stall_activity = r.real(p + "stall_activity");
  s.wake_idle_s = r.real(p + "wake_idle_us") * 1e-6;
  s.wake_idle_j = r.real(p + "wake_idle_uj") * 1e-6;
  s.wake_off_s = r.real(p + "wake_off_us") * 1e-6;
  s.wake_off_j = r.real(p + "wake_off_uj") * 1e-6;
  s.dvfs_latency_s = r.real(p + "dvfs_latency_us") * 1e-6;
  s.volt_ramp_v_per_s = r.real(p + "volt_ramp_mv_per_us") * 1e3;  // mV/us = 1e3 V/s
  return s;
}

DramRailCurrents rail_from(const Reader& r, int rail) {
  const std::string n = std::to_string(rail);
  auto amps = [&](const char* name) { return r.real(std::string("dram.") + name + "_" + n + "_ma") * 1e-3; };
  DramRailCurrents c;
  c.vdd_v = r.real("dram.vdd" + n + "_v");
  c.idd0_a = amps("idd0");
  c.idd2n_a = amps("idd2n");
  c.idd2p_a = amps("idd2p");
  c.idd3n_a = amps("idd3n");
  c.idd3p_a = amps("idd3p");
  c.idd4r_a = amps("idd4r");
  c.idd4w_a = amps("idd4w");
  c.idd5_a = amps("idd5");
  return c;
}

DramSpec dram_from(const Reader& r) {
  DramSpec d;
  d.type = r.text("dram.type");
  d.data_rate_mtps = r.real("dram.data_rate_mtps");
  d.channels = r.int_value("dram.channels");
  d.ranks = r.int_value("dram.ranks");
  d.banks = r.int_value("dram.banks");
  d.rows = r.integer("dram.rows");
  d.columns = r.integer("dram.columns");
  d.device_width_bits = r.int_value("dram.device_width_bits");
  d.cl_ck = r.int_value("dram.cl_ck");
  d.wl_ck = r.int_value("dram.wl_ck");
  d.tccd_ck = r.int_value("dram.tccd_ck");
  d.trcd_s = r.real("dram.trcd_ns") * 1e-9;
  d.twr_s = r.real("dram.twr_ns") * 1e-9;
  d.trefi_s = r.real("dram.trefi_ns") * 1e-9;
  d.powerdown_idle_s = r.real("dram.powerdown_idle_ns") * 1e-9;
  DramPowerParams& p = d.power;
  p.rail[0] = rail_from(r, 1);
  p.rail[1] = rail_from(r, 2);
  p.devices_per_rank = r.int_value("dram.devices_per_rank");
  p.tck_s = 2.0 / (d.data_rate_mtps * 1e6);  // double data rate: two transfers per clock
  p.burst_length = r.int_value("dram.burst_length");
  p.tras_s = r.real("dram.tras_ns") * 1e-9;
  p.trp_s = r.real("dram.trp_ns") * 1e-9;
  p.trfc_s = r.real("dram.trfc_ns") * 1e-9;
  p.io_pj_per_bit = r.real("dram.io_pj_per_bit");

  if (p.burst_length % 2 != 0) r.fail("dram.burst_length", "must be even (double data rate)");
  if (d.columns % p.burst_length != 0) {
    r.fail("dram.columns", "is not a multiple of dram.burst_length (" +
                               std::to_string(p.burst_length) + "): a row must hold whole bursts");
  }
  if (p.tras_s < d.trcd_s) r.fail("dram.tras_ns", "is shorter than dram.trcd_ns");
  if (d.trefi_s <= p.trfc_s) r.fail("dram.trefi_ns", "must exceed dram.trfc_ns");
  return d;
}

}  // namespace

std::string default_soc_preset() {
  return (std::filesystem::path(blsim_home()) / "configs" / "soc" / "exynos5422.ini").string();
}

Config with_memspec(const Config& cfg) {
  if (!cfg.is_set("dram.memspec") || cfg.text("dram.memspec").empty()) return cfg;
  const std::string path = cfg.path("dram.memspec");
  if (!std::filesystem::is_regular_file(path)) {
    cfg.fail("dram.memspec", "cannot open memspec file " + path);
  }
  OptionTable soc_keys;
  declare_soc_options(soc_keys);
  const Config memspec = load_config(soc_keys, {path}, {}, blsim_home());
  Config out = cfg;
  for (const auto& spec : soc_keys.specs()) {
    if (memspec.origin(spec.key) == "default") continue;
    if (!is_memspec_key(spec.key)) {
      memspec.fail(spec.key, "does not belong in a memspec (set it in the SoC preset)");
    }
    if (cfg.origin(spec.key) == "default") {
      out.set(soc_keys, spec.key, memspec.text(spec.key), memspec.origin(spec.key));
    }
  }
  return out;
}

SocSpec soc_spec_from(const Config& raw) {
  const Config cfg = with_memspec(raw);
  const Reader r(cfg);
  if (!cfg.is_set("dram.memspec") || cfg.text("dram.memspec").empty()) {
    cfg.fail("dram.memspec",
             "no SoC preset loaded (use --config configs/soc/exynos5422.ini or gs101.ini)");
  }
  SocSpec s;
  s.name = r.text("soc.name");
  s.big = cluster_from(r, "big");
  s.little = cluster_from(r, "little");
  s.noc.bandwidth_bytes_per_s = r.real("noc.bandwidth_gb_per_s") * 1e9;
  s.noc.latency_s = r.real("noc.latency_ns") * 1e-9;
  s.noc.energy_pj_per_byte = r.real("noc.energy_pj_per_byte");
  s.dram = dram_from(r);
  s.sim.tile_bytes = static_cast<uint64_t>(r.integer("soc.tile_bytes"));
  s.sim.quantum_s = r.real("soc.quantum_ns") * 1e-9;
  for (const char* c : {"big", "little"}) {
    if (2 * s.sim.tile_bytes > s.cluster(std::string(c) == "big" ? ClusterId::kBig
                                                                  : ClusterId::kLittle)
                                   .l2_bytes) {
      r.fail("soc.tile_bytes", std::string("two tiles (double buffering) do not fit in ") + c +
                                   ".l2_bytes");
    }
  }
  return s;
}

}  // namespace blsim
