// SPDX-License-Identifier: MIT
// The named network architectures `blsim train --arch` builds. Little ones are MLPs cheap enough
// to run on every input; big ones are CNNs with tens of times the multiply-accumulates. Weights
// start from a seeded He/Glorot-uniform draw, so a seed fixes the initial network.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "workloads/train/network.h"

namespace blsim {

struct ArchInfo {
  std::string name;
  std::string description;
};

const std::vector<ArchInfo>& architectures();

// Builds `name` (a listed architecture, or "mlp-W[-W...]": an MLP with those hidden widths, e.g.
// "mlp-128") for inputs of channels x height x width and `classes` outputs; throws UserError for
// an unknown name (listing the known ones).
Network build_architecture(const std::string& name, int64_t channels, int64_t height,
                           int64_t width, int classes, uint64_t seed);

}  // namespace blsim
