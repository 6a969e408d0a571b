// SPDX-License-Identifier: MIT
// A shared cache level as a loosely-timed TLM-2.0 module between the interconnect and DRAM (or
// the next level): b_transport hands the transaction to SharedCacheTiming (residency, port
// bandwidth; see its header for the model), whose misses, fills and write-backs go out through
// `to_next` as transactions of their own. The time comes back as annotated delay and the costs
// in the TransferExtension.
#pragma once

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include "models/memory_port.h"
#include "models/shared_cache_timing.h"

namespace blsim {

class SharedCache : public sc_core::sc_module, private LowerMemory {
 public:
  tlm_utils::simple_target_socket<SharedCache> socket;
  tlm_utils::simple_initiator_socket<SharedCache> to_next;

  SharedCache(sc_core::sc_module_name name, const SharedCacheSpec& spec, size_t level);

  const SharedCacheTiming& timing() const { return timing_; }

 private:
  void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
  // The level below, over TLM.
  TransferResult access(double arrival_s, ClusterIndex cluster, uint64_t addr, uint64_t bytes,
                        bool write) override;

  SharedCacheTiming timing_;
  tlm::tlm_generic_payload down_;
};

}  // namespace blsim
