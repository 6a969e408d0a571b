// SPDX-License-Identifier: MIT
// blsim validate: runs every case of the validation table (configs/validation/cases.csv, see
// docs/validation.md) on its SoC preset as committed, prints blsim's value beside the published
// one with the relative error, then per kind (power, bandwidth, latency) the median and worst
// |error| against the kind's target. Writes DIR/validation.csv (one row per case) and
// DIR/validation_summary.csv (one row per kind). Missing a target is a result, not an error:
// the exit status is 0; a bad case file is exit status 2 with one line naming FILE:LINE.
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "common/csv_writer.h"
#include "common/output_set.h"
#include "common/user_error.h"
#include "sim/command_line.h"
#include "sim/commands.h"
#include "sim/soc_config.h"
#include "sim/validation_cases.h"
#include "sim/validation_run.h"

namespace blsim {
namespace {

struct CaseResult {
  const ValidationCase* c = nullptr;
  double blsim_si = 0;
  double rel_error = 0;
};

// The SoC of each preset the cases name, loaded once (a case never changes its preset).
class PresetCache {
 public:
  const SocSpec& get(const ValidationCase& c) {
    auto it = specs_.find(c.preset);
    if (it != specs_.end()) return it->second;
    const std::string path = blsim_home() + "/configs/soc/" + c.preset + ".ini";
    SocSpec spec;
    try {
      spec = soc_spec_from(load_config(blsim_options(), {path}, {}, blsim_home()));
    } catch (const UserError& e) {
      throw UserError(c.where + ": preset: " + e.what());
    }
    return specs_.emplace(c.preset, std::move(spec)).first->second;
  }

 private:
  std::map<std::string, SocSpec> specs_;
};

void print_results(const std::vector<CaseResult>& results) {
  std::printf("%-26s %-9s %-10s %-7s %5s %8s %12s %12s %-5s %8s\n", "case", "kind", "preset",
              "cluster", "cores", "MHz", "blsim", "published", "unit", "error");
  for (const CaseResult& r : results) {
    const ValidationCase& c = *r.c;
    const double per_unit = c.published_si / c.published;  // SI value of one `unit`
    std::printf("%-26s %-9s %-10s %-7s %5d %8.1f %12.4g %12.4g %-5s %+7.1f%%\n", c.id.c_str(),
                case_kind_name(c.kind), c.preset.c_str(), c.cluster.c_str(), c.busy_cores,
                c.freq_mhz, r.blsim_si / per_unit, c.published, c.unit.c_str(),
                r.rel_error * 100);
  }
}

void print_summary(const std::vector<KindSummary>& summary) {
  std::printf("\n%-9s %5s %12s %12s %8s  %s\n", "kind", "cases", "median|err|", "worst|err|",
              "target", "median within target");
  for (const KindSummary& s : summary) {
    std::printf("%-9s %5zu %11.1f%% %11.1f%% %7.0f%%  %s\n", case_kind_name(s.kind), s.cases,
                s.median_abs_error * 100, s.worst_abs_error * 100, s.target * 100,
                s.met() ? "yes" : "no");
  }
}

void write_cases_csv(const std::string& path, const std::vector<CaseResult>& results) {
  CsvWriter csv(path, {"id", "kind", "preset", "cluster", "busy_cores", "freq_mhz", "workload",
                       "size_bytes", "published_w", "blsim_w", "published_bytes_per_s",
                       "blsim_bytes_per_s", "published_s", "blsim_s", "rel_error", "source"});
  for (const CaseResult& r : results) {
    const ValidationCase& c = *r.c;
    csv << c.id << case_kind_name(c.kind) << c.preset << c.cluster << c.busy_cores << c.freq_mhz
        << c.workload;
    if (c.kind == CaseKind::kBandwidth) {
      csv << c.size_bytes;
    } else {
      csv << "";
    }
    for (size_t k = 0; k < kCaseKindCount; ++k) {
      if (static_cast<CaseKind>(k) == c.kind) {
        csv << c.published_si << r.blsim_si;
      } else {
        csv << "" << "";
      }
    }
    csv << r.rel_error << c.source;
    csv.end_row();
  }
  csv.commit();
}

void write_summary_csv(const std::string& path, const std::vector<KindSummary>& summary) {
  CsvWriter csv(path, {"kind", "cases", "median_abs_rel_error", "worst_abs_rel_error",
                       "target_abs_rel_error", "met"});
  for (const KindSummary& s : summary) {
    csv << case_kind_name(s.kind) << static_cast<uint64_t>(s.cases) << s.median_abs_error
        << s.worst_abs_error << s.target << (s.met() ? 1 : 0);
    csv.end_row();
  }
  csv.commit();
}

}  // namespace

int cmd_validate(const Args& args) {
  CommandLine cl("validate",
                 "run the published-measurement cases on their SoC presets and report the errors",
                 "blsim validate --cases configs/validation/cases.csv --out out/validation");
  cl.options().add_options()
      ("cases", po::value<std::string>()->default_value(blsim_home() +
                                                         "/configs/validation/cases.csv"),
       "the case table (docs/validation.md)")
      ("out", po::value<std::string>()->default_value("out"),
       "folder for validation.csv, validation_summary.csv");
  if (!cl.parse(args)) return 0;
  if (cl.has("config") || cl.has("set")) {
    throw UserError("validate: every case runs on its preset as committed; --config and --set "
                    "are not accepted");
  }
  const std::vector<ValidationCase> cases = read_cases(cl.get<std::string>("cases"));
  OutputSet outputs(cl.get<std::string>("out"), {"validation.csv", "validation_summary.csv"});

  PresetCache presets;
  std::vector<CaseResult> results;
  std::vector<CaseKind> kinds;
  std::vector<double> errors;
  for (const ValidationCase& c : cases) {
    CaseResult r;
    r.c = &c;
    r.blsim_si = run_case(presets.get(c), c);
    r.rel_error = relative_error(r.blsim_si, c.published_si);
    results.push_back(r);
    kinds.push_back(c.kind);
    errors.push_back(r.rel_error);
  }
  const std::vector<KindSummary> summary = summarize(kinds, errors);
  print_results(results);
  print_summary(summary);
  write_cases_csv(outputs.path("validation.csv"), results);
  write_summary_csv(outputs.path("validation_summary.csv"), summary);
  outputs.commit();
  std::printf("wrote %s and %s\n", outputs.final_path("validation.csv").c_str(),
              outputs.final_path("validation_summary.csv").c_str());
  return 0;
}

}  // namespace blsim
