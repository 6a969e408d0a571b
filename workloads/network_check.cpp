// SPDX-License-Identifier: MIT
#include "workloads/network_check.h"

#include <algorithm>

#include "common/user_error.h"

namespace blsim {

void check_network_for_dataset(const Graph& graph, const std::string& net_path,
                               const DatasetShape& data) {
  if (graph.inputs().size() != 1 || graph.outputs().size() != 1) {
    throw UserError(net_path + ": a classifier needs one input and one output, the model has " +
                    std::to_string(graph.inputs().size()) + " and " +
                    std::to_string(graph.outputs().size()));
  }
  const GraphValue& in = graph.inputs()[0];
  const Shape image = {data.channels, data.height, data.width};
  const bool fits = in.type == DataType::kFloat32 && in.shape.size() == 4 &&
                    std::equal(image.begin(), image.end(), in.shape.begin() + 1,
                               [](int64_t want, int64_t got) { return got < 0 || got == want; });
  if (!fits) {
    const std::string type =
        in.type == DataType::kFloat32 ? "" : std::string(" of ") + data_type_name(in.type);
    throw UserError(net_path + ": input " + in.name + " " + shape_text(in.shape) + type +
                    " does not take " + data.name + " images " +
                    shape_text({-1, data.channels, data.height, data.width}) + " of float32");
  }
  const GraphValue& out_decl = graph.outputs()[0];
  const Tensor out = graph.run(Tensor({1, data.channels, data.height, data.width}));
  if (out.type() != DataType::kFloat32 || out.rank() != 2 || out.dim(0) != 1 ||
      out.dim(1) != data.classes) {
    throw UserError(net_path + ": output " + out_decl.name + " is " + data_type_name(out.type()) +
                    " " + shape_text(out.shape()) + " for one image, expected float32 [1," +
                    std::to_string(data.classes) + "]: one score per " + data.name + " class");
  }
}

}  // namespace blsim
