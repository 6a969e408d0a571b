// SPDX-License-Identifier: MIT
#include "sim/ini_file.h"

#include <boost/program_options.hpp>

#include <cstdint>
#include <map>
#include <sstream>

#include "common/regular_file.h"
#include "common/user_error.h"

namespace po = boost::program_options;

namespace blsim {
namespace {

constexpr uint64_t kMaxConfigBytes = 1 << 20;  // a preset is a few KiB; a dump about 20 KiB

// Line of each "section.key" in an INI file, for messages (the parser itself keeps none). A key
// or a section header given twice is refused: one of the two would be silently lost.
std::map<std::string, int> key_lines(const std::string& file, const std::string& text) {
  std::map<std::string, int> lines;
  std::map<std::string, int> sections;
  std::istringstream in(text);
  std::string line, section;
  for (int n = 1; std::getline(in, line); ++n) {
    const std::string t = trim_blanks(line.substr(0, line.find('#')));
    if (t.empty() || t[0] == ';') continue;
    if (t.front() == '[' && t.back() == ']') {
      section = trim_blanks(t.substr(1, t.size() - 2));
      const auto [it, added] = sections.emplace(section, n);
      if (!added) {
        throw UserError(file + ":" + std::to_string(n) + ": section [" + section +
                        "] given twice (first at line " + std::to_string(it->second) +
                        "); merge the two");
      }
      continue;
    }
    const auto eq = t.find('=');
    if (eq == std::string::npos) continue;
    const std::string name = trim_blanks(t.substr(0, eq));
    const std::string key = section.empty() ? name : section + "." + name;
    const auto [it, added] = lines.emplace(key, n);
    if (!added) {
      throw UserError(file + ":" + std::to_string(n) + ": " + key + " given twice (first at line " +
                      std::to_string(it->second) + "); keep one");
    }
  }
  return lines;
}

// The first line that is neither blank, comment, section header nor key=value.
int first_bad_line(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    const std::string t = trim_blanks(line.substr(0, line.find('#')));
    if (t.empty() || t[0] == ';') continue;
    if (t.front() == '[' && t.back() == ']') continue;
    if (t.find('=') != std::string::npos && t.find('=') > 0) continue;
    return n;
  }
  return 0;
}

}  // namespace

std::string trim_blanks(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::vector<IniEntry> read_ini_file(const std::string& file) {
  const std::string text = read_regular_file(file, "config file", kMaxConfigBytes);
  std::istringstream in(text);
  po::parsed_options parsed(nullptr);
  try {
    po::options_description none;
    parsed = po::parse_config_file(in, none, /*allow_unregistered=*/true);
  } catch (const po::error& e) {
    const int line = first_bad_line(text);
    throw UserError(file + (line > 0 ? ":" + std::to_string(line) : "") + ": " + e.what());
  }
  const auto lines = key_lines(file, text);
  std::vector<IniEntry> entries;
  for (const auto& opt : parsed.options) {
    const auto it = lines.find(opt.string_key);
    entries.push_back(IniEntry{opt.string_key,
                               opt.value.empty() ? "" : trim_blanks(opt.value.back()),
                               it != lines.end() ? it->second : 0});
  }
  return entries;
}

}  // namespace blsim
