// SPDX-License-Identifier: MIT
#include "fuzz/fuzz_scratch_dir.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <system_error>

namespace blsim {
namespace fs = std::filesystem;

FuzzScratchDir& FuzzScratchDir::instance() {
  static FuzzScratchDir dir;
  return dir;
}

FuzzScratchDir::FuzzScratchDir() {
  std::string pattern = (fs::temp_directory_path() / "blsim-fuzz-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
  static std::string removed_at_exit;
  removed_at_exit = path_;
  std::atexit([] {
    std::error_code ignored;
    fs::remove_all(removed_at_exit, ignored);
  });
}

std::string FuzzScratchDir::write(const std::string& relative, const uint8_t* data,
                                  size_t size) const {
  const fs::path file = fs::path(path_) / relative;
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  out.close();
  if (!out) throw std::runtime_error("cannot write " + file.string());
  return file.string();
}

void FuzzScratchDir::link(const std::string& relative, const std::string& target) const {
  const fs::path where = fs::path(path_) / relative;
  fs::create_directories(where.parent_path());
  std::error_code ignored;
  fs::remove(where, ignored);
  fs::create_symlink(target, where);
}

}  // namespace blsim
