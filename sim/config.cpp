// SPDX-License-Identifier: MIT
// INI syntax is read by Boost.Program_options (parse_config_file); this file adds what it lacks:
// per-key validation against the OptionTable and file:line positions for every message.
#include "sim/config.h"

#include <boost/program_options.hpp>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "common/user_error.h"

namespace po = boost::program_options;

namespace blsim {
namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

const char* bound_phrase(Bound bound, ValueKind kind) {
  const bool integer = kind == ValueKind::kInteger;
  switch (bound) {
    case Bound::kPositive: return integer ? "a positive integer" : "a positive number";
    case Bound::kNonNegative: return integer ? "a non-negative integer" : "a non-negative number";
    case Bound::kFraction: return "a number between 0 and 1";
    case Bound::kAny: break;
  }
  return integer ? "an integer" : "a number";
}

bool parse_real(const std::string& text, double* out) {
  if (text.empty()) return false;
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (errno != 0 || end != text.c_str() + text.size() || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

bool parse_integer(const std::string& text, int64_t* out) {
  if (text.empty()) return false;
  errno = 0;
  char* end = nullptr;
  const long long v = std::strtoll(text.c_str(), &end, 10);
  if (errno != 0 || end != text.c_str() + text.size()) return false;
  *out = v;
  return true;
}

bool parse_flag(const std::string& text, bool* out) {
  if (text == "true" || text == "1" || text == "yes" || text == "on") {
    *out = true;
    return true;
  }
  if (text == "false" || text == "0" || text == "no" || text == "off") {
    *out = false;
    return true;
  }
  return false;
}

bool in_bound(double v, Bound bound) {
  switch (bound) {
    case Bound::kPositive: return v > 0;
    case Bound::kNonNegative: return v >= 0;
    case Bound::kFraction: return v >= 0 && v <= 1;
    case Bound::kAny: break;
  }
  return true;
}

// Returns an empty string when the text is valid for the spec, else what was expected.
std::string check_value(const OptionSpec& spec, const std::string& text) {
  const std::string got = ", got \"" + text + "\"";
  switch (spec.kind) {
    case ValueKind::kReal: {
      double v = 0;
      if (!parse_real(text, &v) || !in_bound(v, spec.bound)) {
        return std::string("expected ") + bound_phrase(spec.bound, spec.kind) + got;
      }
      return "";
    }
    case ValueKind::kInteger: {
      int64_t v = 0;
      if (!parse_integer(text, &v) || !in_bound(static_cast<double>(v), spec.bound)) {
        return std::string("expected ") + bound_phrase(spec.bound, spec.kind) + got;
      }
      return "";
    }
    case ValueKind::kFlag: {
      bool v = false;
      return parse_flag(text, &v) ? "" : "expected true or false" + got;
    }
    case ValueKind::kText: {
      if (spec.choices.empty()) return "";
      std::string list;
      for (const auto& c : spec.choices) {
        if (c == text) return "";
        list += (list.empty() ? "" : ", ") + c;
      }
      return "expected one of " + list + got;
    }
    case ValueKind::kPath:
      return text.empty() ? "expected a file name" + got : "";
  }
  return "";
}

// Edit distance, to suggest the declared key nearest to a misspelt one.
size_t distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string unknown_key_message(const OptionTable& table, const std::string& key) {
  std::string best;
  size_t best_d = 4;  // suggest only near misses
  for (const auto& spec : table.specs()) {
    const size_t d = distance(key, spec.key);
    if (d < best_d) {
      best_d = d;
      best = spec.key;
    }
  }
  return "unknown key " + key + (best.empty() ? "" : " (did you mean " + best + "?)");
}

// Line of each "section.key" in an INI file, for messages (the parser itself keeps none).
std::map<std::string, int> key_lines(const std::string& file) {
  std::map<std::string, int> lines;
  std::ifstream in(file);
  std::string line, section;
  for (int n = 1; std::getline(in, line); ++n) {
    const std::string t = trim(line.substr(0, line.find('#')));
    if (t.empty() || t[0] == ';') continue;
    if (t.front() == '[' && t.back() == ']') {
      section = trim(t.substr(1, t.size() - 2));
      continue;
    }
    const auto eq = t.find('=');
    if (eq == std::string::npos) continue;
    const std::string name = trim(t.substr(0, eq));
    lines[section.empty() ? name : section + "." + name] = n;  // last occurrence wins
  }
  return lines;
}

// The first line that is neither blank, comment, section header nor key=value.
int first_bad_line(const std::string& file) {
  std::ifstream in(file);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    const std::string t = trim(line.substr(0, line.find('#')));
    if (t.empty() || t[0] == ';') continue;
    if (t.front() == '[' && t.back() == ']') continue;
    if (t.find('=') != std::string::npos && t.find('=') > 0) continue;
    return n;
  }
  return 0;
}

std::string folder_of(const std::string& file) {
  const std::filesystem::path p(file);
  return p.has_parent_path() ? p.parent_path().string() : ".";
}

void put(std::map<std::string, Setting>& values, const OptionTable& table, const std::string& key,
         const std::string& text, const std::string& origin, const std::string& base_dir) {
  const OptionSpec* spec = table.find(key);
  if (spec == nullptr) throw UserError(origin + ": " + unknown_key_message(table, key));
  const std::string problem = check_value(*spec, text);
  if (!problem.empty()) throw UserError(origin + ": " + key + ": " + problem);
  values[key] = Setting{text, origin, base_dir};
}

void load_file(std::map<std::string, Setting>& values, const OptionTable& table,
               const std::string& file) {
  std::ifstream in(file);
  if (!in) throw UserError(file + ": cannot open config file");
  po::parsed_options parsed(nullptr);
  try {
    po::options_description none;
    parsed = po::parse_config_file(in, none, /*allow_unregistered=*/true);
  } catch (const po::error& e) {
    const int line = first_bad_line(file);
    throw UserError(file + (line > 0 ? ":" + std::to_string(line) : "") + ": " + e.what());
  }
  const auto lines = key_lines(file);
  for (const auto& opt : parsed.options) {
    const std::string& key = opt.string_key;
    const auto it = lines.find(key);
    const std::string origin = file + (it != lines.end() ? ":" + std::to_string(it->second) : "");
    const std::string text = opt.value.empty() ? "" : trim(opt.value.back());
    put(values, table, key, text, origin, folder_of(file));
  }
}

}  // namespace

OptionTable& OptionTable::add(OptionSpec spec) {
  if (index_.count(spec.key) != 0) {
    throw std::logic_error("option declared twice: " + spec.key);
  }
  index_[spec.key] = specs_.size();
  specs_.push_back(std::move(spec));
  return *this;
}

OptionTable& OptionTable::real(const std::string& key, const std::string& default_text,
                               const std::string& unit, const std::string& help, Bound bound) {
  return add(OptionSpec{key, ValueKind::kReal, default_text, false, unit, help, bound, {}});
}

OptionTable& OptionTable::integer(const std::string& key, const std::string& default_text,
                                  const std::string& unit, const std::string& help,
                                  Bound bound) {
  return add(OptionSpec{key, ValueKind::kInteger, default_text, false, unit, help, bound, {}});
}

OptionTable& OptionTable::text(const std::string& key, const std::string& default_text,
                               const std::string& help, std::vector<std::string> choices) {
  return add(OptionSpec{key, ValueKind::kText, default_text, false, "", help, Bound::kAny,
                        std::move(choices)});
}

OptionTable& OptionTable::flag(const std::string& key, bool default_value,
                               const std::string& help) {
  return add(OptionSpec{key, ValueKind::kFlag, default_value ? "true" : "false", false, "", help,
                        Bound::kAny, {}});
}

OptionTable& OptionTable::path(const std::string& key, const std::string& default_text,
                               const std::string& help) {
  return add(OptionSpec{key, ValueKind::kPath, default_text, false, "", help, Bound::kAny, {}});
}

OptionTable& OptionTable::required() {
  if (!specs_.empty()) specs_.back().required = true;
  return *this;
}

const OptionSpec* OptionTable::find(const std::string& key) const {
  const auto it = index_.find(key);
  return it == index_.end() ? nullptr : &specs_[it->second];
}

const Setting& Config::get(const std::string& key) const {
  const auto it = values_.find(key);
  if (it == values_.end()) throw std::logic_error("config key not declared or not set: " + key);
  return it->second;
}

double Config::real(const std::string& key) const {
  double v = 0;
  parse_real(get(key).text, &v);
  return v;
}

int64_t Config::integer(const std::string& key) const {
  int64_t v = 0;
  parse_integer(get(key).text, &v);
  return v;
}

bool Config::flag(const std::string& key) const {
  bool v = false;
  parse_flag(get(key).text, &v);
  return v;
}

const std::string& Config::text(const std::string& key) const { return get(key).text; }

std::string Config::path(const std::string& key) const {
  const Setting& s = get(key);
  const std::filesystem::path p(s.text);
  if (p.is_absolute() || s.base_dir.empty()) return s.text;
  return (std::filesystem::path(s.base_dir) / p).lexically_normal().string();
}

const std::string& Config::origin(const std::string& key) const { return get(key).origin; }

void Config::fail(const std::string& key, const std::string& what) const {
  const auto it = values_.find(key);
  const std::string where = it == values_.end() ? std::string("config") : it->second.origin;
  throw UserError(where + ": " + key + ": " + what);
}

void Config::set(const OptionTable& table, const std::string& key, const std::string& text,
                 const std::string& origin) {
  put(values_, table, key, text, origin, ".");
}

void Config::dump(std::ostream& out, const OptionTable& table) const {
  out << "# blsim effective configuration: value  # unit; origin; meaning\n";
  std::string section;
  for (const auto& spec : table.specs()) {
    const auto dot = spec.key.find('.');
    const std::string sec = dot == std::string::npos ? "" : spec.key.substr(0, dot);
    const std::string name = dot == std::string::npos ? spec.key : spec.key.substr(dot + 1);
    if (sec != section) {
      out << "\n[" << sec << "]\n";
      section = sec;
    }
    const auto it = values_.find(spec.key);
    const std::string value =
        it == values_.end() ? "" : (spec.kind == ValueKind::kPath ? path(spec.key) : it->second.text);
    const std::string origin = it == values_.end() ? "unset" : it->second.origin;
    out << name << " = " << value << "  # " << (spec.unit.empty() ? "-" : spec.unit) << "; "
        << origin << "; " << spec.help << "\n";
  }
}

std::string Config::canonical() const {
  std::ostringstream out;
  for (const auto& [key, setting] : values_) out << key << "=" << setting.text << "\n";
  return out.str();
}

Config load_config(const OptionTable& table, const std::vector<std::string>& files,
                   const std::vector<std::string>& sets, const std::string& default_base_dir) {
  Config config;
  for (const auto& spec : table.specs()) {
    if (!spec.required) {
      config.values_[spec.key] = Setting{spec.default_text, "default", default_base_dir};
    }
  }
  for (const auto& file : files) load_file(config.values_, table, file);
  for (const auto& assignment : sets) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw UserError("--set " + assignment + ": expected section.key=value");
    }
    put(config.values_, table, trim(assignment.substr(0, eq)), trim(assignment.substr(eq + 1)),
        "--set", ".");
  }
  for (const auto& spec : table.specs()) {
    if (config.values_.count(spec.key) == 0) {
      throw UserError(spec.key + ": no value given (set it in a --config file or with --set " +
                      spec.key + "=...)");
    }
  }
  return config;
}

std::string blsim_home() {
  if (const char* env = std::getenv("BLSIM_HOME"); env != nullptr && *env != '\0') return env;
#ifdef BLSIM_SOURCE_DIR
  return BLSIM_SOURCE_DIR;
#else
  return ".";
#endif
}

}  // namespace blsim
