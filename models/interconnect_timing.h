// SPDX-License-Identifier: MIT
// Timing of the shared interconnect as plain C++: one link of fixed bandwidth that every
// transaction occupies for bytes / bandwidth (clusters contend for it), plus a fixed latency.
// The link streams alongside DRAM: a transaction ends when both its link slot and its DRAM
// data are done.
#pragma once

#include <algorithm>
#include <cstdint>

#include "models/memory_port.h"
#include "models/soc_spec.h"

namespace blsim {

class InterconnectTiming {
 public:
  explicit InterconnectTiming(const InterconnectSpec& spec) : spec_(spec) {}

  // Reserves the link for a transaction arriving at arrival_s; returns when its slot starts.
  double reserve(double arrival_s, uint64_t bytes) {
    const double start_s = std::max(arrival_s, free_s_);
    slot_end_s_ = start_s + static_cast<double>(bytes) / spec_.bandwidth_bytes_per_s;
    free_s_ = slot_end_s_;
    bytes_ += bytes;
    return start_s;
  }
  // End of the slot reserved last; the transaction cannot finish before it.
  double slot_end_s() const { return slot_end_s_; }

  // Carries one transaction: reserves its slot, hands it to the memory below at the slot's start
  // plus the latency (below(arrival_s) -> TransferResult), and ends it no earlier than the slot.
  // The one transaction path of the SystemC interconnect and the fast-path estimate.
  template <typename Below>
  TransferResult carry(double arrival_s, uint64_t bytes, Below&& below) {
    const double start_s = reserve(arrival_s, bytes);
    const double slot_end_s = slot_end_s_;
    TransferResult r = below(start_s + spec_.latency_s);
    r.done_s = std::max(r.done_s, slot_end_s + spec_.latency_s);
    return r;
  }
  double latency_s() const { return spec_.latency_s; }
  uint64_t bytes() const { return bytes_; }
  const InterconnectSpec& spec() const { return spec_; }

 private:
  InterconnectSpec spec_;
  double free_s_ = 0;
  double slot_end_s_ = 0;
  uint64_t bytes_ = 0;
};

}  // namespace blsim
