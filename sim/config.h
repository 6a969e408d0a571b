// SPDX-License-Identifier: MIT
// Raw config, then checked config: one OptionTable declares every key once (type, default, unit,
// help, bounds); INI files and --set overrides fill a Config whose values are validated on load,
// and every value remembers where it came from ("soc.ini:12", "--set", "default") for error
// messages. A family declares the keys of a named, listed part once for every name: the keys
// cluster.*.cores serve [cluster.big], [cluster.prime], ... for the names listed in soc.clusters
// (sim/config_fields.h reads them into structs).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace blsim {

enum class ValueKind {
  kReal,
  kInteger,
  kText,
  kFlag,
  kPath,
  kNames,  // comma-separated distinct names ([a-z0-9_]), e.g. "little, big, prime"
  kReals,  // comma-separated finite numbers, e.g. an OPP table
};

// Constraint on a number; checked when the value is loaded.
enum class Bound { kAny, kPositive, kNonNegative, kFraction /* [0, 1] */ };

struct OptionSpec {
  std::string key;            // "section.name"
  ValueKind kind = ValueKind::kText;
  std::string default_text;   // empty with required = true: some file or --set must give it
  bool required = false;
  std::string unit;           // "MHz", "V", "s", "" for unitless
  std::string help;
  Bound bound = Bound::kAny;
  std::vector<std::string> choices;  // for kText: the allowed values (empty: any)
  // Largest value of a number (kReal, kInteger, each item of kReals), largest item count of a
  // list (kNames, kReals); kPositive on a list asks for at least one item.
  double max = std::numeric_limits<double>::infinity();
};

class OptionTable {
 public:
  OptionTable& real(const std::string& key, const std::string& default_text,
                    const std::string& unit, const std::string& help, Bound bound = Bound::kAny);
  OptionTable& integer(const std::string& key, const std::string& default_text,
                       const std::string& unit, const std::string& help,
                       Bound bound = Bound::kAny);
  OptionTable& text(const std::string& key, const std::string& default_text,
                    const std::string& help, std::vector<std::string> choices = {});
  OptionTable& flag(const std::string& key, bool default_value, const std::string& help);
  // A file name; relative values resolve against the folder of the INI file that set them.
  OptionTable& path(const std::string& key, const std::string& default_text,
                    const std::string& help);
  OptionTable& names(const std::string& key, const std::string& default_text,
                     const std::string& help, Bound bound, double max_items);
  OptionTable& reals(const std::string& key, const std::string& default_text,
                     const std::string& unit, const std::string& help, Bound bound);
  // The last declared option must be given by a file or --set (it has no built-in default).
  OptionTable& required();
  // The last declared number (or list) may not exceed `max`.
  OptionTable& at_most(double max);

  // Keys "PREFIX.NAME.rest" for every NAME listed by the kNames option `list_key` are declared
  // once as "PREFIX.*.rest". `noun` names one member in messages ("cluster").
  OptionTable& family(const std::string& prefix, const std::string& list_key,
                      const std::string& noun);

  struct Family {
    std::string prefix, list_key, noun;
  };
  // The spec of a key; "cluster.big.cores" finds the family spec "cluster.*.cores".
  const OptionSpec* find(const std::string& key) const;
  // The family a concrete key belongs to (nullptr for ordinary keys), and its member's name.
  const Family* family_of(const std::string& key, std::string* name) const;
  const std::vector<OptionSpec>& specs() const { return specs_; }
  const std::vector<Family>& families() const { return families_; }

 private:
  OptionTable& add(OptionSpec spec);
  std::vector<OptionSpec> specs_;
  std::map<std::string, size_t> index_;
  std::vector<Family> families_;
};

struct Setting {
  std::string text;
  std::string origin;    // "file.ini:12", "--set", "default"
  std::string base_dir;  // folder that relative paths resolve against
  int layer = 0;         // 0 defaults, then one per file in order, then --set, then code
};

class Config {
 public:
  // Typed reads of a value that load_config already checked against its spec.
  double real(const std::string& key) const;
  int64_t integer(const std::string& key) const;
  bool flag(const std::string& key) const;
  std::vector<std::string> names(const std::string& key) const;
  std::vector<double> reals(const std::string& key) const;
  const std::string& text(const std::string& key) const;
  std::string path(const std::string& key) const;  // resolved
  const std::string& origin(const std::string& key) const;
  bool is_set(const std::string& key) const { return values_.count(key) != 0; }

  // Throws UserError "<origin>: <key>: <what>", for checks that span several keys.
  [[noreturn]] void fail(const std::string& key, const std::string& what) const;

  // Sets a value from code (drivers that vary a key, e.g. sweeps); checked like --set, as a layer
  // above every earlier one.
  void set(const OptionTable& table, const std::string& key, const std::string& text,
           const std::string& origin);

  // Prints the effective configuration as a loadable INI file, with unit, origin and help.
  void dump(std::ostream& out, const OptionTable& table) const;

  // Canonical "key=value" lines of every setting, for hashing a configuration.
  std::string canonical() const;

 private:
  friend Config load_config(const OptionTable&, const std::vector<std::string>&,
                            const std::vector<std::string>&, const std::string&);
  const Setting& get(const std::string& key) const;
  // Family keys: drops those of members that a later layer's list no longer names, refuses those
  // that name a member no list names, and gives listed members their defaults.
  void settle_families(const OptionTable& table);
  std::map<std::string, Setting> values_;
  int top_layer_ = 0;
};

// Defaults first, then each file in order, then each "section.key=value" override.
// Relative defaults of path options resolve against default_base_dir.
// Throws UserError naming file:line and key for unknown keys, bad types and bad ranges, a key
// or section given twice in one file, and a family key whose member its list does not name.
Config load_config(const OptionTable& table, const std::vector<std::string>& files,
                   const std::vector<std::string>& sets, const std::string& default_base_dir);

// Where bundled files live (configs/, workloads/nets/, data/): $BLSIM_HOME, else the source tree.
std::string blsim_home();

}  // namespace blsim
