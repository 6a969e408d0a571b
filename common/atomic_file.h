// SPDX-License-Identifier: MIT
// Output files appear whole or not at all and never replace anything but a regular file: data is
// written, 64 KiB at a time, to a temporary made by mkostemp (O_EXCL, unpredictable name, no
// symlink followed) beside the target, which commit() renames over it (and which is removed
// otherwise). A symlink, device (/dev/null), FIFO or folder at the target is refused.
#pragma once

#include <array>
#include <ostream>
#include <streambuf>
#include <string>

namespace blsim {

class AtomicFile {
 public:
  // Checks the target (check_output_file) and reserves the temporary now, so a bad output path
  // fails before any work. `binary` is accepted for symmetry with iostreams; bytes are kept as is.
  explicit AtomicFile(const std::string& path, bool binary = false);
  ~AtomicFile();  // removes the temporary unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return stream_; }
  const std::string& path() const { return path_; }
  // Writes, re-checks the target and renames into place; throws UserError naming the file and
  // the reason (strerror) on failure, and leaves nothing behind then.
  void commit();

 private:
  std::string path_;
  std::string tmp_path_;
  int fd_ = -1;
  int slot_ = -1;  // signal-cleanup registration of tmp_path_
  // Buffers the stream's bytes and writes them to the temporary when full or flushed; the first
  // failed write is kept (errno) and reported by commit().
  class FdBuffer : public std::streambuf {
   public:
    FdBuffer() { setp(bytes_.data(), bytes_.data() + bytes_.size()); }
    void attach(int fd) { fd_ = fd; }
    int error() const { return error_; }

   protected:
    int_type overflow(int_type ch) override;
    int sync() override { return write_out() ? 0 : -1; }

   private:
    bool write_out();
    std::array<char, 65536> bytes_{};
    int fd_ = -1;
    int error_ = 0;
  };
  FdBuffer buffer_;
  std::ostream stream_{&buffer_};
  bool committed_ = false;
};

// Throws UserError unless PATH can be written as a regular output file: PATH is absent or a
// regular file (not a symlink, device, FIFO, socket or folder) and its folder exists and is
// writable. Commands call it before the work whose result goes there.
void check_output_file(const std::string& path);

// Throws UserError unless DIR is a writable folder or can be created (its nearest existing
// ancestor is a writable folder). Creates nothing.
void check_output_dir(const std::string& dir);

// Creates DIR (and parents) or throws UserError naming it.
void make_output_dir(const std::string& dir);

// The path a message should show for an output: a file staged by an OutputSet is named by its
// final place (".../.blsim-staging-<pid>-XXXXXX/summary.csv" -> ".../summary.csv").
std::string output_display_path(const std::string& path);

}  // namespace blsim
