// SPDX-License-Identifier: MIT
// An experiment, not part of blsim's build: blsim's controller (DramTiming::access) on the same
// LPDDR3-1866 read stream as time_ordered_controller.cpp (64-byte requests all arriving at 0, the
// memspec as the DRAMsim3 comparison sets it), to compare their speed. Build (after the main build)
// and run from the repo root:
//   g++ -O2 -DNDEBUG -std=c++17 -I. -isystem /usr/include/eigen3 -DONNX_ML=1 \
//     -DONNX_NAMESPACE=onnx -o /tmp/booked bench/experiments/booked_trace_speed.cpp \
//     build/sim/libblsim_sim.a build/models/libblsim_models.a build/energy/libblsim_energy.a \
//     build/workloads/libblsim_workloads.a build/common/libblsim_common.a -lonnx_proto \
//     -lprotobuf -lz -lsystemc -lboost_program_options -lxxhash
//   /tmp/booked /tmp/traces/rand64.blsim.trace 30   # trace, repetitions
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "models/dram_timing.h"
#include "sim/command_line.h"
#include "sim/config.h"
#include "sim/soc_config.h"

int main(int argc, char** argv) {
  using namespace blsim;
  if (argc != 3) {
    std::fprintf(stderr, "usage: booked_trace_speed TRACE REPETITIONS\n");
    return 2;
  }
  const Config cfg = load_config(
      blsim_options(), {default_soc_preset()},
      {"dram.memspec=" + blsim_home() + "/configs/dram/lpddr3-1866.ini", "dram.channels=1",
       "dram.ranks=1", "dram.powerdown_idle_ns=1e9", "dram.cmd_ck=1", "dram.per_bank_refresh=false"},
      blsim_home());
  const DramSpec spec = soc_spec_from(cfg).dram;
  std::vector<uint64_t> addrs;
  std::ifstream in(argv[1]);
  for (std::string a, op, c; in >> a >> op >> c;) addrs.push_back(std::stoull(a, nullptr, 16));
  const int repeat = std::atoi(argv[2]);
  int64_t end = 0;
  const auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < repeat; ++r) {
    DramTiming dram(spec);
    for (uint64_t a : addrs) end = std::max(end, dram.access(0, a, 64, false).end_ck);
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("requests %zu cycles %lld  %.2f M requests/s\n", addrs.size(),
              static_cast<long long>(end), addrs.size() * static_cast<double>(repeat) / s / 1e6);
  return 0;
}
