// SPDX-License-Identifier: MIT
// TLM extension by which the memory tells the initiator which DRAM commands a transaction
// caused, so energy can be booked to the layer that issued it (not to whoever ran at the time).
#pragma once

#include <tlm>

#include "energy/dram_power.h"

namespace blsim {

class DramCommandExtension : public tlm::tlm_extension<DramCommandExtension> {
 public:
  DramCommandCounts commands;

  tlm::tlm_extension_base* clone() const override { return new DramCommandExtension(*this); }
  void copy_from(const tlm::tlm_extension_base& other) override {
    commands = static_cast<const DramCommandExtension&>(other).commands;
  }
};

}  // namespace blsim
