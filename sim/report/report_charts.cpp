// SPDX-License-Identifier: MIT
#include "sim/report/report_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "common/number_text.h"
#include "common/user_error.h"
#include "sim/report/svg_chart.h"

namespace blsim {
namespace {

struct Component {
  const char* column;
  const char* name;
};
const Component kComponents[] = {
    {"energy_core_dyn_j", "core dynamic"},  {"energy_core_static_j", "core static (leakage)"},
    {"energy_sram_j", "L2 / SRAM"},          {"energy_noc_j", "interconnect"},
    {"energy_dram_dyn_j", "DRAM commands"},  {"energy_dram_static_j", "DRAM background"}};

std::string fmt(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// File-name-safe form of a name.
std::string slug(const std::string& name) {
  std::string s;
  for (char c : name) s += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' ? c : '_';
  return s.empty() ? "_" : s;
}

// The row of the test split (the report's split), else the last row.
size_t test_row(const CheckedCsv& summary) {
  for (size_t r = 0; r < summary.rows(); ++r) {
    if (summary.text(r, "split") == "test") return r;
  }
  return summary.rows() - 1;
}

// Per-layer energy of each network: one stacked bar per layer, energy per call.
void layer_charts(const CheckedCsv& layers, std::vector<ReportChart>& out) {
  std::vector<std::string> nets;  // "net on cluster", in file order
  for (size_t r = 0; r < layers.rows(); ++r) {
    if (layers.text(r, "net").empty()) continue;
    const std::string key = layers.text(r, "net") + " on " + layers.text(r, "cluster");
    if (std::find(nets.begin(), nets.end(), key) == nets.end()) nets.push_back(key);
  }
  for (const auto& key : nets) {
    BarChartSpec spec;
    spec.title = key + ": energy of each layer per inference";
    spec.x_label = "layer (in execution order)";
    spec.y_label = "energy per inference (µJ)";
    for (const auto& c : kComponents) spec.series.push_back({c.name, {}});
    std::string net;
    for (size_t r = 0; r < layers.rows(); ++r) {
      if (layers.text(r, "net").empty() ||
          layers.text(r, "net") + " on " + layers.text(r, "cluster") != key) {
        continue;
      }
      net = layers.text(r, "net");
      const double calls = std::max(1.0, layers.number(r, "calls"));
      spec.categories.push_back(layers.text(r, "layer"));
      for (size_t c = 0; c < spec.series.size(); ++c) {
        spec.series[c].values.push_back(layers.number(r, kComponents[c].column) / calls * 1e6);
      }
    }
    out.push_back({"layers_" + slug(key) + ".svg", key + ": per-layer energy",
                   "Energy of one run of each layer of " + net +
                       " (the layer's energy over the split divided by its calls), stacked by "
                       "component; the gate check is charged to the stage's cluster.",
                   bar_chart_svg(spec)});
  }
  // Rows without a network: wake-ups, rests, DRAM background, shared-cache leakage.
  BarChartSpec spec;
  spec.title = "Wake-ups, rests and background: energy per input";
  spec.x_label = "cluster and row";
  spec.y_label = "energy per input (µJ)";
  for (const auto& c : kComponents) spec.series.push_back({c.name, {}});
  double inputs = 0;
  for (size_t r = 0; r < layers.rows(); ++r) {
    if (layers.text(r, "net").empty()) continue;
    inputs = std::max(inputs, layers.number(r, "calls"));
  }
  for (size_t r = 0; r < layers.rows(); ++r) {
    if (!layers.text(r, "net").empty()) continue;
    spec.categories.push_back(layers.text(r, "cluster") + " " + layers.text(r, "layer"));
    for (size_t c = 0; c < spec.series.size(); ++c) {
      spec.series[c].values.push_back(layers.number(r, kComponents[c].column) /
                                      std::max(1.0, inputs) * 1e6);
    }
  }
  if (!spec.categories.empty()) {
    out.push_back({"overheads.svg", "Wake-ups, rests and background",
                   "Energy of the rows of layers.csv that belong to no network, divided by the "
                   "number of inputs (the most calls of any first-stage layer).",
                   bar_chart_svg(spec)});
  }
}

void run_charts(const ReportTables& t, std::vector<ReportChart>& out) {
  const CheckedCsv& s = t.summary();
  const size_t row = test_row(s);
  const double samples = std::max(1.0, s.number(row, "samples"));
  const std::string split = s.text(row, "split");
  {
    BarChartSpec spec;
    spec.title = "Energy per inference by component (" + split + " split)";
    spec.x_label = "configuration";
    spec.y_label = "energy per inference (mJ)";
    spec.categories = {"cascade", "big-only (last stage)", "little-only (first stage)"};
    for (const auto& c : kComponents) {
      spec.series.push_back({c.name, {s.number(row, c.column) / samples * 1e3, 0, 0}});
    }
    spec.series.push_back({"total (no breakdown recorded)",
                           {0, s.number(row, "energy_big_only_per_inference_j") * 1e3,
                            s.number(row, "energy_little_only_per_inference_j") * 1e3}});
    out.push_back({"energy_components.svg", "Energy per inference",
                   "The cascade's energy per inference by component, against the last stage alone "
                   "(big-only) and the first stage alone (little-only) on the same inputs. "
                   "summary.csv records the components of the cascade only.",
                   bar_chart_svg(spec)});
  }
  {
    BarChartSpec spec;
    spec.title = "Accuracy and escalation rate, by split";
    spec.x_label = "measure";
    spec.y_label = "percent of inputs (%)";
    spec.stacked = false;
    spec.categories = {"accuracy, cascade", "accuracy, big-only", "accuracy, little-only",
                       "escalation rate"};
    for (size_t r = 0; r < s.rows(); ++r) {
      spec.series.push_back({s.text(r, "split") + " split",
                             {s.number(r, "accuracy") * 100, s.number(r, "accuracy_big_only") * 100,
                              s.number(r, "accuracy_little_only") * 100,
                              s.number(r, "escalation_rate") * 100}});
    }
    out.push_back({"accuracy_escalation.svg", "Accuracy and escalation",
                   "Top-1 accuracy of the cascade, big-only and little-only, and the share of "
                   "inputs the first stage handed on, for each split of summary.csv.",
                   bar_chart_svg(spec)});
  }
  {
    // Latency histogram: 24 equal bins over [min, max], stacked by the stage that answered.
    const CheckedCsv& inf = t.inferences();
    double lo = 0, hi = 0;
    int stages = 1;
    for (size_t r = 0; r < inf.rows(); ++r) {
      const double v = inf.number(r, "latency_s") * 1e6;
      lo = r == 0 ? v : std::min(lo, v);
      hi = r == 0 ? v : std::max(hi, v);
      const double stage = inf.number(r, "exit_stage");
      if (stage < 1 || stage > 64 || stage != std::floor(stage)) {
        throw UserError(inf.path() + ":" + std::to_string(r + 2) + ": exit_stage " +
                        inf.text(r, "exit_stage") + " is not a stage number (1 to 64)");
      }
      stages = std::max(stages, static_cast<int>(stage));
    }
    constexpr int kBins = 24;
    const double width = hi > lo ? (hi - lo) / kBins : 1;
    const int decimals = width >= 10 ? 0 : width >= 1 ? 1 : 2;
    BarChartSpec spec;
    spec.title = "Latency distribution (" + split + " split, " + std::to_string(inf.rows()) + " inputs)";
    spec.x_label = "latency of one input (µs), bins of " + fmt(width, decimals) + " µs";
    spec.y_label = "inputs";
    for (int b = 0; b < kBins; ++b) spec.categories.push_back(fmt(lo + width * b, decimals) + "–" +
                                                            fmt(lo + width * (b + 1), decimals));
    for (int st = 1; st <= stages; ++st) {
      spec.series.push_back({"answered at stage " + std::to_string(st), std::vector<double>(kBins, 0)});
    }
    for (size_t r = 0; r < inf.rows(); ++r) {
      const double v = inf.number(r, "latency_s") * 1e6;
      const int bin = std::min(kBins - 1, static_cast<int>((v - lo) / width));
      const int st = std::max(1, static_cast<int>(inf.number(r, "exit_stage")));
      spec.series[st - 1].values[bin] += 1;
    }
    out.push_back({"latency.svg", "Latency distribution",
                   "How many inputs of inferences.csv took each latency, by the stage that gave "
                   "the answer; escalated inputs pay the next stage and its wake-up. Mean " +
                       fmt(s.number(row, "latency_mean_s") * 1e6, 1) + " µs, p99 " +
                       fmt(s.number(row, "latency_p99_s") * 1e6, 1) + " µs.",
                   bar_chart_svg(spec)});
  }
  layer_charts(t.layers(), out);
}

void profile_charts(const ReportTables& t, std::vector<ReportChart>& out) {
  const CheckedCsv& s = t.summary();
  BarChartSpec spec;
  spec.title = "Energy per inference by component";
  spec.x_label = "network on cluster";
  spec.y_label = "energy per inference (mJ)";
  for (size_t r = 0; r < s.rows(); ++r) {
    spec.categories.push_back(s.text(r, "net") + " on " + s.text(r, "cluster"));
  }
  for (const auto& c : kComponents) {
    ChartSeries series{c.name, {}};
    for (size_t r = 0; r < s.rows(); ++r) {
      series.values.push_back(s.number(r, c.column) / std::max(1.0, s.number(r, "inferences")) * 1e3);
    }
    spec.series.push_back(series);
  }
  out.push_back({"energy_components.svg", "Energy per inference",
                 "The profiled network's energy per inference by component (summary.csv).",
                 bar_chart_svg(spec)});
  layer_charts(t.layers(), out);
}

std::string short_key(const std::string& key) {
  const size_t dot = key.rfind('.');
  return dot == std::string::npos ? key : key.substr(dot + 1);
}

void sweep_charts(const ReportTables& t, std::vector<ReportChart>& out) {
  const CheckedCsv& s = t.sweep();
  size_t front = 0;
  for (size_t r = 0; r < s.rows(); ++r) front += s.text(r, "pareto") == "1";
  const auto label_of = [&](size_t r) {
    std::string label;
    for (const auto& k : t.varied_keys) label += (label.empty() ? "" : " ") + short_key(k) + "=" + s.text(r, k);
    return label;
  };
  {
    ScatterChartSpec spec;
    spec.title = "Pareto front: energy against accuracy loss (" + std::to_string(s.rows()) + " points)";
    spec.x_label = "energy per inference (mJ)";
    spec.y_label = "accuracy loss against big-only (points of %)";
    spec.highlight_name = "on the front (" + std::to_string(front) + ")";
    spec.other_name = "dominated";
    spec.connect_highlight = false;  // the front of several objectives is no line in this plane
    for (size_t r = 0; r < s.rows(); ++r) {
      const bool on = s.text(r, "pareto") == "1";
      spec.points.push_back({s.number(r, "energy_per_inference_j") * 1e3,
                             s.number(r, "accuracy_loss") * 100, on, label_of(r)});
    }
    out.push_back({"pareto.svg", "Pareto front",
                   "Every point of sweep.csv by energy per inference and accuracy loss; the points "
                   "of the front (pareto = 1, over the sweep's objectives) are red and joined, and "
                   "labelled by their varied keys, front first (a label that would overlap another is left out; the point's tooltip names it).",
                   scatter_chart_svg(spec)});
  }
  for (const auto& key : t.varied_keys) {
    ScatterChartSpec spec;
    spec.title = "Energy per inference against " + key;
    spec.x_label = key;
    spec.y_label = "energy per inference (mJ)";
    spec.highlight_name = "on the front";
    spec.other_name = "dominated";
    bool numeric = true;
    for (size_t r = 0; r < s.rows() && numeric; ++r) {
      double v = 0;
      numeric = parse_finite(s.text(r, key), &v);
    }
    for (size_t r = 0; r < s.rows(); ++r) {
      double x = 0;
      if (numeric) {
        parse_finite(s.text(r, key), &x);
      } else {
        const auto it = std::find(spec.x_categories.begin(), spec.x_categories.end(), s.text(r, key));
        x = static_cast<double>(it - spec.x_categories.begin());
        if (it == spec.x_categories.end()) spec.x_categories.push_back(s.text(r, key));
      }
      spec.points.push_back({x, s.number(r, "energy_per_inference_j") * 1e3,
                             s.text(r, "pareto") == "1", ""});
    }
    out.push_back({"vary_" + slug(key) + ".svg", "Varied key " + key,
                   "Energy per inference of every point against its value of " + key +
                       " (the other varied keys spread the points at one value); red points are on "
                       "the front.",
                   scatter_chart_svg(spec)});
  }
}

}  // namespace

std::vector<ReportChart> report_charts(const ReportTables& tables) {
  std::vector<ReportChart> out;
  switch (tables.kind) {
    case ReportKind::kRun: run_charts(tables, out); break;
    case ReportKind::kProfile: profile_charts(tables, out); break;
    case ReportKind::kSweep: sweep_charts(tables, out); break;
  }
  return out;
}

}  // namespace blsim
