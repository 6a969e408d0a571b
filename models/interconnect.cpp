// SPDX-License-Identifier: MIT
#include "models/interconnect.h"

#include <algorithm>

#include "models/sim_time.h"

namespace blsim {

Interconnect::Interconnect(sc_core::sc_module_name name, const InterconnectSpec& spec)
    : sc_core::sc_module(name),
      from_cluster{tlm_utils::simple_target_socket_tagged<Interconnect>("from_big"),
                   tlm_utils::simple_target_socket_tagged<Interconnect>("from_little")},
      to_memory("to_memory"),
      timing_(spec) {
  for (int id = 0; id < 2; ++id) {
    from_cluster[static_cast<size_t>(id)].register_b_transport(this, &Interconnect::b_transport,
                                                               id);
  }
}

void Interconnect::b_transport(int id, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
  const sc_core::sc_time now = sc_core::sc_time_stamp();
  const uint64_t bytes = trans.get_data_length();
  const double slot_start_s = timing_.reserve(to_seconds(now + delay), bytes);
  const double slot_end_s = timing_.slot_end_s();
  bytes_[static_cast<size_t>(id)] += bytes;
  sc_core::sc_time to_mem = from_seconds(slot_start_s + timing_.latency_s()) - now;
  to_memory->b_transport(trans, to_mem);
  delay = std::max(to_mem, from_seconds(slot_end_s + timing_.latency_s()) - now);
}

}  // namespace blsim
