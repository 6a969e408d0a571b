// SPDX-License-Identifier: MIT
// An experiment, not part of blsim's build: the DRAM model as it was before the JEDEC controller
// (commit 9ceeed7: in-order, open-page, no bus or ACT slots), on bench/dram_bench.cpp's sequential
// and random 64-byte streams (LPDDR4-3200, one channel, arrivals at the channel's peak rate, one
// write in eight in the random one), requests per second. It tells how fast a host runs the model
// the 10 M target was set against (the issue measured it at 14-43 M), so that dram_bench's rates
// on different hosts can be read against it. bench/dram_target_ratio.sh builds it from git
// history (git archive 9ceeed7 of the files it lists, then g++ -O3 with this file) and runs it in
// turn with dram_bench; alone it prints five rounds of 4 M requests a stream.
#include <chrono>
#include <cstdint>
#include <cstdio>

#include "models/dram_timing.h"

int main() {
  using blsim::DramSpec;
  // configs/dram/lpddr4-3200.ini as of 9ceeed7 (its values, in seconds).
  DramSpec s;
  s.type = "LPDDR4-3200";
  s.data_rate_mtps = 3200;
  s.device_width_bits = 16;
  s.banks = 8;
  s.rows = 49152;
  s.columns = 1024;
  s.cl_ck = 28;
  s.wl_ck = 14;
  s.tccd_ck = 8;
  s.trcd_s = 18.125e-9;
  s.twr_s = 18.125e-9;
  s.trefi_s = 3903.75e-9;
  s.power.devices_per_rank = 1;
  s.power.tck_s = 0.625e-9;
  s.power.burst_length = 16;
  s.power.tras_s = 42.5e-9;
  s.power.trp_s = 18.125e-9;
  s.power.trfc_s = 280e-9;
  constexpr uint64_t kRequests = 4000000;
  for (int round = 0; round < 5; ++round) {
    for (const bool random : {false, true}) {
      blsim::DramTiming dram(s);
      uint64_t x = 1;
      double t = 0, sink = 0;
      const auto start = std::chrono::steady_clock::now();
      for (uint64_t i = 0; i < kRequests; ++i) {
        uint64_t addr = i * 64;
        if (random) {
          x = x * 6364136223846793005ULL + 1442695040888963407ULL;
          addr = ((x >> 20) % (uint64_t{1} << 24)) * 64;
        }
        sink += dram.access(t, addr, 64, random && (i & 7) == 7).done_s;
        t += 64 / 6.4e9;
      }
      const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
      std::printf("%s %6.2f M requests/s (checksum %.6g)\n", random ? "rand64" : "seq64 ",
                  static_cast<double>(kRequests) / took.count() / 1e6, sink);
    }
  }
  return 0;
}
