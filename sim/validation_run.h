// SPDX-License-Identifier: MIT
// Runs one validation case on a SoC preset through blsim's own models, with no per-case knob:
// the case only chooses what the measurement chose (cluster, busy cores, operating point,
// workload). How each kind is reproduced (docs/validation.md):
//   power     - the cluster's power from the energy model at the operating point: busy cores at
//               full activity, every core of the cluster powered (idle ones clock-gated, leaking);
//               busy_above_idle subtracts the cluster's idle power at its lowest operating point
//               (for board readings taken against an idle board).
//   bandwidth - one layer that streams size_bytes through the SoC model (cluster -> interconnect
//               -> shared caches -> DRAM, the per-layer loop networks use) on busy_cores cores;
//               copy reads and writes the buffer, read only reads it, write only writes it;
//               bandwidth = size_bytes / time, as tinymembench and lmbench count a copy.
//   latency   - the network's layers on one cluster reduced to busy_cores cores, steady (warm)
//               inference time of the fast-path estimate.
#pragma once

#include "models/soc_spec.h"
#include "sim/validation_cases.h"

namespace blsim {

// The cluster of `soc` the case names, with its operating point set to the case's frequency
// (within 0.5 MHz). Throws UserError "WHERE: ..." when the cluster or the frequency does not
// exist or busy_cores exceeds the cluster's cores.
ClusterIndex case_cluster(const SocSpec& soc, const ValidationCase& c, size_t* opp_index);

// blsim's value in the kind's SI unit (W, B/s, s).
double run_case(const SocSpec& soc, const ValidationCase& c);

}  // namespace blsim
