// SPDX-License-Identifier: MIT
#include "models/lpddr_memory.h"

#include "models/dram_level.h"
#include "models/sim_time.h"
#include "models/transfer_extension.h"

namespace blsim {

LpddrMemory::LpddrMemory(sc_core::sc_module_name name, const DramSpec& spec)
    : sc_core::sc_module(name), socket("socket"), timing_(spec) {
  socket.register_b_transport(this, &LpddrMemory::b_transport);
}

void LpddrMemory::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
  const sc_core::sc_time now = sc_core::sc_time_stamp();
  const double arrival_s = to_seconds(now + delay);
  const bool write = trans.get_command() == tlm::TLM_WRITE_COMMAND;
  // Timing-only model: payload data pointers are not touched (the engine computes values).
  const TransferResult r =
      dram_transfer(timing_, arrival_s, trans.get_address(), trans.get_data_length(), write);
  TransferExtension* ext = nullptr;
  trans.get_extension(ext);
  if (ext != nullptr) ext->costs.add_costs(r);
  delay = from_seconds(r.done_s) - now;
  trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

}  // namespace blsim
