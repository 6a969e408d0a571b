// SPDX-License-Identifier: MIT
#include "sim/cascade_report.h"

#include <cstdio>
#include <ostream>

#include "common/csv_writer.h"

namespace blsim {
namespace {

std::string thresholds_text(const std::vector<double>& t) {
  std::string s;
  for (double v : t) s += (s.empty() ? "" : ";") + format_number(v);
  return s;
}

std::string stages_text(const CascadePlan& plan, const SocSpec& soc) {
  std::string s;
  for (const auto& st : plan.stages) {
    s += (s.empty() ? "" : " -> ") + st.net_name + "@" + soc.cluster(st.cluster).name;
  }
  return s;
}

std::string threshold_mode(const RunReport& r) {
  if (r.plan.controller.kind == ControllerSpec::Kind::kRate) return "controller:rate";
  if (r.plan.controller.kind == ControllerSpec::Kind::kEnergy) return "controller:energy";
  return r.spec.auto_threshold ? "auto" : "fixed";
}

double mean_threshold(const CascadeSimResult& run) {
  if (run.inferences.empty()) return 0;
  double sum = 0;
  for (const auto& i : run.inferences) sum += i.threshold;
  return sum / run.inferences.size();
}

}  // namespace

double SplitReport::energy_reduction() const {
  const double big = big_only->energy_per_inference_j();
  return big > 0 ? 1.0 - cascade->energy_per_inference_j() / big : 0.0;
}

const std::vector<std::string>& summary_csv_columns() {
  static const std::vector<std::string> columns = {
      // The stable columns of docs/architecture.md, in order.
      "dataset", "samples", "metric", "threshold", "accuracy", "accuracy_big_only",
      "accuracy_little_only", "accuracy_loss", "escalation_rate", "energy_per_inference_j",
      "energy_big_only_per_inference_j", "energy_reduction", "latency_mean_s", "latency_p99_s",
      // Extras.
      "split", "soc", "stages", "threshold_mode", "thresholds", "threshold_mean",
      "max_accuracy_loss", "energy_little_only_per_inference_j", "latency_big_only_mean_s",
      "energy_core_dyn_j", "energy_core_static_j", "energy_sram_j", "energy_noc_j",
      "energy_dram_dyn_j", "energy_dram_static_j", "energy_total_j", "time_s",
      // Streams (back to back: arrival_mode back-to-back, no drops).
      "arrival_mode", "arrival_rate_hz", "overlap", "dvfs_governor", "idle_governor",
      "deadline_s", "throughput_hz", "dropped", "deadline_misses", "latency_p50_s",
      "latency_p95_s", "average_power_w"};
  return columns;
}

void write_summary_fields(CsvRow& csv, const RunReport& r, const SplitReport& s) {
  const CascadeSimResult& c = *s.cascade;
  csv << r.spec.dataset << static_cast<uint64_t>(c.inferences.size()) << r.spec.metric_name
      << (r.plan.thresholds.empty() ? 0.0 : r.plan.thresholds[0]) << c.accuracy()
      << s.big_only->accuracy() << s.little_only->accuracy() << s.accuracy_loss()
      << c.escalation_rate() << c.energy_per_inference_j()
      << s.big_only->energy_per_inference_j() << s.energy_reduction() << c.latency_mean_s()
      << c.latency_p99_s();
  csv << s.split << r.soc.name << stages_text(r.plan, r.soc) << threshold_mode(r)
      << thresholds_text(r.plan.thresholds) << mean_threshold(c) << r.spec.max_accuracy_loss
      << s.little_only->energy_per_inference_j() << s.big_only->latency_mean_s()
      << c.total.core_dyn_j << c.total.core_static_j << c.total.sram_j << c.total.noc_j
      << c.total.dram_dyn_j << c.total.dram_static_j << c.total.total_j() << c.time_s;
  const bool stream = c.arrival_mode != "back-to-back";
  csv << c.arrival_mode << c.arrival_rate_hz << (c.overlap ? 1 : 0)
      << (stream ? dvfs_governor_names().name(r.spec.governor.dvfs) : "userspace")
      << (stream ? idle_governor_names().name(r.spec.governor.idle) : "fixed") << c.deadline_s
      << c.throughput_hz() << static_cast<uint64_t>(c.dropped())
      << static_cast<uint64_t>(c.deadline_misses()) << c.latency_quantile_s(0.50)
      << c.latency_quantile_s(0.95) << c.average_power_w();
}

void write_summary_csv(const std::string& path, const RunReport& r) {
  CsvWriter csv(path, summary_csv_columns());
  for (const auto& s : r.splits) {
    CsvRow row(path + ": split " + s.split);
    write_summary_fields(row, r, s);
    csv << row;
    csv.end_row();
  }
  csv.commit();
}

void write_inferences_csv(const std::string& path, const CascadeSimResult& run) {
  CsvWriter csv(path, {"index", "label", "prediction", "exit_stage", "confidence", "threshold",
                       "escalated", "latency_s", "energy_j", "arrival_s", "start_s", "finish_s",
                       "dropped"});
  for (const auto& i : run.inferences) {
    csv << static_cast<uint64_t>(i.index) << i.label << i.prediction
        << static_cast<uint64_t>(i.exit_stage + 1) << i.confidence << i.threshold
        << (i.escalated ? 1 : 0) << i.latency_s << i.energy_j << i.arrival_s << i.start_s
        << i.finish_s << (i.dropped ? 1 : 0);
    csv.end_row();
  }
  csv.commit();
}

void print_run_table(std::ostream& out, const RunReport& r) {
  char line[512];
  out << "cascade   " << stages_text(r.plan, r.soc) << "   (" << r.spec.dataset << ", gate "
      << r.spec.metric_name << ", SoC " << r.soc.name << ")\n";
  out << "threshold " << thresholds_text(r.plan.thresholds) << " (" << threshold_mode(r);
  if (r.spec.auto_threshold && r.plan.controller.kind == ControllerSpec::Kind::kNone) {
    std::snprintf(line, sizeof line,
                  ": least energy on val whose loss, %.2f points with a %.0f%% bound of %.2f, "
                  "fits %.2f points%s",
                  100 * r.choice.accuracy_loss, 100 * r.spec.loss_confidence,
                  100 * r.choice.accuracy_loss_bound, 100 * r.spec.max_accuracy_loss,
                  r.choice.within_budget ? "" : "; budget unreachable, all inputs escalate");
    out << line;
  }
  out << ")\n\n";
  std::snprintf(line, sizeof line, "%-6s %7s | %9s %9s %9s %8s | %10s %10s %10s %9s | %9s %9s\n",
                "split", "samples", "acc", "big-only", "little", "loss", "E/inf", "E big",
                "E little", "saved", "lat mean", "lat p99");
  out << line;
  for (const auto& s : r.splits) {
    const CascadeSimResult& c = *s.cascade;
    std::snprintf(line, sizeof line,
                  "%-6s %7zu | %8.2f%% %8.2f%% %8.2f%% %7.2fpt | %8.3gmJ %8.3gmJ %8.3gmJ %8.1f%% | "
                  "%7.3gms %7.3gms\n",
                  s.split.c_str(), c.inferences.size(), 100 * c.accuracy(),
                  100 * s.big_only->accuracy(), 100 * s.little_only->accuracy(),
                  100 * s.accuracy_loss(), 1e3 * c.energy_per_inference_j(),
                  1e3 * s.big_only->energy_per_inference_j(),
                  1e3 * s.little_only->energy_per_inference_j(), 100 * s.energy_reduction(),
                  1e3 * c.latency_mean_s(), 1e3 * c.latency_p99_s());
    out << line;
  }
  for (size_t i = 0; i < r.splits.size(); ++i) {
    std::snprintf(line, sizeof line, "%s%s: escalation rate %.2f%%", i ? "; " : "",
                  r.splits[i].split.c_str(), 100 * r.splits[i].cascade->escalation_rate());
    out << line;
  }
  out << "\n";
  for (const auto& s : r.splits) {
    const CascadeSimResult& c = *s.cascade;
    if (c.arrival_mode == "back-to-back") continue;
    std::snprintf(line, sizeof line,
                  "%s stream: %s %.4g/s, %s, governors %s/%s: throughput %.4g/s, dropped %zu, "
                  "deadline misses %zu of %zu (deadline %.4gms), latency p50 %.4gms p95 %.4gms "
                  "p99 %.4gms, energy per input %.4gmJ with the rest between inputs, average "
                  "power %.4gmW over %.4gs\n",
                  s.split.c_str(), c.arrival_mode.c_str(), c.arrival_rate_hz,
                  c.overlap ? "stages overlap" : "one input at a time",
                  dvfs_governor_names().name(r.spec.governor.dvfs),
                  idle_governor_names().name(r.spec.governor.idle), c.throughput_hz(), c.dropped(),
                  c.deadline_misses(), c.answered(), 1e3 * c.deadline_s,
                  1e3 * c.latency_quantile_s(0.5), 1e3 * c.latency_quantile_s(0.95),
                  1e3 * c.latency_p99_s(), 1e3 * c.energy_per_inference_j(),
                  1e3 * c.average_power_w(), c.time_s);
    out << line;
  }
}

}  // namespace blsim
