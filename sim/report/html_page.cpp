// SPDX-License-Identifier: MIT
#include "sim/report/html_page.h"

#include <sstream>

#include "sim/report/svg_chart.h"

namespace blsim {
namespace {

const char* kind_name(ReportKind k) {
  switch (k) {
    case ReportKind::kRun: return "run";
    case ReportKind::kProfile: return "profile";
    case ReportKind::kSweep: return "sweep";
  }
  return "";
}

// The summary table: the first columns that say what ran and what it cost.
void summary_table(std::ostream& out, const ReportTables& t) {
  const CheckedCsv& s = t.summary();
  std::vector<std::string> columns;
  if (t.kind == ReportKind::kSweep) {
    columns = t.varied_keys;
    for (const char* c : {"accuracy", "accuracy_loss", "escalation_rate", "energy_per_inference_j",
                          "latency_mean_s", "pareto"}) {
      columns.push_back(c);
    }
  } else {
    for (const auto& c : s.header()) columns.push_back(c);
  }
  const bool sweep = t.kind == ReportKind::kSweep;
  const CheckedCsv& rows = sweep ? t.files[1] : s;  // a sweep shows its front (pareto.csv)
  out << "<h2>" << (sweep ? "The Pareto front (pareto.csv)" : "Summary (summary.csv)") << "</h2>\n"
      << "<div class=\"scroll\"><table>\n<tr>";
  for (const auto& c : columns) out << "<th>" << xml_escape(c) << "</th>";
  out << "</tr>\n";
  const size_t shown = std::min<size_t>(rows.rows(), 50);
  for (size_t r = 0; r < shown; ++r) {
    out << "<tr>";
    for (const auto& c : columns) out << "<td>" << xml_escape(rows.text(r, c)) << "</td>";
    out << "</tr>\n";
  }
  out << "</table></div>\n";
  if (rows.rows() > shown) {
    out << "<p>The first " << shown << " of " << rows.rows() << " rows.</p>\n";
  }
}

}  // namespace

std::string report_html(const ReportTables& t, const std::vector<ReportChart>& charts) {
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<title>blsim " << kind_name(t.kind) << " report</title>\n"
      << "<style>\n"
      << "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:24px;color:#222;max-width:1400px}\n"
      << "table{border-collapse:collapse;font-size:13px}\n"
      << "th,td{border:1px solid #ccc;padding:3px 6px;text-align:right;white-space:nowrap}\n"
      << "th{background:#f0f0f0}\n.scroll{overflow-x:auto}\n"
      << "figure{margin:24px 0}\nfigcaption{max-width:900px;margin-top:4px}\n"
      << "svg{max-width:100%;height:auto}\n"
      << "</style>\n</head>\n<body>\n"
      << "<h1>blsim " << kind_name(t.kind) << " report</h1>\n"
      << "<p>Drawn by <code>blsim report</code> from the CSV files of this folder:";
  for (const auto& f : t.files) {
    const size_t slash = f.path().rfind('/');
    out << " <code>" << xml_escape(slash == std::string::npos ? f.path() : f.path().substr(slash + 1))
        << "</code>";
  }
  out << ". Each chart is also a standalone SVG file beside this page.</p>\n";
  summary_table(out, t);
  for (const auto& c : charts) {
    std::string svg = c.svg;
    const size_t decl = svg.find("?>");
    if (svg.rfind("<?xml", 0) == 0 && decl != std::string::npos) svg.erase(0, decl + 3);
    out << "<figure>\n<h2>" << xml_escape(c.title) << "</h2>\n" << svg
        << "<figcaption>" << xml_escape(c.caption) << " (<a href=\"" << xml_escape(c.file) << "\">"
        << xml_escape(c.file) << "</a>)</figcaption>\n</figure>\n";
  }
  out << "</body>\n</html>\n";
  return out.str();
}

}  // namespace blsim
