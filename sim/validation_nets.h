// SPDX-License-Identifier: MIT
// Published CNN architectures for latency validation, built as ONNX graphs from their layer
// shapes (zero weights: timing depends on shapes, not values) and costed by the engine's own
// per-node cost, so they reach the SoC model exactly as a loaded network does.
//   mobilenet_v1:    MobileNet v1, width 1.0, 224x224 input (Howard et al. 2017, Table 1),
//                    batch norm folded into the convolutions' biases.
//   squeezenet_v1_1: SqueezeNet v1.1, 227x227 input (the v1.1 release of the SqueezeNet
//                    authors: 3x3/64 first conv, pools after conv1, fire3 and fire5), Caffe's
//                    ceil-mode pooling.
#pragma once

#include <string>
#include <vector>

#include "workloads/layer_cost.h"

namespace blsim {

const std::vector<std::string>& validation_net_names();

// The per-layer cost of a named network; UserError for an unknown name.
NetworkCost validation_net_cost(const std::string& name);

}  // namespace blsim
