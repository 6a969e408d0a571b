// SPDX-License-Identifier: MIT
// TLM extension that travels with every transaction: the interconnect stamps the requesting
// cluster (shared cache levels serve only the clusters that share them), and the levels below
// add what the transaction cost (DRAM commands and bytes, shared-cache bytes), so energy is
// booked to the layer that issued it, not to whoever ran at the time.
#pragma once

#include <stdexcept>
#include <string>
#include <systemc>
#include <tlm>

#include "models/memory_port.h"

namespace blsim {

class TransferExtension : public tlm::tlm_extension<TransferExtension> {
 public:
  ClusterIndex cluster = 0;
  TransferResult costs;  // done_s unused: the annotated delay carries the time

  tlm::tlm_extension_base* clone() const override { return new TransferExtension(*this); }
  void copy_from(const tlm::tlm_extension_base& other) override {
    *this = static_cast<const TransferExtension&>(other);
  }
};

// Readies a payload for send_transfer: a TransferExtension (owned and freed by the payload) and
// no data (timing only: the engine computes the values).
inline void prepare_transfer_payload(tlm::tlm_generic_payload& trans) {
  trans.set_extension(new TransferExtension);
  trans.set_byte_enable_ptr(nullptr);
  trans.set_data_ptr(nullptr);
  trans.set_streaming_width(0);
}

// Sends one timing-only transaction of `cluster` through an initiator socket, arriving `delay`
// after now, and returns when its data is done with what it cost below. `who` names the sender
// in the logic error a failing target raises.
template <typename Socket>
TransferResult send_transfer(Socket& socket, tlm::tlm_generic_payload& trans, ClusterIndex cluster,
                             sc_core::sc_time delay, uint64_t addr, uint64_t bytes, bool write,
                             const char* who) {
  const sc_core::sc_time now = sc_core::sc_time_stamp();
  TransferExtension* ext = nullptr;
  trans.get_extension(ext);
  ext->cluster = cluster;
  ext->costs = TransferResult{};
  trans.set_command(write ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
  trans.set_address(addr);
  trans.set_data_length(static_cast<unsigned int>(bytes));
  trans.set_streaming_width(static_cast<unsigned int>(bytes));
  trans.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
  socket->b_transport(trans, delay);
  if (trans.is_response_error()) {
    throw std::logic_error(std::string(who) + ": the memory below answered " +
                           trans.get_response_string());
  }
  TransferResult result = ext->costs;
  result.done_s = (now + delay).to_seconds();
  return result;
}

}  // namespace blsim
