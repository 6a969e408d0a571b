// SPDX-License-Identifier: MIT
#include "sim/report/report_writer.h"

#include "common/atomic_file.h"
#include "common/output_set.h"
#include "sim/report/html_page.h"
#include "sim/report/report_charts.h"
#include "sim/report/report_tables.h"

namespace blsim {

std::vector<std::string> write_report(const std::string& dir) {
  const ReportTables tables = read_report_tables(dir);
  const std::vector<ReportChart> charts = report_charts(tables);
  const std::string html = report_html(tables, charts);
  std::vector<std::string> names = {"report.html"};
  for (const auto& c : charts) names.push_back(c.file);
  OutputSet outputs(dir, names);
  const auto write = [&](const std::string& name, const std::string& text) {
    AtomicFile file(outputs.path(name));
    file.stream() << text;
    file.commit();
  };
  write("report.html", html);
  for (const auto& c : charts) write(c.file, c.svg);
  outputs.commit();
  return names;
}

}  // namespace blsim
