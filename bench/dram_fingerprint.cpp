// SPDX-License-Identifier: MIT
// A fingerprint of the DRAM model's results, for speed work that must not change them: an FNV-1a
// hash of every request's issue and end clocks, ACT and PRE counts and row hits, and of each
// run's background residency and refreshes, over the four shipped memspecs x {1, 2} channels x
// {1, 2} ranks (per-bank refresh off in the last), a stream that mixes random and sequential
// 64-byte requests, 4 KiB tiles, one write in eight and idle gaps; then the same memspecs' random
// stream booked in FR-FCFS order (schedule_fr_fcfs). Equal fingerprints before and after a change
// mean the same results on these streams.
//
//   build/bench/dram_fingerprint [REQUESTS]        (default 200000 a run)
//   build/bench/dram_fingerprint REQUESTS random   the benchmark's random stream alone, on one
//       channel and one rank of LPDDR4-3200, for
//   valgrind --tool=callgrind build/bench/dram_fingerprint 300000 random
//       whose instruction count over REQUESTS, less a run with a few requests, is the
//       instructions a request of BM_Rand64 (bench/dram_bench.cpp);
//   build/bench/dram_fingerprint REQUESTS queued   the same stream booked in FR-FCFS order, as
//       BM_Rand64Queued books it (with callgrind: the instructions a request of that path).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench/dram_spec.h"
#include "models/dram_scheduler.h"
#include "models/dram_timing.h"

namespace blsim {
namespace {

DramSpec spec(const std::string& memspec, int channels, int ranks, bool per_bank_refresh) {
  DramSpec s = shipped_dram_spec(memspec, channels, ranks);
  if (!per_bank_refresh) s.power.per_bank_refresh = false;
  return s;
}

class Fingerprint {
 public:
  void add(uint64_t v) { h_ = (h_ ^ v) * 1099511628211ULL; }
  uint64_t value() const { return h_; }

 private:
  uint64_t h_ = 1469598103934665603ULL;
};

uint64_t next_random(uint64_t& x) {
  x = x * 6364136223846793005ULL + 1442695040888963407ULL;
  return ((x >> 20) % (uint64_t{1} << 24)) * 64;
}

void add_result(Fingerprint& f, const DramAccessResult& r) {
  f.add(static_cast<uint64_t>(r.issue_ck));
  f.add(static_cast<uint64_t>(r.end_ck));
  f.add(r.commands.act);
  f.add(r.commands.pre);
  f.add(r.row_hits);
}

// Books `requests` in FR-FCFS order on a fresh memory and adds each one's clocks.
void add_booked(Fingerprint& f, const DramSpec& s, const std::vector<DramRequest>& requests) {
  DramTiming dram(s);
  for (const DramRequestTimes& r : schedule_fr_fcfs(dram, requests)) {
    f.add(static_cast<uint64_t>(r.issue_ck));
    f.add(static_cast<uint64_t>(r.end_ck));
  }
}

}  // namespace
}  // namespace blsim

int main(int argc, char** argv) {
  using namespace blsim;
  const uint64_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 200000;
  Fingerprint f;
  if (argc > 2 && std::string(argv[2]) == "random") {  // BM_Rand64's stream
    DramTiming dram(spec("lpddr4-3200.ini", 1, 1, true));
    uint64_t x = 1;
    double t = 0;
    for (uint64_t i = 0; i < n; ++i) {
      add_result(f, dram.access(t, next_random(x), 64, (i & 7) == 7));
      t += 64 / 6.4e9;
    }
    std::printf("fingerprint %016llx\n", static_cast<unsigned long long>(f.value()));
    return 0;
  }
  if (argc > 2 && std::string(argv[2]) == "queued") {  // BM_Rand64Queued's stream
    const DramSpec s = spec("lpddr4-3200.ini", 1, 1, true);
    std::vector<DramRequest> requests;
    uint64_t x = 1;
    for (uint64_t i = 0; i < n; ++i) {
      const auto arrival = static_cast<int64_t>(static_cast<double>(i) * 64 / 6.4e9 / s.tck_s());
      requests.push_back({arrival, next_random(x), 64, (i & 7) == 7});
    }
    add_booked(f, s, requests);
    std::printf("fingerprint %016llx\n", static_cast<unsigned long long>(f.value()));
    return 0;
  }
  for (const char* memspec : {"lpddr4-3200.ini", "lpddr3-1866.ini", "lpddr4x-4266.ini",
                              "lpddr5-3200.ini"}) {
    for (int v = 0; v < 4; ++v) {
      const DramSpec s = spec(memspec, v & 1 ? 2 : 1, v & 2 ? 2 : 1, v != 3);
      DramTiming dram(s);
      uint64_t x = 1;
      double t = 0;
      for (uint64_t i = 0; i < n; ++i) {
        const uint64_t random = next_random(x);
        const uint64_t addr = i % 3 == 0 ? i * 64 : random;
        add_result(f, dram.access(t, addr, i % 17 == 0 ? 4096 : 64, (i & 7) == 7));
        t += i % 1000 == 0 ? 5e-6 : 64 / 6.4e9;  // now and then an idle gap (power-down)
      }
      const DramBackground bg = dram.background_until(t + 1e-3);
      f.add(bg.refreshes);
      f.add(static_cast<uint64_t>(bg.states.act_standby_s * 1e12));
      f.add(static_cast<uint64_t>(bg.states.pre_powerdown_s * 1e12));
      std::vector<DramRequest> requests;
      x = 7;
      for (uint64_t i = 0; i < n / 4; ++i) {
        requests.push_back({static_cast<int64_t>(i * 10), next_random(x), 64, (i & 7) == 7});
      }
      add_booked(f, s, requests);
    }
  }
  std::printf("fingerprint %016llx\n", static_cast<unsigned long long>(f.value()));
  return 0;
}
