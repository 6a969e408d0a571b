// SPDX-License-Identifier: MIT
#include "models/shared_cache.h"

#include "models/sim_time.h"
#include "models/transfer_extension.h"

namespace blsim {

SharedCache::SharedCache(sc_core::sc_module_name name, const SharedCacheSpec& spec, size_t level)
    : sc_core::sc_module(name), socket("socket"), to_next("to_next"), timing_(spec, level) {
  socket.register_b_transport(this, &SharedCache::b_transport);
  timing_.connect(*this);
  prepare_transfer_payload(down_);
}

void SharedCache::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
  const sc_core::sc_time now = sc_core::sc_time_stamp();
  TransferExtension* ext = nullptr;
  trans.get_extension(ext);
  const TransferResult r =
      timing_.access(to_seconds(now + delay), ext->cluster, trans.get_address(),
                     trans.get_data_length(), trans.get_command() == tlm::TLM_WRITE_COMMAND);
  ext->costs.add_costs(r);
  delay = from_seconds(r.done_s) - now;
  trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

TransferResult SharedCache::access(double arrival_s, ClusterIndex cluster, uint64_t addr,
                                   uint64_t bytes, bool write) {
  const sc_core::sc_time now = sc_core::sc_time_stamp();
  const sc_core::sc_time arrival = from_seconds(arrival_s);
  return send_transfer(to_next, down_, cluster,
                       arrival > now ? arrival - now : sc_core::SC_ZERO_TIME, addr, bytes, write,
                       name());
}

}  // namespace blsim
