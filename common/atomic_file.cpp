// SPDX-License-Identifier: MIT
#include "common/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <unistd.h>

#include "common/user_error.h"

namespace blsim {

AtomicFile::AtomicFile(const std::string& path, bool binary)
    : path_(path), tmp_path_(path + ".tmp." + std::to_string(::getpid())) {
  out_.open(tmp_path_, binary ? std::ios::out | std::ios::binary | std::ios::trunc
                              : std::ios::out | std::ios::trunc);
  if (!out_) {
    throw UserError(path + ": cannot open for writing: " + std::strerror(errno));
  }
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    out_.close();
    std::remove(tmp_path_.c_str());
  }
}

void AtomicFile::commit() {
  out_.flush();
  const bool ok = static_cast<bool>(out_);
  out_.close();
  if (!ok || out_.fail()) {
    std::remove(tmp_path_.c_str());
    committed_ = true;
    throw UserError(path_ + ": write failed");
  }
  if (std::rename(tmp_path_.c_str(), path_.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(tmp_path_.c_str());
    committed_ = true;
    throw UserError(path_ + ": cannot rename into place: " + why);
  }
  committed_ = true;
}

void make_output_dir(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    throw UserError(dir + ": cannot create output directory" + (ec ? ": " + ec.message() : ""));
  }
}

}  // namespace blsim
