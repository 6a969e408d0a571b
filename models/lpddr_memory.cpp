// SPDX-License-Identifier: MIT
#include "models/lpddr_memory.h"

#include "models/dram_extension.h"
#include "models/sim_time.h"

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
  const DramAccessResult r =
      timing_.access(arrival_s, trans.get_address(), trans.get_data_length(), write);
  DramCommandExtension* ext = nullptr;
  trans.get_extension(ext);
  if (ext != nullptr) ext->commands += r.commands;
  delay = from_seconds(r.done_s) - now;
  trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

}  // namespace blsim
