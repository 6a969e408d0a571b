// SPDX-License-Identifier: MIT
#include "common/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

#include "common/output_set.h"
#include "common/regular_file.h"
#include "common/temp_registry.h"
#include "common/user_error.h"

namespace blsim {
namespace {

std::string parent_of(const std::string& path) {
  const std::string parent = std::filesystem::path(path).parent_path().string();
  return parent.empty() ? "." : parent;
}

std::string name_of(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

// New files get the permissions an ofstream would give them (0666 less the umask).
mode_t file_mode() {
  static const mode_t mode = [] {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return static_cast<mode_t>(0666 & ~mask);
  }();
  return mode;
}

void require_writable_dir(const std::string& dir, const std::string& culprit) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) {
    throw UserError(culprit + ": folder " + dir + " does not exist: " + std::strerror(errno));
  }
  if (!S_ISDIR(st.st_mode)) {
    throw UserError(culprit + ": " + dir + " is " + file_kind_name(st.st_mode) +
                    ", not a folder");
  }
  if (::access(dir.c_str(), W_OK | X_OK) != 0) {
    throw UserError(culprit + ": cannot write into " + dir + ": " + std::strerror(errno));
  }
}

bool write_all(int fd, const char* bytes, size_t size) {
  size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(fd, bytes + done, size - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

std::string output_display_path(const std::string& path) {
  const std::string marker = "/" + std::string(kStagingPrefix);
  const size_t at = path.find(marker);
  if (at == std::string::npos) return path;
  const size_t end = path.find('/', at + 1);
  return end == std::string::npos ? path : path.substr(0, at) + path.substr(end);
}

void check_output_file(const std::string& path) {
  const std::string shown = output_display_path(path);
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    throw UserError(shown + ": output exists and is " + file_kind_name(st.st_mode) +
                    "; refusing to replace it (give the path of a regular file or a new one)");
  }
  require_writable_dir(parent_of(path), shown);
}

void check_output_dir(const std::string& dir) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) == 0) {
    require_writable_dir(dir, dir);
    return;
  }
  // Absent: the nearest existing ancestor decides whether it can be created.
  std::filesystem::path up = std::filesystem::path(dir).parent_path();
  while (!up.empty() && ::stat(up.c_str(), &st) != 0) up = up.parent_path();
  const std::string ancestor = up.empty() ? "." : up.string();
  if (::stat(ancestor.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    throw UserError(dir + ": cannot create output folder: " + ancestor + " is " +
                    (::stat(ancestor.c_str(), &st) == 0 ? file_kind_name(st.st_mode)
                                                         : "missing") +
                    ", not a folder");
  }
  if (::access(ancestor.c_str(), W_OK | X_OK) != 0) {
    throw UserError(dir + ": cannot create output folder in " + ancestor + ": " +
                    std::strerror(errno));
  }
}

void make_output_dir(const std::string& dir) {
  check_output_dir(dir);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    throw UserError(dir + ": cannot create output directory" + (ec ? ": " + ec.message() : ""));
  }
}

AtomicFile::AtomicFile(const std::string& path, bool /*binary*/) : path_(path) {
  check_output_file(path_);
  std::string pattern = parent_of(path_) + "/." + name_of(path_) + ".tmp.XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  fd_ = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd_ < 0) {
    throw UserError(output_display_path(path_) + ": cannot create a temporary file beside it: " +
                    std::strerror(errno));
  }
  tmp_path_ = name.data();
  slot_ = register_temp_path(tmp_path_, false);
  ::fchmod(fd_, file_mode());
  buffer_.attach(fd_);
}

AtomicFile::FdBuffer::int_type AtomicFile::FdBuffer::overflow(int_type ch) {
  if (!write_out()) return traits_type::eof();
  if (!traits_type::eq_int_type(ch, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
  }
  return traits_type::not_eof(ch);
}

bool AtomicFile::FdBuffer::write_out() {
  const size_t size = static_cast<size_t>(pptr() - pbase());
  if (error_ == 0 && size > 0 && !write_all(fd_, pbase(), size)) error_ = errno != 0 ? errno : EIO;
  setp(bytes_.data(), bytes_.data() + bytes_.size());
  return error_ == 0;
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  if (fd_ >= 0) ::close(fd_);
  ::unlink(tmp_path_.c_str());
  unregister_temp_path(slot_);
}

void AtomicFile::commit() {
  const std::string shown = output_display_path(path_);
  const auto fail = [&](const std::string& what, int err) {
    ::close(fd_);
    fd_ = -1;
    ::unlink(tmp_path_.c_str());
    unregister_temp_path(slot_);
    committed_ = true;
    throw UserError(shown + ": " + what + ": " + std::strerror(err));
  };
  stream_.flush();
  if (buffer_.error() != 0) fail("write failed", buffer_.error());
  if (!stream_) fail("write failed", EIO);
  if (::close(fd_) != 0) {
    const int err = errno;
    fd_ = -1;
    fail("write failed", err);
  }
  fd_ = -1;
  // The target may have changed since the constructor looked; rename never follows a symlink at
  // the target, but it would replace a device or FIFO put there.
  struct stat st {};
  if (::lstat(path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    ::unlink(tmp_path_.c_str());
    unregister_temp_path(slot_);
    committed_ = true;
    throw UserError(shown + ": output exists and is " + file_kind_name(st.st_mode) +
                    "; refusing to replace it");
  }
  if (::rename(tmp_path_.c_str(), path_.c_str()) != 0) fail("cannot rename into place", errno);
  unregister_temp_path(slot_);
  committed_ = true;
}

}  // namespace blsim
