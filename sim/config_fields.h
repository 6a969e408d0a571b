// SPDX-License-Identifier: MIT
// Each configuration key is written once, beside the struct field it fills: a `fields(v, spec)`
// function names every key of a spec struct with its unit, help and bounds, and is run with a
// KeyDeclarer (which declares the keys in the OptionTable, the field's initial value as the
// default) and with a KeyReader (which reads the checked, typed values into the fields). So the
// table, --help, --dump-config and the structs' defaults cannot drift apart.
#pragma once

#include <cstdint>
#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "common/enum_names.h"
#include "sim/config.h"

namespace blsim {

constexpr double kNoMax = std::numeric_limits<double>::infinity();

struct Key {
  const char* name;       // within its section, e.g. "wake_idle_us"
  const char* unit;       // "" for unitless
  const char* help;
  Bound bound = Bound::kAny;
  double max = kNoMax;    // largest allowed value, in the key's unit
  double scale = 1;       // field = value * scale (a key in us filling a field in s: 1e-6)
};

// Declares keys "<prefix><name>". Hardware keys (no_defaults) have no built-in default: a preset
// must give them, and KeyReader reports the ones still empty.
class KeyDeclarer {
 public:
  KeyDeclarer(OptionTable& table, std::string prefix, bool no_defaults)
      : t_(table), prefix_(std::move(prefix)), no_defaults_(no_defaults) {}

  void real(const Key& k, double& field) {
    t_.real(key(k), default_of(field / k.scale), k.unit, k.help, k.bound).at_most(k.max);
  }
  template <typename Int, typename = std::enable_if_t<std::is_integral_v<Int>>>
  void integer(const Key& k, Int& field) {
    if (std::is_unsigned_v<Int> && k.bound == Bound::kAny) {
      throw std::logic_error(key(k) + ": an unsigned field needs a non-negative bound");
    }
    t_.integer(key(k), default_of(static_cast<double>(field)), k.unit, k.help, k.bound)
        .at_most(std::min<double>(k.max, static_cast<double>(std::numeric_limits<Int>::max())));
  }
  void text(const Key& k, std::string& field) { t_.text(key(k), no_defaults_ ? "" : field, k.help); }
  void one_of(const Key& k, std::string& field, std::vector<std::string> choices) {
    t_.text(key(k), no_defaults_ ? "" : field, k.help, std::move(choices));
  }
  void path(const Key& k, std::string& field) { t_.path(key(k), no_defaults_ ? "" : field, k.help); }
  void optional_text(const Key& k, std::string& field) { text(k, field); }
  void flag(const Key& k, bool& field) { t_.flag(key(k), field, k.help); }
  template <typename E>
  void choice(const Key& k, E& field, const EnumNames<E>& names) {
    std::vector<std::string> choices = names.names();
    if (no_defaults_) choices.insert(choices.begin(), "");
    t_.text(key(k), no_defaults_ ? "" : names.name(field), k.help + (" (" + names.joined() + ")"),
            choices);
  }
  void names(const Key& k, std::vector<std::string>& field) {
    std::string text;
    for (const auto& n : field) text += (text.empty() ? "" : ", ") + n;
    t_.names(key(k), no_defaults_ ? "" : text, k.help, k.bound, k.max);
  }
  void reals(const Key& k, std::vector<double>& field) {
    std::string text;
    for (const double v : field) text += (text.empty() ? "" : ",") + default_of(v / k.scale);
    t_.reals(key(k), no_defaults_ ? "" : text, k.unit, k.help, k.bound).at_most(k.max);
  }

 private:
  std::string key(const Key& k) const { return prefix_ + k.name; }
  std::string default_of(double value) const;
  OptionTable& t_;
  std::string prefix_;
  bool no_defaults_;
};

// Reads keys "<prefix><name>" of a loaded Config into the fields. A key with no value (a hardware
// key no preset gave) is a UserError naming it.
class KeyReader {
 public:
  KeyReader(const Config& cfg, std::string prefix) : cfg_(cfg), prefix_(std::move(prefix)) {}

  void real(const Key& k, double& field) { field = cfg_.real(require(k)) * k.scale; }
  template <typename Int, typename = std::enable_if_t<std::is_integral_v<Int>>>
  void integer(const Key& k, Int& field) {
    field = static_cast<Int>(cfg_.integer(require(k)));  // the declared maximum fits Int
  }
  void text(const Key& k, std::string& field) { field = cfg_.text(require(k)); }
  void one_of(const Key& k, std::string& field, const std::vector<std::string>&) {
    field = cfg_.text(require(k));
  }
  // A text that may be empty (e.g. an absent cascade stage).
  void optional_text(const Key& k, std::string& field) { field = cfg_.text(key(k)); }
  void path(const Key& k, std::string& field) { field = cfg_.path(require(k)); }
  void flag(const Key& k, bool& field) { field = cfg_.flag(require(k)); }
  template <typename E>
  void choice(const Key& k, E& field, const EnumNames<E>& names) {
    if (!names.parse(cfg_.text(require(k)), &field)) {
      throw std::logic_error(key(k) + " holds a value its declaration does not allow");
    }
  }
  void names(const Key& k, std::vector<std::string>& field) { field = cfg_.names(key(k)); }
  void reals(const Key& k, std::vector<double>& field) {
    field = cfg_.reals(require(k));
    for (double& v : field) v *= k.scale;
  }

  std::string key(const Key& k) const { return prefix_ + k.name; }
  const Config& config() const { return cfg_; }
  [[noreturn]] void fail(const Key& k, const std::string& what) const { cfg_.fail(key(k), what); }

 private:
  std::string require(const Key& k) const;
  const Config& cfg_;
  std::string prefix_;
};

// Declares the keys of a fields function (called as fields(visitor, spec)), the defaults taken
// from a default-constructed Spec.
template <typename Spec, typename Fields>
void declare_fields(OptionTable& table, const std::string& prefix, bool no_defaults,
                    Fields fields) {
  Spec spec;
  KeyDeclarer declarer(table, prefix, no_defaults);
  fields(declarer, spec);
}

// Reads the keys of a fields function into a new Spec.
template <typename Spec, typename Fields>
Spec read_fields(const Config& cfg, const std::string& prefix, Fields fields) {
  Spec spec;
  KeyReader reader(cfg, prefix);
  fields(reader, spec);
  return spec;
}

// Lists "name=value" of each key as given (the text of the configuration), in field order: a
// record of the settings that made something (a trained network's recipe).
class KeyTexts {
 public:
  KeyTexts(const Config& cfg, std::string prefix) : cfg_(cfg), prefix_(std::move(prefix)) {}

  template <typename Field>
  void real(const Key& k, Field&) { add(k); }
  template <typename Field>
  void integer(const Key& k, Field&) { add(k); }
  void text(const Key& k, std::string&) { add(k); }
  void one_of(const Key& k, std::string&, const std::vector<std::string>&) { add(k); }
  void optional_text(const Key& k, std::string&) { add(k); }
  void path(const Key& k, std::string&) { add(k); }
  void flag(const Key& k, bool&) { add(k); }
  template <typename E>
  void choice(const Key& k, E&, const EnumNames<E>&) { add(k); }
  void names(const Key& k, std::vector<std::string>&) { add(k); }
  void reals(const Key& k, std::vector<double>&) { add(k); }

  const std::vector<std::string>& items() const { return items_; }

 private:
  void add(const Key& k) { items_.push_back(std::string(k.name) + "=" + cfg_.text(prefix_ + k.name)); }
  const Config& cfg_;
  std::string prefix_;
  std::vector<std::string> items_;
};

}  // namespace blsim
