// SPDX-License-Identifier: MIT
#include "workloads/datasets/idx_file.h"

#include <zlib.h>

#include <unistd.h>

#include <cstdio>

#include "common/regular_file.h"
#include "common/user_error.h"

namespace blsim {
namespace {

class GzReader {
 public:
  // The largest real file (training images) is 26 MB compressed.
  explicit GzReader(const std::string& path) : path_(path) {
    const int fd = open_regular_file(path, "IDX file", uint64_t{256} << 20,
                                     "run scripts/setup.sh (MNIST comes with it, Fashion-MNIST is "
                                     "the Debian package dataset-fashion-mnist)");
    file_ = gzdopen(fd, "rb");
    if (file_ == nullptr) {
      ::close(fd);
      throw UserError(path + ": cannot read IDX file (out of memory in zlib)");
    }
  }
  ~GzReader() { gzclose(file_); }
  GzReader(const GzReader&) = delete;
  GzReader& operator=(const GzReader&) = delete;

  // Reads exactly `bytes` bytes or throws, saying what was being read.
  void read(void* out, size_t bytes, const std::string& what) {
    auto* dest = static_cast<unsigned char*>(out);
    while (bytes > 0) {
      const unsigned chunk = bytes > (1u << 30) ? (1u << 30) : static_cast<unsigned>(bytes);
      const int got = gzread(file_, dest, chunk);
      if (got < 0) fail_zlib();
      if (got == 0) throw UserError(path_ + ": truncated (file ends inside the " + what + ")");
      dest += got;
      bytes -= static_cast<size_t>(got);
    }
  }

  uint32_t read_u32(const std::string& what) {
    unsigned char b[4];
    read(b, 4, what);
    return (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | b[3];
  }

  void expect_end() {
    unsigned char extra = 0;
    const int got = gzread(file_, &extra, 1);
    if (got < 0) fail_zlib();
    if (got != 0) throw UserError(path_ + ": unexpected bytes after the last item");
  }

 private:
  [[noreturn]] void fail_zlib() {
    int code = 0;
    const char* message = gzerror(file_, &code);
    throw UserError(path_ + ": corrupt gzip data (" + (message != nullptr ? message : "?") + ")");
  }

  std::string path_;
  gzFile file_ = nullptr;
};

void check_header(GzReader& in, const std::string& path, uint32_t magic,
                  const std::vector<int64_t>& dims) {
  const uint32_t got_magic = in.read_u32("header");
  if (got_magic != magic) {
    char text[64];
    std::snprintf(text, sizeof text, "bad magic 0x%08x (expected 0x%08x)", got_magic, magic);
    throw UserError(path + ": " + text);
  }
  static const char* const kNames[] = {"item count", "row count", "column count"};
  for (size_t d = 0; d < dims.size(); ++d) {
    const uint32_t got = in.read_u32("header");
    if (static_cast<int64_t>(got) != dims[d]) {
      throw UserError(path + ": header " + kNames[d] + " is " + std::to_string(got) +
                      ", expected " + std::to_string(dims[d]));
    }
  }
}

}  // namespace

IdxImages read_idx_images(const std::string& path, int64_t count, int64_t rows, int64_t cols) {
  GzReader in(path);
  check_header(in, path, 0x00000803u, {count, rows, cols});
  IdxImages images;
  images.count = count;
  images.rows = rows;
  images.cols = cols;
  // Kept as bytes: a split picks its samples before they become floats (4x the memory).
  images.pixels.resize(static_cast<size_t>(count * rows * cols));
  in.read(images.pixels.data(), images.pixels.size(), "pixel data");
  in.expect_end();
  return images;
}

std::vector<int> read_idx_labels(const std::string& path, int64_t count, int classes) {
  GzReader in(path);
  check_header(in, path, 0x00000801u, {count});
  std::vector<unsigned char> bytes(static_cast<size_t>(count));
  in.read(bytes.data(), bytes.size(), "label data");
  in.expect_end();
  std::vector<int> labels(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] >= classes) {
      throw UserError(path + ": label " + std::to_string(bytes[i]) + " at item " +
                      std::to_string(i) + " is not a class 0-" + std::to_string(classes - 1));
    }
    labels[i] = bytes[i];
  }
  return labels;
}

}  // namespace blsim
