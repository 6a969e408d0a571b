// SPDX-License-Identifier: MIT
// The one check that a network fits a dataset, used wherever a command pairs the two (eval, run,
// sweep, the functional pass): one float32 input [N, C, H, W] taking the dataset's images and one
// output of one score per class. Without it a 7-class network on 10-class labels, or a 14x14
// network on 28x28 images, would produce a report that looks fine and means nothing.
#pragma once

#include <string>

#include "workloads/datasets/dataset.h"
#include "workloads/graph.h"

namespace blsim {

// Throws UserError naming `net_path`, the input or output and the dataset when they do not fit.
// The output is checked by running the network once on one blank image, so an output whose
// shape the model leaves undeclared is checked too.
void check_network_for_dataset(const Graph& graph, const std::string& net_path,
                               const DatasetShape& data);

}  // namespace blsim
