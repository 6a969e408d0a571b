// SPDX-License-Identifier: MIT
// TLM extension that travels with every transaction: the interconnect stamps the requesting
// cluster (shared cache levels serve only the clusters that share them), and the levels below
// add what the transaction cost (DRAM commands and bytes, shared-cache bytes), so energy is
// booked to the layer that issued it, not to whoever ran at the time.
#pragma once

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

}  // namespace blsim
