// SPDX-License-Identifier: MIT
#include "models/interconnect.h"

#include "models/sim_time.h"
#include "models/transfer_extension.h"

namespace blsim {

Interconnect::Interconnect(sc_core::sc_module_name name, const InterconnectSpec& spec,
                           size_t clusters)
    : sc_core::sc_module(name),
      from_clusters("from_clusters"),
      to_memory("to_memory"),
      timing_(spec),
      bytes_(clusters, 0) {
  from_clusters.register_b_transport(this, &Interconnect::b_transport);
}

void Interconnect::b_transport(int port, tlm::tlm_generic_payload& trans,
                               sc_core::sc_time& delay) {
  const sc_core::sc_time now = sc_core::sc_time_stamp();
  const uint64_t bytes = trans.get_data_length();
  TransferExtension* ext = nullptr;
  trans.get_extension(ext);
  ext->cluster = static_cast<ClusterIndex>(port);
  bytes_.at(static_cast<size_t>(port)) += bytes;
  const TransferResult r = timing_.carry(to_seconds(now + delay), bytes, [&](double arrival_s) {
    sc_core::sc_time to_mem = from_seconds(arrival_s) - now;
    to_memory->b_transport(trans, to_mem);
    TransferResult below;
    below.done_s = to_seconds(now + to_mem);
    return below;
  });
  delay = from_seconds(r.done_s) - now;
}

}  // namespace blsim
