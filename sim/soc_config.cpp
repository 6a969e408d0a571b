// SPDX-License-Identifier: MIT
// The SoC's configuration keys, each declared once beside the field it fills (config_fields.h):
// [soc] (the cluster and cache lists), one [cluster.NAME] per listed cluster, one [cache.NAME]
// per listed shared cache level, [noc], and [dram] (sim/dram_config.cpp). Hardware values have
// no built-in default: the preset (configs/soc/*.ini, loaded as the base layer) and its memspec
// (configs/dram/*.ini, named by dram.memspec) give them, and soc_spec_from() reports any that is
// still missing. Upper bounds keep every value in a physical range, so no report can overflow or
// turn non-finite.
#include "sim/soc_config.h"

#include <cmath>
#include <filesystem>
#include <set>

#include "models/shared_cache_timing.h"
#include "sim/command_line.h"
#include "sim/config_fields.h"

namespace blsim {
namespace {

// Names that the SoC's modules and the ledger already use.
const std::set<std::string>& reserved_names() {
  static const std::set<std::string> names = {"dram", "memory", "interconnect", "idle"};
  return names;
}

struct SocKeys {
  std::string name;
  std::vector<std::string> clusters;
  std::vector<std::string> caches;
  SimSpec sim{65536, 1000e-9};
};

template <typename V>
void soc_fields(V& v, SocKeys& s) {
  v.text({"name", "", "name of the SoC preset (for reports)"}, s.name);
  v.names({"clusters", "", "the compute clusters, in order; each has a [cluster.NAME] section",
           Bound::kPositive, static_cast<double>(kMaxClusters)},
          s.clusters);
  v.names({"caches", "",
           "shared cache levels between the clusters and DRAM, nearest first; each has a "
           "[cache.NAME] section (empty: none)",
           Bound::kAny, static_cast<double>(kMaxCacheLevels)},
          s.caches);
  v.integer({"tile_bytes", "B", "largest DRAM transfer of one tile (double-buffered in L2)",
             Bound::kPositive, 1ull << 30},
            s.sim.tile_bytes);
  v.real({"quantum_ns", "ns", "loosely-timed quantum of each cluster", Bound::kPositive, 1e9, 1e-9},
         s.sim.quantum_s);
}

// A cluster's keys; the OPP table is read as two lists and the active frequency, then checked.
struct ClusterKeys {
  ClusterSpec spec;
  std::vector<double> freqs_mhz, volts_v;
  double freq_mhz = 0;
};

template <typename V>
void cluster_fields(V& v, ClusterKeys& k) {
  ClusterSpec& c = k.spec;
  ClusterPowerParams& p = c.power;
  v.text({"core", "", "core type of the cluster (for reports)"}, c.core);
  v.integer({"cores", "", "cores in the cluster", Bound::kPositive, 64}, c.cores);
  v.reals({"opp_freqs_mhz", "MHz", "DVFS table: comma-separated frequencies, ascending",
           Bound::kPositive, 10000},
          k.freqs_mhz);
  v.reals({"opp_volts_v", "V", "DVFS table: the voltage of each frequency, same order, never "
           "falling as the frequency rises", Bound::kPositive, 5},
          k.volts_v);
  v.real({"freq_mhz", "MHz", "active operating point: one of opp_freqs_mhz", Bound::kPositive,
          10000},
         k.freq_mhz);
  v.real({"macs_per_cycle", "MAC/cycle", "peak fp32 multiply-accumulates per cycle per core",
          Bound::kPositive, 1024},
         c.macs_per_cycle);
  const struct {
    const char* key;
    const char* help;
    OpKind kind;
  } effs[] = {
      {"eff_conv", "fraction of peak reached by dense convolutions", OpKind::kConv},
      {"eff_depthwise", "fraction of peak reached by depthwise convolutions", OpKind::kDepthwise},
      {"eff_gemm", "fraction of peak reached by Gemm/MatMul", OpKind::kGemm},
      {"eff_pool", "fraction of peak reached by pooling", OpKind::kPool},
      {"eff_eltwise", "fraction of peak reached by element-wise ops", OpKind::kEltwise},
      {"eff_softmax", "fraction of peak reached by softmax", OpKind::kSoftmax},
      {"eff_datamove", "fraction of one element per MAC slot reached by copies",
       OpKind::kDataMove}};
  c.efficiency.fill(1.0);  // kFree does no work; its efficiency is never used
  for (const auto& e : effs) {
    v.real({e.key, "", e.help, Bound::kFraction}, c.efficiency[static_cast<size_t>(e.kind)]);
  }
  v.real({"parallel_efficiency", "", "fraction of a core each core beyond the first adds",
          Bound::kFraction},
         c.parallel_efficiency);
  v.integer({"gemm_mr", "", "rows of C (output pixels) the GEMM micro-kernel keeps in registers",
             Bound::kPositive, 64},
            c.gemm_mr);
  v.integer({"gemm_nr", "", "columns of C (output channels) the GEMM micro-kernel keeps in "
             "registers", Bound::kPositive, 64},
            c.gemm_nr);
  v.real({"gemm_k_overhead", "K steps", "fixed cost of one micro-kernel call (its C block's "
          "loads and stores), in steps of the K loop", Bound::kNonNegative, 1e4},
         c.gemm_k_overhead);
  v.real({"fork_join_us", "us", "cost of spreading one layer over more than one core",
          Bound::kNonNegative, 1e6, 1e-6},
         c.fork_join_s);
  v.real({"mshrs", "", "cache-line fills one core keeps in flight (memory-level parallelism)",
          Bound::kPositive, 1024},
         c.mshrs);
  v.integer({"line_bytes", "B", "cache line", Bound::kPositive, 4096}, c.line_bytes);
  v.real({"miss_path_ns", "ns", "cluster side of a line fill from memory (L1 and L2 misses, "
          "bridges to the interconnect)", Bound::kNonNegative, 1e6, 1e-9},
         c.miss_path_s);
  v.real({"port_gb_per_s", "GB/s", "bandwidth of the cluster's port to the interconnect",
          Bound::kPositive, 1e4, 1e9},
         c.port_bytes_per_s);
  v.real({"l2_bytes_per_cycle", "B/cycle", "L2 bandwidth of the whole cluster per core clock",
          Bound::kPositive, 1e4},
         c.l2_bytes_per_cycle);
  v.integer({"l2_bytes", "B", "L2 capacity of the cluster", Bound::kPositive, 1ull << 34},
            c.l2_bytes);
  v.real({"l2_pj_per_byte", "pJ/B", "L2 access energy per byte", Bound::kNonNegative, 1e4},
         p.l2_pj_per_byte);
  v.real({"dyn_coeff_uw_per_mhz_v2", "uW/MHz/V^2",
          "dynamic power coefficient C of one core (P = C V^2 f)", Bound::kPositive, 1e5},
         p.dyn_coeff_uw_per_mhz_v2);
  v.real({"core_leak_mw_at_1v", "mW", "leakage of one powered core at 1 V", Bound::kNonNegative,
          1e5, 1e-3},
         p.core_leak_w_at_1v);
  v.real({"uncore_leak_mw_at_1v", "mW", "leakage of the cluster's L2 and logic at 1 V",
          Bound::kNonNegative, 1e5, 1e-3},
         p.uncore_leak_w_at_1v);
  v.real({"leak_v_exponent", "", "leakage scales as V^k", Bound::kNonNegative, 10},
         p.leak_v_exponent);
  v.real({"leak_ref_c", "degC", "junction temperature at which the leakage keys hold",
          Bound::kAny, 200},
         p.leak_ref_c);
  v.real({"leak_doubling_k", "K", "leakage doubles every this many kelvin of junction "
          "temperature", Bound::kPositive, 1000},
         p.leak_doubling_k);
  v.real({"ambient_c", "degC", "temperature the cluster settles at when it dissipates nothing "
          "(and starts at)", Bound::kAny, 200},
         c.thermal.ambient_c);
  v.real({"thermal_r_k_per_w", "K/W", "thermal resistance from the cluster's junction to ambient",
          Bound::kNonNegative, 1e4},
         c.thermal.r_k_per_w);
  v.real({"thermal_c_j_per_k", "J/K", "heat capacity of the cluster's thermal node",
          Bound::kPositive, 1e6},
         c.thermal.c_j_per_k);
  v.real({"stall_activity", "", "fraction of dynamic power while waiting on memory",
          Bound::kFraction},
         p.stall_activity);
  v.real({"wake_idle_us", "us", "wake-up latency from clock-gated idle", Bound::kNonNegative,
          1e6, 1e-6},
         c.wake_idle_s);
  v.real({"wake_idle_uj", "uJ", "wake-up energy from clock-gated idle", Bound::kNonNegative,
          1e6, 1e-6},
         c.wake_idle_j);
  v.real({"wake_off_us", "us", "wake-up latency from power-gated off", Bound::kNonNegative, 1e6,
          1e-6},
         c.wake_off_s);
  v.real({"wake_off_uj", "uJ", "wake-up energy from power-gated off", Bound::kNonNegative, 1e6,
          1e-6},
         c.wake_off_j);
  v.real({"dvfs_latency_us", "us",
          "typical latency of a frequency change (the parked state pays it to wake)",
          Bound::kNonNegative, 1e6, 1e-6},
         c.dvfs_latency_s);
  v.real({"dvfs_latency_max_us", "us",
          "worst-case latency of a frequency change (the OPP table's transition bound)",
          Bound::kNonNegative, 1e6, 1e-6},
         c.dvfs_latency_max_s);
  v.real({"volt_ramp_mv_per_us", "mV/us",
          "slew rate of the cluster's supply rail (a parked cluster ramps up from the lowest "
          "operating point's voltage)",
          Bound::kPositive, 1e6, 1e3},  // mV/us = 1e3 V/s
         c.volt_ramp_v_per_s);
}

struct CacheKeys {
  SharedCacheSpec spec;
  std::vector<std::string> shared_by;
};

template <typename V>
void cache_fields(V& v, CacheKeys& k) {
  SharedCacheSpec& c = k.spec;
  v.integer({"bytes", "B", "capacity of the level", Bound::kPositive, 1ull << 34}, c.bytes);
  v.names({"shared_by", "", "the clusters whose traffic passes through this level",
           Bound::kPositive, static_cast<double>(kMaxClusters)},
          k.shared_by);
  v.real({"bandwidth_gb_per_s", "GB/s", "peak bandwidth of the level's port", Bound::kPositive,
          1e4, 1e9},
         c.bandwidth_bytes_per_s);
  v.real({"latency_ns", "ns", "latency an access that hits adds", Bound::kNonNegative, 1e6, 1e-9},
         c.latency_s);
  v.real({"pj_per_byte", "pJ/B", "energy per byte read or written in the level (hits, fills, "
          "write-backs)", Bound::kNonNegative, 1e4},
         c.pj_per_byte);
  v.real({"leak_mw", "mW", "leakage of the whole level while the SoC is on", Bound::kNonNegative,
          1e5, 1e-3},
         c.leak_w);
}

template <typename V>
void noc_fields(V& v, InterconnectSpec& n) {
  v.real({"bandwidth_gb_per_s", "GB/s", "interconnect bandwidth shared by all clusters",
          Bound::kPositive, 1e4, 1e9},
         n.bandwidth_bytes_per_s);
  v.real({"latency_ns", "ns", "latency the interconnect adds to each transaction",
          Bound::kNonNegative, 1e6, 1e-9},
         n.latency_s);
  v.real({"energy_pj_per_byte", "pJ/B", "interconnect energy per byte moved", Bound::kNonNegative,
          1e4},
         n.energy_pj_per_byte);
}

ClusterSpec cluster_from(const Config& cfg, const std::string& name) {
  const std::string p = "cluster." + name + ".";
  const auto k = read_fields<ClusterKeys>(cfg, p, [](auto& v, auto& keys) { cluster_fields(v, keys); });
  ClusterSpec s = k.spec;
  s.name = name;
  if (k.freqs_mhz.empty()) cfg.fail(p + "opp_freqs_mhz", "the DVFS table is empty");
  if (k.volts_v.size() != k.freqs_mhz.size()) {
    cfg.fail(p + "opp_volts_v", "has " + std::to_string(k.volts_v.size()) + " voltages for " +
                                    std::to_string(k.freqs_mhz.size()) + " frequencies in " + p +
                                    "opp_freqs_mhz");
  }
  bool found = false;
  for (size_t i = 0; i < k.freqs_mhz.size(); ++i) {
    if (i > 0 && k.freqs_mhz[i] <= k.freqs_mhz[i - 1]) {
      cfg.fail(p + "opp_freqs_mhz", "frequencies must ascend");
    }
    if (i > 0 && k.volts_v[i] < k.volts_v[i - 1]) {
      cfg.fail(p + "opp_volts_v", "the voltage falls from " + std::to_string(k.volts_v[i - 1]) +
                                      " V to " + std::to_string(k.volts_v[i]) +
                                      " V as the frequency rises (entry " + std::to_string(i + 1) +
                                      ")");
    }
    s.opps.push_back(OperatingPoint{k.freqs_mhz[i], k.volts_v[i]});
    if (std::fabs(k.freqs_mhz[i] - k.freq_mhz) < 1e-6) {
      s.initial_opp = i;
      found = true;
    }
  }
  if (s.dvfs_latency_max_s < s.dvfs_latency_s) {
    cfg.fail(p + "dvfs_latency_max_us", "is below " + p + "dvfs_latency_us (the typical latency)");
  }
  if (!found) {
    cfg.fail(p + "freq_mhz", "is not an operating point of " + p + "opp_freqs_mhz (" +
                                 cfg.text(p + "opp_freqs_mhz") + ")");
  }
  return s;
}

SharedCacheSpec cache_from(const Config& cfg, const std::string& name, const SocSpec& soc) {
  const std::string p = "cache." + name + ".";
  const auto k = read_fields<CacheKeys>(cfg, p, [](auto& v, auto& keys) { cache_fields(v, keys); });
  SharedCacheSpec s = k.spec;
  s.name = name;
  for (const auto& c : k.shared_by) {
    const ClusterIndex index = soc.find_cluster(c);
    if (index == soc.clusters.size()) {
      cfg.fail(p + "shared_by", "no cluster " + c + " (soc.clusters = " + soc.cluster_names() + ")");
    }
    s.shared_by.push_back(index);
  }
  if (s.bytes < kCacheBlockBytes) {
    cfg.fail(p + "bytes", "is smaller than one " + std::to_string(kCacheBlockBytes) +
                              "-byte residency block");
  }
  return s;
}


}  // namespace

void declare_soc_options(OptionTable& t) {
  declare_fields<SocKeys>(t, "soc.", false, [](auto& v, auto& s) { soc_fields(v, s); });
  t.family("cluster", "soc.clusters", "cluster").family("cache", "soc.caches", "cache level");
  declare_fields<ClusterKeys>(t, "cluster.*.", true, [](auto& v, auto& s) { cluster_fields(v, s); });
  declare_fields<CacheKeys>(t, "cache.*.", true, [](auto& v, auto& s) { cache_fields(v, s); });
  declare_fields<InterconnectSpec>(t, "noc.", true, [](auto& v, auto& s) { noc_fields(v, s); });
  declare_dram_options(t);
}

std::string default_soc_preset() {
  return (std::filesystem::path(blsim_home()) / "configs" / "soc" / "exynos5422.ini").string();
}

SocSpec soc_spec_from(const Config& raw) {
  const Config cfg = with_memspec(raw);
  if (!cfg.is_set("dram.memspec") || cfg.text("dram.memspec").empty()) {
    cfg.fail("dram.memspec",
             "no SoC preset loaded (use --config configs/soc/exynos5422.ini or gs101.ini)");
  }
  const auto keys = read_fields<SocKeys>(cfg, "soc.", [](auto& v, auto& k) { soc_fields(v, k); });
  SocSpec s;
  s.name = keys.name;
  s.sim = keys.sim;
  if (keys.clusters.empty()) {
    cfg.fail("soc.clusters", "no clusters listed (e.g. soc.clusters = big, little)");
  }
  for (const auto& name : keys.clusters) {
    if (reserved_names().count(name) != 0) {
      cfg.fail("soc.clusters", "the name " + name + " is taken by the SoC model; choose another");
    }
    s.clusters.push_back(cluster_from(cfg, name));
  }
  for (const auto& name : keys.caches) {
    if (reserved_names().count(name) != 0 || s.find_cluster(name) != s.clusters.size()) {
      cfg.fail("soc.caches", "the name " + name + " is taken (by a cluster or the SoC model); "
                             "choose another");
    }
    s.caches.push_back(cache_from(cfg, name, s));
  }
  s.noc = read_fields<InterconnectSpec>(cfg, "noc.", [](auto& v, auto& n) { noc_fields(v, n); });
  s.dram = dram_from(cfg);
  for (const auto& c : s.clusters) {
    if (2 * s.sim.tile_bytes > c.l2_bytes) {
      cfg.fail("soc.tile_bytes", "two tiles (double buffering) do not fit in cluster." + c.name +
                                     ".l2_bytes");
    }
  }
  return s;
}

}  // namespace blsim
