// SPDX-License-Identifier: MIT
// The request streams of tests/data/dram-reference/make_traces.py in `blsim dram`'s trace format,
// one line per blsim request: seq64, rand64, rand64rw (one write in three) of 8192 64-byte
// requests, tile4k and tile4kw of 256 4 KiB tiles, all arriving at clock 0.
#pragma once

#include <cstdint>
#include <sstream>
#include <string>

namespace blsim::testing {

inline uint64_t lcg(uint64_t x) { return x * 6364136223846793005ULL + 1442695040888963407ULL; }

inline std::string make_dram_trace(const std::string& name) {
  std::ostringstream t;
  t << std::hex;
  const int n = 8192;
  if (name == "seq64") {
    for (int i = 0; i < n; ++i) t << "0x" << uint64_t(i) * 64 << " READ 0\n";
  } else if (name == "rand64" || name == "rand64rw") {
    uint64_t x = name == "rand64" ? 1 : 7;
    for (int i = 0; i < n; ++i) {
      x = lcg(x);
      const bool w = name == "rand64rw" && (x >> 8) % 3 == 0;
      t << "0x" << ((x >> 20) % (uint64_t{1} << 24)) * 64 << (w ? " WRITE 0\n" : " READ 0\n");
    }
  } else {
    for (int i = 0; i < 256; ++i) {
      t << "0x" << uint64_t(i) * 4096 << (name == "tile4kw" ? " WRITE 0\n" : " READ 0\n");
    }
  }
  return t.str();
}

}  // namespace blsim::testing
