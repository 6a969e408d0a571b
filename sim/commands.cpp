// SPDX-License-Identifier: MIT
#include "sim/commands.h"

namespace blsim {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"run", "run a big/little cascade on the simulated SoC and report accuracy and energy",
       cmd_run},
      {"sweep", "run the cascade over a grid of varied keys; sweep.csv and pareto.csv",
       cmd_sweep},
      {"merge", "join the sweep.csv files of a sharded sweep; sweep.csv and pareto.csv",
       cmd_merge},
      {"report", "draw a run, profile or sweep folder as charts and one HTML page, report.html",
       cmd_report},
      {"resplit", "how often the threshold chosen on validation breaks its loss budget on re-splits",
       cmd_resplit},
      {"profile", "run one network on one cluster of the SoC and report per-layer time and energy",
       cmd_profile},
      {"validate", "run published SoC measurements on their presets and report blsim's errors",
       cmd_validate},
      {"inspect", "print the per-layer cost table (MACs, FLOPs, bytes) of an ONNX network",
       cmd_inspect},
      {"infer", "run an ONNX network on TensorProto inputs and write its outputs", cmd_infer},
      {"eval", "evaluate an ONNX network on a dataset split (accuracy, predictions.csv)",
       cmd_eval},
      {"train", "train a named architecture on a dataset and write it as ONNX", cmd_train},
      {"datasets", "list the installed datasets and their splits", cmd_datasets},
      {"dram", "replay a memory request trace through the DRAM model; dram.csv", cmd_dram},
  };
  return table;
}

}  // namespace blsim
