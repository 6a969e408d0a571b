// SPDX-License-Identifier: MIT
// One INI file as blsim reads it: a bounded regular file (a FIFO or a device would hang or eat
// memory), parsed by Boost.Program_options (parse_config_file), with what Boost lacks: the line
// of every key for messages, and a key or section given twice refused (one would be lost).
#pragma once

#include <string>
#include <vector>

namespace blsim {

struct IniEntry {
  std::string key;    // "section.name"
  std::string value;  // without surrounding blanks
  int line = 0;       // 1-based; 0 when unknown
};

// The entries of the file in order; throws UserError "FILE:LINE: ..." for a bad file.
std::vector<IniEntry> read_ini_file(const std::string& path);

// `text` without leading and trailing blanks (space, tab, CR).
std::string trim_blanks(const std::string& text);

}  // namespace blsim
