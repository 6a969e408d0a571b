// SPDX-License-Identifier: MIT
// Test fixtures for the SoC model: a small SoC with round numbers for hand calculations, a
// LeNet-sized network cost built by hand, and a way to run code in an SC_THREAD of a fresh kernel.
#pragma once

#include <functional>
#include <vector>
#include <systemc>

#include "models/fresh_kernel.h"
#include "models/soc_spec.h"
#include "workloads/layer_cost.h"

namespace blsim::testing {

// The two clusters of round_soc(), by their place in SocSpec::clusters.
constexpr ClusterIndex kBig = 0;
constexpr ClusterIndex kLittle = 1;

// DRAM: 1600 MT/s (tCK 1.25 ns), one x32 channel, BL8 (32 B bursts, 5 ns), 4 KiB rows, CL 12.
inline DramSpec round_dram() {
  DramSpec d;
  d.type = "test";
  d.data_rate_mtps = 1600;
  d.channels = 1;
  d.ranks = 1;
  d.banks = 8;
  d.rows = 16384;
  d.columns = 1024;
  d.device_width_bits = 32;
  d.cl_ck = 12;
  d.wl_ck = 6;
  d.tccd_ck = 4;
  d.trcd_s = 18e-9;
  d.twr_s = 15e-9;
  d.trefi_s = 3900e-9;
  d.powerdown_idle_s = 1000e-9;
  d.power.tck_s = 1.25e-9;
  d.power.burst_length = 8;
  d.power.devices_per_rank = 1;
  d.power.tras_s = 42e-9;
  d.power.trp_s = 18e-9;
  d.power.trfc_s = 130e-9;
  // Micron 4Gb LPDDR3 currents (configs/dram/lpddr3-1866.ini).
  d.power.rail[0] = DramRailCurrents{1.8, 0.015, 0.002, 0.0006, 0.002, 0.0012, 0.005, 0.010, 0.040};
  d.power.rail[1] = DramRailCurrents{1.2, 0.080, 0.038, 0.00087, 0.045, 0.00815, 0.260, 0.284, 0.160};
  d.power.io_pj_per_bit = 0;
  return d;
}

inline ClusterSpec round_cluster(const char* name, int cores, double freq_mhz,
                                 double macs_per_cycle) {
  ClusterSpec c;
  c.name = name;
  c.core = "test";
  c.cores = cores;
  c.opps = {{freq_mhz / 2, 0.8}, {freq_mhz, 1.0}};
  c.initial_opp = 1;
  c.macs_per_cycle = macs_per_cycle;
  c.efficiency.fill(0.5);
  c.parallel_efficiency = 0.5;
  c.l2_bytes = 1 << 20;
  c.power.dyn_coeff_uw_per_mhz_v2 = 100;
  c.power.core_leak_w_at_1v = 0.1;
  c.power.uncore_leak_w_at_1v = 0.05;
  c.power.leak_v_exponent = 3;
  c.power.stall_activity = 0.5;
  c.power.l2_pj_per_byte = 5;
  c.wake_idle_s = 1e-6;
  c.wake_idle_j = 1e-7;
  c.wake_off_s = 100e-6;
  c.wake_off_j = 20e-6;
  c.dvfs_latency_s = 50e-6;
  c.volt_ramp_v_per_s = 0.01e6;  // 10 mV/us: 0.8 V -> 1.0 V in 20 us
  return c;
}

inline SocSpec round_soc() {
  SocSpec s;
  s.name = "round";
  s.clusters = {round_cluster("big", 4, 1000, 4), round_cluster("little", 2, 500, 2)};
  s.noc.bandwidth_bytes_per_s = 12.8e9;
  s.noc.latency_s = 0;
  s.noc.energy_pj_per_byte = 1;
  s.dram = round_dram();
  s.sim.tile_bytes = 65536;
  s.sim.quantum_s = 1e-6;
  return s;
}

// A shared cache level in front of DRAM for the given clusters: 64 GB/s, 10 ns, 5 pJ/B, 20 mW.
inline SharedCacheSpec round_cache(const char* name, uint64_t bytes,
                                   std::vector<ClusterIndex> shared_by) {
  SharedCacheSpec c;
  c.name = name;
  c.bytes = bytes;
  c.shared_by = std::move(shared_by);
  c.bandwidth_bytes_per_s = 64e9;
  c.latency_s = 10e-9;
  c.pj_per_byte = 5;
  c.leak_w = 0.02;
  return c;
}

inline LayerCost layer(const char* name, const char* op, OpKind kind, uint64_t macs,
                       uint64_t flops, uint64_t param_bytes, uint64_t input_bytes,
                       uint64_t output_bytes) {
  LayerCost l;
  l.name = name;
  l.op_type = op;
  l.kind = kind;
  l.macs = macs;
  l.flops = flops;
  l.param_bytes = param_bytes;
  l.input_bytes = input_bytes;
  l.output_bytes = output_bytes;
  return l;
}

// A LeNet-style MNIST network: conv 3x3x32, pool, conv 3x3x64, pool, fc 3136x128, fc 128x10.
inline NetworkCost lenet_cost() {
  NetworkCost n;
  n.layers = {
      layer("conv1", "Conv", OpKind::kConv, 225792, 2 * 225792, 1280, 3136, 100352),
      layer("relu1", "Relu", OpKind::kEltwise, 0, 25088, 0, 100352, 100352),
      layer("pool1", "MaxPool", OpKind::kPool, 0, 75264, 0, 100352, 25088),
      layer("conv2", "Conv", OpKind::kConv, 3612672, 2 * 3612672, 73984, 25088, 50176),
      layer("relu2", "Relu", OpKind::kEltwise, 0, 12544, 0, 50176, 50176),
      layer("pool2", "MaxPool", OpKind::kPool, 0, 37632, 0, 50176, 12544),
      layer("flatten", "Flatten", OpKind::kFree, 0, 0, 0, 12544, 12544),
      layer("fc1", "Gemm", OpKind::kGemm, 401408, 2 * 401408, 1606144, 12544, 512),
      layer("relu3", "Relu", OpKind::kEltwise, 0, 128, 0, 512, 512),
      layer("fc2", "Gemm", OpKind::kGemm, 1280, 2 * 1280, 5160, 512, 40),
      layer("softmax", "Softmax", OpKind::kSoftmax, 0, 40, 0, 40, 40),
  };
  return n;
}

// Runs body in an SC_THREAD of the current kernel until it returns.
class ThreadRunner : public sc_core::sc_module {
 public:
  SC_HAS_PROCESS(ThreadRunner);
  ThreadRunner(sc_core::sc_module_name name, std::function<void()> body)
      : sc_core::sc_module(name), body_(std::move(body)) {
    SC_THREAD(run);
  }

 private:
  void run() { body_(); }  // then the kernel runs out of events and sc_start() returns
  std::function<void()> body_;
};

}  // namespace blsim::testing
