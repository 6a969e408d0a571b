// SPDX-License-Identifier: MIT
#include "models/shared_cache.h"

#include <stdexcept>

#include "models/sim_time.h"
#include "models/transfer_extension.h"

namespace blsim {

SharedCache::SharedCache(sc_core::sc_module_name name, const SharedCacheSpec& spec, size_t level)
    : sc_core::sc_module(name), socket("socket"), to_next("to_next"), timing_(spec, level) {
  socket.register_b_transport(this, &SharedCache::b_transport);
  timing_.connect(*this);
  down_.set_extension(new TransferExtension);  // owned and freed by the payload
  down_.set_byte_enable_ptr(nullptr);
  down_.set_data_ptr(nullptr);  // timing only
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
  TransferExtension* ext = nullptr;
  down_.get_extension(ext);
  ext->cluster = cluster;
  ext->costs = TransferResult{};
  down_.set_command(write ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
  down_.set_address(addr);
  down_.set_data_length(static_cast<unsigned int>(bytes));
  down_.set_streaming_width(static_cast<unsigned int>(bytes));
  down_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
  const sc_core::sc_time arrival = from_seconds(arrival_s);
  sc_core::sc_time delay = arrival > now ? arrival - now : sc_core::SC_ZERO_TIME;
  to_next->b_transport(down_, delay);
  if (down_.is_response_error()) {
    throw std::logic_error(std::string(name()) + ": the level below answered " +
                           down_.get_response_string());
  }
  TransferResult r = ext->costs;
  r.done_s = to_seconds(now + delay);
  return r;
}

}  // namespace blsim
