// SPDX-License-Identifier: MIT
// The DRAM as the last LowerMemory of a path: a transaction's timing and commands from
// DramTiming, with the bytes it moved, for the SystemC memory and the fast-path estimate alike.
#pragma once

#include "models/dram_timing.h"
#include "models/memory_port.h"

namespace blsim {

inline TransferResult dram_transfer(DramTiming& dram, double arrival_s, uint64_t addr,
                                    uint64_t bytes, bool write) {
  const DramAccessResult r = dram.access(arrival_s, addr, bytes, write);
  TransferResult t;
  t.done_s = r.done_s;
  t.commands = r.commands;
  (write ? t.dram_write_bytes : t.dram_read_bytes) = bytes;
  return t;
}

class DramLevel : public LowerMemory {
 public:
  explicit DramLevel(DramTiming& dram) : dram_(dram) {}
  TransferResult access(double arrival_s, ClusterIndex, uint64_t addr, uint64_t bytes,
                        bool write) override {
    return dram_transfer(dram_, arrival_s, addr, bytes, write);
  }

 private:
  DramTiming& dram_;
};

}  // namespace blsim
