// SPDX-License-Identifier: MIT
// The interconnect (e.g. CCI-400) as a loosely-timed TLM-2.0 module: one target socket per
// cluster, one initiator socket to the memory. Both clusters share one link and contend for its
// bandwidth (InterconnectTiming); bytes are counted per cluster for energy.
#pragma once

#include <array>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include "models/interconnect_timing.h"

namespace blsim {

class Interconnect : public sc_core::sc_module {
 public:
  // Index by static_cast<int>(ClusterId).
  std::array<tlm_utils::simple_target_socket_tagged<Interconnect>, 2> from_cluster;
  tlm_utils::simple_initiator_socket<Interconnect> to_memory;

  Interconnect(sc_core::sc_module_name name, const InterconnectSpec& spec);

  const InterconnectTiming& timing() const { return timing_; }
  uint64_t bytes_from(ClusterId id) const { return bytes_[static_cast<size_t>(id)]; }

 private:
  void b_transport(int id, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);

  InterconnectTiming timing_;
  std::array<uint64_t, 2> bytes_{};
};

}  // namespace blsim
