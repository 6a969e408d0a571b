// SPDX-License-Identifier: MIT
#include "sim/config_fields.h"

#include <sstream>

namespace blsim {

std::string KeyDeclarer::default_of(double value) const {
  if (no_defaults_) return "";
  std::ostringstream out;
  out.precision(12);
  out << value;
  return out.str();
}

std::string KeyReader::require(const Key& k) const {
  const std::string name = key(k);
  if (!cfg_.is_set(name) || cfg_.text(name).empty()) {
    cfg_.fail(name, "no value given (the SoC preset or its memspec must set it, or use --set " +
                        name + "=...)");
  }
  return name;
}

}  // namespace blsim
