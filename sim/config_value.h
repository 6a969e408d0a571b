// SPDX-License-Identifier: MIT
// One configuration value read as its declaration asks: numbers, flags, comma-separated lists
// and names, and the check of a value against its option's kind, bound and choices.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/config.h"

namespace blsim {

bool parse_real(const std::string& text, double* out);      // a finite number
bool parse_integer(const std::string& text, int64_t* out);
bool parse_flag(const std::string& text, bool* out);        // true/1/yes/on, false/0/no/off
// Comma-separated items, trimmed; an empty text is an empty list.
std::vector<std::string> split_list(const std::string& text);
// Lower-case letters, digits and _, 1 to 32 of them: a cluster, cache or stage name.
bool valid_name(const std::string& name);
// An empty string when the text is valid for the spec, else what was expected.
std::string check_value(const OptionSpec& spec, const std::string& text);

}  // namespace blsim
