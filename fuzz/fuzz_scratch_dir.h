// SPDX-License-Identifier: MIT
// A private folder under $TMPDIR for fuzz targets whose entry point reads a file: the input is
// written there under a fixed name and read back. The folder lives for the whole process and is
// removed at exit; one folder per process, so parallel fuzzers never share files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace blsim {

class FuzzScratchDir {
 public:
  // The process's folder, created on first use.
  static FuzzScratchDir& instance();

  const std::string& path() const { return path_; }
  // Writes `size` bytes to `relative` under the folder (replacing it) and returns its full path.
  std::string write(const std::string& relative, const uint8_t* data, size_t size) const;
  // A symbolic link `relative` -> `target` (folders are created as needed).
  void link(const std::string& relative, const std::string& target) const;

 private:
  FuzzScratchDir();
  std::string path_;
};

}  // namespace blsim
