// SPDX-License-Identifier: MIT
// Output files appear whole or not at all: data goes to a temporary file beside the target and
// is renamed over it by commit(); a writer destroyed before commit() removes its temporary.
#pragma once

#include <fstream>
#include <string>

namespace blsim {

class AtomicFile {
 public:
  explicit AtomicFile(const std::string& path, bool binary = false);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ofstream& stream() { return out_; }
  // Flushes, checks for write errors and renames into place; throws UserError on failure.
  void commit();

 private:
  std::string path_;
  std::string tmp_path_;
  std::ofstream out_;
  bool committed_ = false;
};

// Creates DIR (and parents) or throws UserError naming it.
void make_output_dir(const std::string& dir);

}  // namespace blsim
