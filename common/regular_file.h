// SPDX-License-Identifier: MIT
// Input files must be regular files of bounded size: a FIFO blocks a reader forever, /dev/zero is
// read until memory runs out, a folder reads as garbage. Every reader opens its input here; the
// opened descriptor is checked (fstat, no race with a separate stat) before a byte is read.
#pragma once

#include <cstdint>
#include <string>

namespace blsim {

// Limits of the formats blsim reads (protobuf itself refuses messages of 2 GiB or more).
constexpr uint64_t kMaxProtobufBytes = (uint64_t{1} << 31) - 1;

// Opens `path` for reading and returns the descriptor (the caller closes it), or throws UserError:
//   "PATH: cannot open WHAT[ (HINT)]"  (plus ": <strerror>" unless the file does not exist)
//   "PATH: WHAT is a directory / a FIFO / a character device / ..., expected a regular file"
//   "PATH: WHAT is N bytes, more than the M a WHAT may be"
// `what` names the kind of file ("ONNX model", "config file"); symlinks to regular files are fine.
int open_regular_file(const std::string& path, const std::string& what, uint64_t max_bytes,
                      const std::string& missing_hint = "");

// The same checks without keeping the file open (for readers that open it themselves).
void require_regular_file(const std::string& path, const std::string& what, uint64_t max_bytes,
                          const std::string& missing_hint = "");

// The whole file, after the checks above; a read error throws UserError naming its reason.
std::string read_regular_file(const std::string& path, const std::string& what,
                              uint64_t max_bytes, const std::string& missing_hint = "");

// "a directory", "a FIFO", "a character device", ... for an st_mode (messages).
const char* file_kind_name(unsigned mode);

}  // namespace blsim
