// SPDX-License-Identifier: MIT
// LPDDR memory as a loosely-timed TLM-2.0 target: b_transport hands the whole transaction to
// DramTiming (banks, row hits, refresh, bursts) and returns its completion as annotated delay.
// No events per burst; the timing state is only advanced by transactions and by accounting.
#pragma once

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "models/dram_timing.h"

namespace blsim {

class LpddrMemory : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<LpddrMemory> socket;

  LpddrMemory(sc_core::sc_module_name name, const DramSpec& spec);

  DramTiming& timing() { return timing_; }
  const DramTiming& timing() const { return timing_; }

 private:
  void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);

  DramTiming timing_;
};

}  // namespace blsim
