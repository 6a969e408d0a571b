// SPDX-License-Identifier: MIT
// Numbers read from text (configuration values, sweep ranges, CSV cells): the whole text must be
// the number, and a real must be finite; anything else is refused, never half-read.
#pragma once

#include <cstdint>
#include <string>

namespace blsim {

bool parse_finite(const std::string& text, double* out);
bool parse_int64(const std::string& text, int64_t* out);

}  // namespace blsim
