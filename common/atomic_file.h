// SPDX-License-Identifier: MIT
// Output files appear whole or not at all and never replace anything but a regular file: data is
// buffered, written at commit() to a temporary made by mkostemp (O_EXCL, unpredictable name, no
// symlink followed) beside the target and renamed over it. A symlink, device (/dev/null), FIFO or
// folder at the target is refused.
#pragma once

#include <sstream>
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

  std::ostream& stream() { return buffer_; }
  const std::string& path() const { return path_; }
  // Writes, re-checks the target and renames into place; throws UserError naming the file and
  // the reason (strerror) on failure, and leaves nothing behind then.
  void commit();

 private:
  std::string path_;
  std::string tmp_path_;
  int fd_ = -1;
  int slot_ = -1;  // signal-cleanup registration of tmp_path_
  std::ostringstream buffer_;
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
