// SPDX-License-Identifier: MIT
#include "common/regular_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/user_error.h"

namespace blsim {
namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

}  // namespace

const char* file_kind_name(unsigned mode) {
  switch (mode & S_IFMT) {
    case S_IFREG: return "a regular file";
    case S_IFDIR: return "a directory";
    case S_IFIFO: return "a FIFO";
    case S_IFCHR: return "a character device";
    case S_IFBLK: return "a block device";
    case S_IFSOCK: return "a socket";
    case S_IFLNK: return "a symbolic link";
    default: return "not a regular file";
  }
}

int open_regular_file(const std::string& path, const std::string& what, uint64_t max_bytes,
                      const std::string& missing_hint) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
  Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    const int err = errno;
    std::string message = path + ": cannot open " + what;
    if (!missing_hint.empty()) message += " (" + missing_hint + ")";
    if (err != ENOENT) message += std::string(": ") + std::strerror(err);
    throw UserError(message);
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    throw UserError(path + ": cannot stat " + what + ": " + std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) {
    throw UserError(path + ": " + what + " is " + file_kind_name(st.st_mode) +
                    ", expected a regular file");
  }
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    throw UserError(path + ": " + what + " is " + std::to_string(st.st_size) +
                    " bytes, more than the " + std::to_string(max_bytes) + " a " + what +
                    " may be");
  }
  const int flags = ::fcntl(fd.get(), F_GETFL);
  if (flags < 0 || ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK) != 0) {
    throw UserError(path + ": cannot read " + what + ": " + std::strerror(errno));
  }
  return fd.release();
}

void require_regular_file(const std::string& path, const std::string& what, uint64_t max_bytes,
                          const std::string& missing_hint) {
  ::close(open_regular_file(path, what, max_bytes, missing_hint));
}

std::string read_regular_file(const std::string& path, const std::string& what,
                              uint64_t max_bytes, const std::string& missing_hint) {
  Fd fd(open_regular_file(path, what, max_bytes, missing_hint));
  std::string bytes;
  struct stat st {};
  if (::fstat(fd.get(), &st) == 0 && st.st_size > 0) {  // one allocation for the usual case
    bytes.reserve(static_cast<size_t>(std::min<uint64_t>(static_cast<uint64_t>(st.st_size), max_bytes)));
  }
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw UserError(path + ": cannot read " + what + ": " + std::strerror(errno));
    }
    if (got == 0) break;
    // The file may grow after the size check; the limit holds for what is read.
    if (bytes.size() + static_cast<size_t>(got) > max_bytes) {
      throw UserError(path + ": " + what + " is more than the " + std::to_string(max_bytes) +
                      " bytes a " + what + " may be");
    }
    bytes.append(buffer, static_cast<size_t>(got));
  }
  return bytes;
}

}  // namespace blsim
