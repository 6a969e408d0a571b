// SPDX-License-Identifier: MIT
// blsim datasets: loads every split of every dataset (so headers and values are checked) and
// lists the split sizes, or says what is missing and which script installs it.
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "sim/command_line.h"
#include "sim/commands.h"
#include "sim/train_options.h"
#include "workloads/datasets/dataset.h"
#include "common/user_error.h"

namespace blsim {

int cmd_datasets(const Args& args) {
  CommandLine cl("datasets",
                 "list the installed datasets with their split sizes; exit status 1 when one is "
                 "missing or damaged",
                 "blsim datasets --set data.mnist_dir=/data/mnist");
  if (!cl.parse(args)) return 0;
  const Config& cfg = cl.config();
  bool all_ok = true;
  for (const std::string& name : dataset_names()) {
    const std::string key = dataset_dir_key(name);
    const std::string dir = dataset_dir(cfg, name);
    std::string missing;
    for (const std::string& file : dataset_files(name, dir)) {
      if (!std::filesystem::exists(file)) {
        missing = file;
        break;
      }
    }
    std::cout << std::left << std::setw(8) << name;
    if (!missing.empty()) {
      all_ok = false;
      std::cout << "missing (" << missing << "); install it with "
                << (name == "mnist" ? "scripts/fetch_data.sh"
                                    : "apt-get install dataset-fashion-mnist")
                << " (scripts/setup.sh installs everything), or set " << key << "\n";
      continue;
    }
    try {
      std::cout << dir;
      for (const Split split : {Split::kTrain, Split::kVal, Split::kTest}) {
        const Dataset d = load_dataset(name, split, dir);
        std::cout << "  " << split_name(split) << " " << d.size();
      }
      std::cout << "\n";
    } catch (const UserError& e) {
      all_ok = false;
      std::cout << "  damaged: " << e.what() << "\n";
    }
  }
  return all_ok ? 0 : 1;
}

}  // namespace blsim
