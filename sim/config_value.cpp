// SPDX-License-Identifier: MIT
#include "sim/config_value.h"

#include <algorithm>
#include <limits>
#include <set>
#include <sstream>

#include "common/number_text.h"
#include "sim/ini_file.h"

namespace blsim {
namespace {

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

std::string number_text(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
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

std::string at_most_phrase(const OptionSpec& spec) {
  return spec.max == std::numeric_limits<double>::infinity() ? ""
                                                             : " of at most " + number_text(spec.max);
}

}  // namespace

bool parse_real(const std::string& text, double* out) { return parse_finite(text, out); }

bool parse_integer(const std::string& text, int64_t* out) { return parse_int64(text, out); }

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

// Comma-separated items, trimmed; an empty text is an empty list.

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  if (trim_blanks(text).empty()) return items;
  size_t pos = 0;
  for (;;) {
    const size_t end = std::min(text.find(',', pos), text.size());
    items.push_back(trim_blanks(text.substr(pos, end - pos)));
    if (end == text.size()) break;
    pos = end + 1;
  }
  return items;
}

bool valid_name(const std::string& name) {
  if (name.empty() || name.size() > 32) return false;
  for (const char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

// Returns an empty string when the text is valid for the spec, else what was expected.

std::string check_value(const OptionSpec& spec, const std::string& text) {
  const std::string got = ", got \"" + text + "\"";
  switch (spec.kind) {
    case ValueKind::kReal: {
      double v = 0;
      if (!parse_real(text, &v) || !in_bound(v, spec.bound) || v > spec.max) {
        return std::string("expected ") + bound_phrase(spec.bound, spec.kind) +
               at_most_phrase(spec) + got;
      }
      return "";
    }
    case ValueKind::kInteger: {
      int64_t v = 0;
      if (!parse_integer(text, &v) || !in_bound(static_cast<double>(v), spec.bound) ||
          static_cast<double>(v) > spec.max) {
        return std::string("expected ") + bound_phrase(spec.bound, spec.kind) +
               at_most_phrase(spec) + got;
      }
      return "";
    }
    case ValueKind::kNames: {
      const auto items = split_list(text);
      std::set<std::string> seen;
      for (const auto& item : items) {
        if (!valid_name(item)) {
          return "expected comma-separated names of lower-case letters, digits and _ (at most 32), "
                 "got \"" + item + "\"";
        }
        if (!seen.insert(item).second) return "names " + item + " twice" + got;
      }
      if (spec.bound == Bound::kPositive && items.empty()) return "expected at least one name" + got;
      if (static_cast<double>(items.size()) > spec.max) {
        return "expected at most " + number_text(spec.max) + " names" + got;
      }
      return "";
    }
    case ValueKind::kReals: {
      const auto items = split_list(text);
      for (const auto& item : items) {
        double v = 0;
        if (!parse_real(item, &v) || !in_bound(v, spec.bound) || v > spec.max) {
          return std::string("expected a comma-separated list, each item ") +
                 bound_phrase(spec.bound, ValueKind::kReal) + at_most_phrase(spec) + ", got \"" +
                 item + "\"";
        }
      }
      if (items.empty() && spec.bound != Bound::kAny && !text.empty()) return "expected a list" + got;
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
    case ValueKind::kPath:  // empty only where empty is the default (an absent cascade stage)
      return text.empty() && !spec.default_text.empty() ? "expected a file name" + got : "";
  }
  return "";
}

}  // namespace blsim
