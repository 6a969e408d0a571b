// SPDX-License-Identifier: MIT
// The bad-input table (bad_input_test.cpp runs it): the row type and what the rows' setups share.
// The rows live in two files by theme: bad_input_config_rows.cpp and bad_input_file_rows.cpp.
#pragma once

#include <fstream>
#include <ostream>
#include <string>
#include <vector>

namespace blsim::bad_input_table {

struct BadInput {
  const char* name;
  // Prepares files in the scratch folder and returns the arguments.
  std::string (*setup)(const std::string& dir);
  const char* culprit;  // must appear in the one stderr line
};

inline void PrintTo(const BadInput& c, std::ostream* os) { *os << c.name; }

// The command line and the configuration: options, config files and keys, the SoC's shape,
// cascades and memspecs.
std::vector<BadInput> config_rows();
// Files blsim reads and writes: models, tensors, datasets, traces, output folders.
std::vector<BadInput> file_rows();

inline const std::string kHome = BLSIM_SOURCE_DIR;
inline const std::string kLittle = kHome + "/workloads/nets/mnist-little.onnx";
inline const std::string kBig = kHome + "/workloads/nets/mnist-big.onnx";

inline void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace blsim::bad_input_table
