// SPDX-License-Identifier: MIT
// The configuration of a run: the option table, families of keys, layering of defaults, INI
// files (sim/ini_file.h) and --set; each value is checked against its declaration as it is set
// (sim/config_value.h).
#include "sim/config.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <ostream>
#include <sstream>

#include "common/number_text.h"
#include "common/user_error.h"
#include "sim/config_value.h"
#include "sim/ini_file.h"

namespace blsim {
namespace {

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

std::string folder_of(const std::string& file) {
  const std::filesystem::path p(file);
  return p.has_parent_path() ? p.parent_path().string() : ".";
}

void put(std::map<std::string, Setting>& values, const OptionTable& table, const std::string& key,
         const std::string& text, const std::string& origin, const std::string& base_dir,
         int layer) {
  const OptionSpec* spec = table.find(key);
  if (spec == nullptr) throw UserError(origin + ": " + unknown_key_message(table, key));
  std::string member;
  const OptionTable::Family* family = table.family_of(key, &member);
  if (family != nullptr && !valid_name(member)) {
    throw UserError(origin + ": " + key + ": a " + family->noun +
                    " name is lower-case letters, digits and _ (at most 32), got \"" + member +
                    "\"");
  }
  const std::string problem = check_value(*spec, text);
  if (!problem.empty()) throw UserError(origin + ": " + key + ": " + problem);
  values[key] = Setting{text, origin, base_dir, layer};
}

void load_file(std::map<std::string, Setting>& values, const OptionTable& table,
               const std::string& file, int layer) {
  for (const IniEntry& e : read_ini_file(file)) {
    put(values, table, e.key, e.value, file + (e.line > 0 ? ":" + std::to_string(e.line) : ""),
        folder_of(file), layer);
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

OptionTable& OptionTable::names(const std::string& key, const std::string& default_text,
                                const std::string& help, Bound bound, double max_items) {
  OptionSpec spec{key, ValueKind::kNames, default_text, false, "", help, bound, {}};
  spec.max = max_items;
  return add(std::move(spec));
}

OptionTable& OptionTable::reals(const std::string& key, const std::string& default_text,
                                const std::string& unit, const std::string& help, Bound bound) {
  return add(OptionSpec{key, ValueKind::kReals, default_text, false, unit, help, bound, {}});
}

OptionTable& OptionTable::required() {
  if (!specs_.empty()) specs_.back().required = true;
  return *this;
}

OptionTable& OptionTable::at_most(double max) {
  if (!specs_.empty()) specs_.back().max = max;
  return *this;
}

OptionTable& OptionTable::family(const std::string& prefix, const std::string& list_key,
                                 const std::string& noun) {
  families_.push_back(Family{prefix, list_key, noun});
  return *this;
}

const OptionTable::Family* OptionTable::family_of(const std::string& key,
                                                  std::string* name) const {
  const auto first = key.find('.');
  if (first == std::string::npos) return nullptr;
  const auto second = key.find('.', first + 1);
  if (second == std::string::npos) return nullptr;
  const std::string prefix = key.substr(0, first);
  for (const auto& f : families_) {
    if (f.prefix != prefix) continue;
    if (name != nullptr) *name = key.substr(first + 1, second - first - 1);
    return &f;
  }
  return nullptr;
}

const OptionSpec* OptionTable::find(const std::string& key) const {
  auto it = index_.find(key);
  if (it != index_.end()) return &specs_[it->second];
  std::string name;
  if (family_of(key, &name) == nullptr) return nullptr;
  const auto first = key.find('.');
  const std::string pattern = key.substr(0, first) + ".*" + key.substr(first + 1 + name.size());
  it = index_.find(pattern);
  return it == index_.end() ? nullptr : &specs_[it->second];
}

const Setting& Config::get(const std::string& key) const {
  const auto it = values_.find(key);
  if (it == values_.end()) throw std::logic_error("config key not declared or not set: " + key);
  return it->second;
}

// Values were checked against their spec when they were set: a parse failure here is a bug in
// the caller (a read of a key as the wrong type), never bad input.
double Config::real(const std::string& key) const {
  double v = 0;
  if (!parse_real(get(key).text, &v)) throw std::logic_error(key + " read as a number");
  return v;
}

int64_t Config::integer(const std::string& key) const {
  int64_t v = 0;
  if (!parse_integer(get(key).text, &v)) throw std::logic_error(key + " read as an integer");
  return v;
}

bool Config::flag(const std::string& key) const {
  bool v = false;
  if (!parse_flag(get(key).text, &v)) throw std::logic_error(key + " read as a flag");
  return v;
}

std::vector<std::string> Config::names(const std::string& key) const {
  return split_list(get(key).text);
}

std::vector<double> Config::reals(const std::string& key) const {
  std::vector<double> out;
  for (const auto& item : split_list(get(key).text)) {
    double v = 0;
    if (!parse_real(item, &v)) throw std::logic_error(key + " read as a list of numbers");
    out.push_back(v);
  }
  return out;
}

const std::string& Config::text(const std::string& key) const { return get(key).text; }

std::string Config::path(const std::string& key) const {
  const Setting& s = get(key);
  const std::filesystem::path p(s.text);
  if (s.text.empty() || p.is_absolute() || s.base_dir.empty()) return s.text;
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
  put(values_, table, key, text, origin, ".", ++top_layer_);
  settle_families(table);
}

void Config::settle_families(const OptionTable& table) {
  for (const auto& family : table.families()) {
    const auto list_it = values_.find(family.list_key);
    const std::vector<std::string> listed =
        list_it == values_.end() ? std::vector<std::string>{} : split_list(list_it->second.text);
    const int list_layer = list_it == values_.end() ? 0 : list_it->second.layer;
    const std::string prefix = family.prefix + ".";
    for (auto it = values_.lower_bound(prefix);
         it != values_.end() && it->first.compare(0, prefix.size(), prefix) == 0;) {
      std::string name;
      table.family_of(it->first, &name);
      const bool is_listed = std::find(listed.begin(), listed.end(), name) != listed.end();
      if (is_listed || it->second.origin == "default") {
        it = is_listed ? std::next(it) : values_.erase(it);
        continue;
      }
      // A later layer that lists the members anew replaces the earlier layers' members; a key
      // set with or after the list must name a listed member.
      if (it->second.layer >= list_layer) {
        std::string names;
        for (const auto& n : listed) names += (names.empty() ? "" : ", ") + n;
        throw UserError(it->second.origin + ": " + it->first + ": no " + family.noun + " " +
                        name + " (" + family.list_key + " = " +
                        (names.empty() ? std::string("nothing") : names) + ")");
      }
      it = values_.erase(it);
    }
    // Every listed member has every key of the family, at its default when no layer gave one.
    for (const auto& spec : table.specs()) {
      if (spec.key.compare(0, prefix.size() + 2, prefix + "*.") != 0) continue;
      const std::string rest = spec.key.substr(prefix.size() + 2);
      for (const auto& name : listed) {
        const std::string key = prefix + name + "." + rest;
        if (values_.count(key) == 0 && !spec.required) {
          values_[key] = Setting{spec.default_text, "default", "", 0};
        }
      }
    }
  }
}

void Config::dump(std::ostream& out, const OptionTable& table) const {
  // Grouped by section, sections in order of first appearance, so the dump loads again (a
  // section given twice in one file is an error).
  std::vector<std::pair<std::string, std::string>> sections;  // name, its lines
  auto print = [&](const OptionSpec& spec, const std::string& key) {
    const auto dot = key.rfind('.');
    const std::string sec = dot == std::string::npos ? "" : key.substr(0, dot);
    const std::string name = dot == std::string::npos ? key : key.substr(dot + 1);
    auto it = std::find_if(sections.begin(), sections.end(),
                           [&](const auto& s) { return s.first == sec; });
    if (it == sections.end()) it = sections.insert(sections.end(), {sec, ""});
    const auto v = values_.find(key);
    std::string value = v == values_.end() ? "" : v->second.text;
    if (spec.kind == ValueKind::kPath && !value.empty()) {  // absolute: the dump may move
      value = std::filesystem::absolute(path(key)).lexically_normal().string();
    }
    const std::string origin = v == values_.end() ? "unset" : v->second.origin;
    it->second += name + " = " + value + "  # " + (spec.unit.empty() ? "-" : spec.unit) + "; " +
                  origin + "; " + spec.help + "\n";
  };
  // Ordinary keys in declaration order; each family's keys member by member, in list order.
  for (const auto& spec : table.specs()) {
    if (table.family_of(spec.key, nullptr) == nullptr) print(spec, spec.key);
  }
  for (const auto& family : table.families()) {
    const auto list_it = values_.find(family.list_key);
    if (list_it == values_.end()) continue;
    const std::string pattern = family.prefix + ".*.";
    for (const auto& name : split_list(list_it->second.text)) {
      for (const auto& spec : table.specs()) {
        if (spec.key.compare(0, pattern.size(), pattern) != 0) continue;
        print(spec, family.prefix + "." + name + "." + spec.key.substr(pattern.size()));
      }
    }
  }
  out << "# blsim effective configuration: value  # unit; origin; meaning\n";
  for (const auto& [name, lines] : sections) out << "\n[" << name << "]\n" << lines;
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
    if (!spec.required && table.family_of(spec.key, nullptr) == nullptr) {
      config.values_[spec.key] = Setting{spec.default_text, "default", default_base_dir, 0};
    }
  }
  int layer = 0;
  for (const auto& file : files) load_file(config.values_, table, file, ++layer);
  ++layer;
  for (const auto& assignment : sets) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw UserError("--set " + assignment + ": expected section.key=value");
    }
    put(config.values_, table, trim_blanks(assignment.substr(0, eq)), trim_blanks(assignment.substr(eq + 1)),
        "--set", ".", layer);
  }
  config.top_layer_ = layer;
  config.settle_families(table);
  for (const auto& spec : table.specs()) {
    if (table.family_of(spec.key, nullptr) != nullptr) continue;
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
