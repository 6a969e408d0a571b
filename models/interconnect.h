// SPDX-License-Identifier: MIT
// The interconnect (e.g. CCI-400, a DSU's bus to the memory system) as a loosely-timed TLM-2.0
// module: one multi-passthrough target socket that every cluster binds to (the port index is
// the cluster index), one initiator socket to the memory system (the first shared cache level,
// or DRAM). All clusters share one link and contend for its bandwidth (InterconnectTiming);
// each transaction is stamped with its cluster and bytes are counted per cluster.
#pragma once

#include <cstdint>
#include <systemc>
#include <tlm>
#include <tlm_utils/multi_passthrough_target_socket.h>
#include <tlm_utils/simple_initiator_socket.h>
#include <vector>

#include "models/interconnect_timing.h"

namespace blsim {

class Interconnect : public sc_core::sc_module {
 public:
  tlm_utils::multi_passthrough_target_socket<Interconnect> from_clusters;
  tlm_utils::simple_initiator_socket<Interconnect> to_memory;

  Interconnect(sc_core::sc_module_name name, const InterconnectSpec& spec, size_t clusters);

  const InterconnectTiming& timing() const { return timing_; }
  uint64_t bytes_from(ClusterIndex c) const { return bytes_.at(c); }

 private:
  void b_transport(int port, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);

  InterconnectTiming timing_;
  std::vector<uint64_t> bytes_;
};

}  // namespace blsim
