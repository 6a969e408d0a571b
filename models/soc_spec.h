// SPDX-License-Identifier: MIT
// The SoC as plain data: any number of named compute clusters, the shared cache levels between
// them and DRAM, the interconnect and the LPDDR memory, filled from INI presets by
// sim/soc_config (which validates every value). Specs are constant during a run: a cluster's
// current operating point is the model's state (ComputeCluster), not part of its spec.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "common/enum_names.h"
#include "energy/cluster_power.h"
#include "energy/dram_power.h"
#include "models/cluster_thermal.h"
#include "workloads/layer_cost.h"

namespace blsim {

// Clusters are numbered by their place in SocSpec::clusters (the preset's soc.clusters order).
using ClusterIndex = size_t;
constexpr size_t kMaxClusters = 8;
constexpr size_t kMaxCacheLevels = 4;

// Where a cluster rests between runs: awake (active), clock-gated at its operating point (idle),
// clock-gated with its rail lowered to the lowest operating point's voltage (parked: L2 kept,
// leakage at the low voltage, a DVFS transition to wake), or power-gated (off: L2 lost).
enum class PowerState { kActive, kIdle, kParked, kOff };

const EnumNames<PowerState>& power_state_names();  // "active", "idle", "parked", "off"
const char* power_state_name(PowerState state);

struct OperatingPoint {
  double freq_mhz = 0;
  double volt_v = 0;
};

constexpr size_t kOpKindCount = 8;  // OpKind values, kConv .. kFree

struct ClusterSpec {
  std::string name;                  // e.g. "big", "prime": the preset's [cluster.NAME]
  std::string core;                  // e.g. "Cortex-A15"
  int cores = 0;
  std::vector<OperatingPoint> opps;  // DVFS table, ascending frequency
  size_t initial_opp = 0;            // index into opps: the configured operating point
  double macs_per_cycle = 0;         // peak fp32 MACs per cycle per core
  std::array<double, kOpKindCount> efficiency{};  // fraction of peak reached, per OpKind
  double parallel_efficiency = 1;    // each core beyond the first adds this fraction of a core
  // Layer shape against the core (models/core_model.h); the defaults switch each effect off.
  int gemm_mr = 1;                   // GEMM micro-kernel register block: rows of C (output pixels)
  int gemm_nr = 1;                   // ... and columns of C (output channels)
  double gemm_k_overhead = 0;        // per micro-kernel call, in K steps (C tile load/store, loop)
  double fork_join_s = 0;            // spreading one layer over more than one core
  // Memory-level parallelism and bandwidth bounds (0: no bound).
  double mshrs = 0;                  // outstanding cache-line fills per core
  uint64_t line_bytes = 64;          // cache line
  double miss_path_s = 0;            // cluster side of a line fill: L1/L2 miss handling, bridges
  double port_bytes_per_s = 0;       // the cluster's port to the interconnect
  double l2_bytes_per_cycle = 0;     // L2 bandwidth, bytes per core clock, the whole cluster
  uint64_t l2_bytes = 0;
  ClusterPowerParams power;
  ThermalSpec thermal;
  double wake_idle_s = 0;            // clock-gated idle -> active
  double wake_idle_j = 0;
  double wake_off_s = 0;             // power-gated off -> active (L2 contents lost)
  double wake_off_j = 0;
  double dvfs_latency_s = 0;         // a frequency change, typical (PLL relock / clock switch)
  double dvfs_latency_max_s = 0;     // a frequency change, worst case (the OPP table's bound)
  double volt_ramp_v_per_s = 0;      // slew rate of the cluster's supply rail

  const OperatingPoint& initial_point() const { return opps.at(initial_opp); }
  double op_efficiency(OpKind kind) const { return efficiency.at(static_cast<size_t>(kind)); }
};

// A cache level shared by some clusters between them and DRAM (a DSU L3, a system-level cache).
// Residency model in models/shared_cache_timing.h.
struct SharedCacheSpec {
  std::string name;                  // e.g. "l3", "slc": the preset's [cache.NAME]
  uint64_t bytes = 0;
  std::vector<ClusterIndex> shared_by;
  double bandwidth_bytes_per_s = 0;
  double latency_s = 0;              // added to every access that hits
  double pj_per_byte = 0;            // hits, fills and write-backs alike
  double leak_w = 0;                 // the whole array, all the time

  bool serves(ClusterIndex c) const {
    for (const ClusterIndex s : shared_by) {
      if (s == c) return true;
    }
    return false;
  }
};

struct InterconnectSpec {
  double bandwidth_bytes_per_s = 0;
  double latency_s = 0;             // added to every transaction
  double energy_pj_per_byte = 0;
};

struct DramSpec {
  std::string type;                 // "LPDDR3-1866"
  double data_rate_mtps = 0;        // transfers per second per pin, in millions
  int channels = 1;
  int ranks = 1;                    // per channel
  int banks = 8;
  int64_t rows = 0;                 // per bank
  int64_t columns = 0;              // per row
  int device_width_bits = 32;
  int cl_ck = 0;                    // read latency (RL), clocks
  int wl_ck = 0;                    // write latency, clocks
  int tccd_ck = 0;                  // column-to-column, clocks
  double trcd_s = 0;
  double twr_s = 0;
  double trtp_s = 0;                // READ to PRE
  double trrd_s = 0;                // ACT to ACT, different banks of a rank
  double tfaw_s = 0;                // window holding at most four ACTs of a rank
  double twtr_s = 0;                // end of write data to READ, same rank
  double txp_s = 0;                 // power-down exit to the next command
  double txsr_s = 0;                // self-refresh exit to the next command
  int cmd_ck = 1;                   // clocks a command holds the command bus
  double trefi_s = 0;
  double powerdown_idle_s = 0;      // controller enters power-down after this idle time
  double selfrefresh_idle_s = 0;    // ... and self-refresh after this one (0: never)
  int queue_bursts = 64;            // bursts per channel the controller's request queue holds
  int write_queue_high_bursts = 0;  // posted writes per channel that start a drain (0: none)
  int write_queue_low_bursts = 0;   // a drain stops at this many queued write bursts
  DramPowerParams power;            // currents, voltages, tCK, BL, tRAS, tRP, tRFC, I/O

  double tck_s() const { return power.tck_s; }
  int burst_length() const { return power.burst_length; }
  uint64_t bus_bytes() const {      // data bus width of one channel
    return static_cast<uint64_t>(device_width_bits) * power.devices_per_rank / 8;
  }
  uint64_t burst_bytes() const { return bus_bytes() * power.burst_length; }
  uint64_t row_bytes() const { return bus_bytes() * static_cast<uint64_t>(columns); }
  double peak_bandwidth_bytes_per_s() const {
    return data_rate_mtps * 1e6 * static_cast<double>(bus_bytes()) * channels;
  }
};

struct SimSpec {
  uint64_t tile_bytes = 0;  // largest DRAM transfer one tile makes
  double quantum_s = 0;     // loosely-timed quantum of each cluster's quantum keeper
};

struct SocSpec {
  std::string name;
  std::vector<ClusterSpec> clusters;     // 1 to kMaxClusters, in the preset's order
  std::vector<SharedCacheSpec> caches;   // nearest to the clusters first; may be empty
  InterconnectSpec noc;
  DramSpec dram;
  SimSpec sim;

  const ClusterSpec& cluster(ClusterIndex c) const { return clusters.at(c); }
  // The index of the cluster called `name`, or clusters.size() when there is none.
  ClusterIndex find_cluster(const std::string& name) const;
  std::string cluster_names() const;  // "big, little"
};

}  // namespace blsim
