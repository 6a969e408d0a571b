// SPDX-License-Identifier: MIT
// DRAM request traces in DRAMsim3's format, one request a line: `ADDRESS OP CYCLE`, the address
// in hexadecimal (0x optional, up to 64 bits), OP READ or WRITE, and the DRAM clock cycle at which
// the request reaches the controller (decimal, non-decreasing). Blank lines are skipped; fields
// are separated by blanks or tabs; a line may end in CR LF.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "models/dram_scheduler.h"

namespace blsim {

// The requests of `text` (read from `path`), each of `request_bytes`. A malformed line is a
// UserError "PATH:LINE: what is wrong (expected ADDRESS READ|WRITE CYCLE, ...)"; a trace with no
// request is one too.
std::vector<DramRequest> parse_dram_trace(const std::string& path, std::string_view text,
                                          uint64_t request_bytes);

}  // namespace blsim
