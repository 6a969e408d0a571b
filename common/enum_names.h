// SPDX-License-Identifier: MIT
// One name <-> value table per enumerated setting (power states, gate metrics, ...): the only
// place an enum's spellings live, used to parse configuration, to list the choices in --help
// and to print the value in reports.
#pragma once

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace blsim {

template <typename E>
class EnumNames {
 public:
  EnumNames(std::initializer_list<std::pair<E, const char*>> entries) : entries_(entries) {}

  const char* name(E value) const {
    for (const auto& [v, n] : entries_) {
      if (v == value) return n;
    }
    throw std::logic_error("enum value without a name");
  }
  bool parse(const std::string& text, E* out) const {
    for (const auto& [v, n] : entries_) {
      if (text == n) {
        *out = v;
        return true;
      }
    }
    return false;
  }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& e : entries_) out.push_back(e.second);
    return out;
  }
  std::string joined() const {  // "a, b or c"
    std::string out;
    for (size_t i = 0; i < entries_.size(); ++i) {
      out += (i == 0 ? "" : i + 1 == entries_.size() ? " or " : ", ") + std::string(entries_[i].second);
    }
    return out;
  }

 private:
  std::vector<std::pair<E, const char*>> entries_;
};

}  // namespace blsim
