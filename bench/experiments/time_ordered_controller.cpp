// SPDX-License-Identifier: MIT
// An experiment, not part of blsim's build: a controller that issues commands in time order
// (FR-FCFS over a queue of Q transactions: per command, one candidate per bank, its oldest row
// hit or else its oldest transaction, kept as the bank changes; the earliest candidate issues,
// row hits first, then the oldest, chosen without a branch on the bank), against DRAMsim3 on the
// streams of tests/data/dram-reference and dram-reference-memspecs. It reads the clocks of the
// DRAMsim3 configuration written for those comparisons (CL, tRCD, tRP, tRAS, tRTP, tRRD_S, tFAW,
// tCCD_S, BL, tRFC, tREFI, columns, device_width; 8 banks), one channel, one rank, one command a
// clock, blsim's address map (column, bank, row), 32-byte read transactions all arriving at
// cycle 0, all-bank refresh every tREFI. docs/dram.md (*Why requests are booked*) gives its
// results. Build and run from the repo root:
//   g++ -O2 -std=c++17 -o /tmp/time_ordered bench/experiments/time_ordered_controller.cpp
//   mkdir -p /tmp/traces && python3 tests/data/dram-reference/make_traces.py /tmp/traces
//   cfg=tests/data/dram-reference-memspecs/dramsim3-lpddr3-1866.ini
//   /tmp/time_ordered $cfg /tmp/traces/rand64.dramsim3.trace 64 30   # config, trace, queue, reps
// An optional fifth argument makes each transaction that many bytes (a multiple of 32, within one
// row), issued as one run of column commands tCCD apart, as blsim books a request:
//   /tmp/time_ordered $cfg /tmp/traces/rand64.blsim.trace 32 30 64
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

struct Tx { uint32_t id; int64_t row; };

int main(int argc, char** argv) {
  if (argc != 5 && argc != 6) {
    std::fprintf(stderr, "usage: time_ordered CONFIG.ini TRACE QUEUE REPETITIONS [BYTES]\n");
    return 2;
  }
  const long bytes = argc == 6 ? std::atol(argv[5]) : 32;
  if (bytes < 32 || bytes % 32 != 0) {
    std::fprintf(stderr, "BYTES must be a positive multiple of 32\n");
    return 2;
  }
  const int64_t run = bytes / 32;  // column commands a transaction
  std::map<std::string, long> ini;  // KEY = VALUE lines of the DRAMsim3 configuration
  std::ifstream cfg(argv[1]);
  for (std::string line; std::getline(cfg, line);) {
    const auto eq = line.find(" = ");
    if (eq == std::string::npos || line[0] == ';' || line[0] == '[') continue;
    ini[line.substr(0, eq)] = std::atol(line.c_str() + eq + 3);
  }
  for (const char* k : {"CL", "tRCD", "tRP", "tRAS", "tRTP", "tRRD_S", "tFAW", "tCCD_S", "BL", "tRFC",
                        "tREFI", "columns", "device_width"}) {
    if (!ini.count(k)) {
      std::fprintf(stderr, "%s: no %s\n", argv[1], k);
      return 2;
    }
  }
  const int64_t CL = ini["CL"], RCD = ini["tRCD"], RP = ini["tRP"], RAS = ini["tRAS"],
                RTP = ini["tRTP"], RRD = ini["tRRD_S"], FAW = ini["tFAW"], CCD = ini["tCCD_S"],
                BURST = ini["BL"] / 2, RFC = ini["tRFC"], REFI = ini["tREFI"];
  const int row_shift = __builtin_ctzll(static_cast<uint64_t>(ini["columns"] * ini["device_width"] / 8));
  const int kBanks = 8;
  const size_t Q = std::strtoul(argv[3], nullptr, 10);
  const int repeat = std::atoi(argv[4]);
  std::vector<uint64_t> reqs;
  std::ifstream in(argv[2]);
  for (std::string a, op, c; in >> a >> op >> c;) reqs.push_back(std::stoull(a, nullptr, 16));
  if (reqs.size() >= (size_t{1} << 23)) {
    std::fprintf(stderr, "%s: more than 2^23 transactions (the candidate key holds 23 bits)\n", argv[2]);
    return 2;
  }
  const auto t0 = std::chrono::steady_clock::now();
  int64_t last_data = 0, n_act = 0, n_pre = 0, n_ref = 0;
  for (int rep = 0; rep < repeat; ++rep) {
    std::vector<Tx> bq[8];
    size_t queued = 0, nxt = 0, done = 0;
    int64_t bank_row[8], act_ok[8] = {}, pre_ok[8] = {}, col_ok[8] = {};
    std::fill(bank_row, bank_row + 8, -1);
    int64_t acts[4] = {-1000000, -1000000, -1000000, -1000000};
    int64_t cmd_free = 0, col_free = 0, t = 0, next_ref = REFI;
    last_data = n_act = n_pre = n_ref = 0;
    // Each bank's candidate (its queue index and command: 0 column, 1 PRE, 2 ACT), found again
    // only when the bank's queue or open row changes; its clock is found at every command.
    size_t cand_i[8] = {};
    int cand_k[8] = {};
    uint64_t cand_tag[8];  // priority, transaction id and bank of the key; all ones: no candidate
    std::fill(cand_tag, cand_tag + 8, UINT64_MAX);
    auto find_candidate = [&](int b) {
      const auto& q = bq[b];
      size_t i = 0;
      if (q.empty()) { cand_tag[b] = UINT64_MAX; return; }
      if (bank_row[b] >= 0) {
        while (i < q.size() && q[i].row != bank_row[b]) ++i;
        if (i < q.size()) { cand_i[b] = i; cand_k[b] = 0; }
        else { cand_i[b] = 0; cand_k[b] = 1; }
      } else {
        cand_i[b] = 0; cand_k[b] = 2;
      }
      cand_tag[b] = (uint64_t{cand_k[b] != 0} << 26) | (uint64_t{q[cand_i[b]].id} << 3) |
                    static_cast<uint64_t>(b);
    };
    while (done < reqs.size()) {
      while (queued < Q && nxt < reqs.size()) {
        const uint64_t chunk = reqs[nxt] >> row_shift;
        bq[chunk & 7].push_back(Tx{static_cast<uint32_t>(nxt), static_cast<int64_t>(chunk >> 3)});
        find_candidate(static_cast<int>(chunk & 7));
        ++nxt; ++queued;
      }
      const int64_t now = std::max(t, cmd_free);
      if (now >= next_ref) {
        int64_t pre_at = now;
        for (int b = 0; b < kBanks; ++b) {
          if (bank_row[b] >= 0) { pre_at = std::max(pre_at, pre_ok[b]); ++n_pre; bank_row[b] = -1; }
        }
        int64_t ref_at = pre_at + RP;
        for (int b = 0; b < kBanks; ++b) ref_at = std::max(ref_at, act_ok[b]);
        for (int b = 0; b < kBanks; ++b) act_ok[b] = ref_at + RFC;
        for (int b = 0; b < kBanks; ++b) find_candidate(b);
        ++n_ref; next_ref += REFI; t = ref_at + 1; cmd_free = ref_at + 1;
        continue;
      }
      const int64_t act_e = std::max({now, acts[3] + RRD, acts[0] + FAW});
      // The earliest candidate, row hits first, then the oldest: the least key of clock,
      // priority and transaction id (ids below 2^23) and bank, with no branch on the bank.
      uint64_t best = UINT64_MAX;
      const int64_t col_e = std::max(now, col_free);
      for (int b = 0; b < kBanks; ++b) {
        const int64_t opts[3] = {std::max(col_e, col_ok[b]), std::max(now, pre_ok[b]),
                                 std::max(act_ok[b], act_e)};
        best = std::min(best, (static_cast<uint64_t>(opts[cand_k[b]]) << 27) | cand_tag[b]);
      }
      const int best_b = static_cast<int>(best & 7);
      const int64_t best_c = static_cast<int64_t>(best >> 27);
      const size_t best_i = cand_i[best_b];
      const int kind = cand_k[best_b];
      const int64_t c = best_c;
      if (c >= next_ref) { t = next_ref; continue; }
      const int b = best_b;
      if (kind == 0) {
        const int64_t last = c + (run - 1) * CCD;  // the run's last column command
        col_free = last + std::max(CCD, BURST);
        pre_ok[b] = std::max(pre_ok[b], last + RTP);
        last_data = std::max<int64_t>(last_data, last + CL + BURST);
        bq[b].erase(bq[b].begin() + static_cast<long>(best_i));
        ++done; --queued;
      } else if (kind == 1) {
        bank_row[b] = -1; act_ok[b] = std::max(act_ok[b], c + RP); ++n_pre;
      } else {
        bank_row[b] = bq[b][best_i].row; col_ok[b] = c + RCD; pre_ok[b] = c + RAS;
        acts[0] = acts[1]; acts[1] = acts[2]; acts[2] = acts[3]; acts[3] = c; ++n_act;
      }
      find_candidate(b);
      cmd_free = c + 1;
      t = c;
    }
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("transactions %zu cycles %lld ACT %lld PRE %lld REF %lld  %.2f M transactions/s\n",
              reqs.size(), (long long)last_data, (long long)n_act, (long long)n_pre, (long long)n_ref,
              reqs.size() * static_cast<double>(repeat) / s / 1e6);
}
