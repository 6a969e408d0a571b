// SPDX-License-Identifier: MIT
// Charts as standalone SVG text: stacked or grouped bars over named categories, and scatter plots
// with a highlighted subset (a Pareto front). Plain data in, text out: no fonts are measured, so
// labels are sized by character count (DejaVu Sans at 12 px, about 7 px a character) and the same
// spec always gives the same bytes. Axes start at zero for bars and carry their unit in the label.
#pragma once

#include <string>
#include <vector>

namespace blsim {

struct ChartSeries {
  std::string name;
  std::vector<double> values;  // one per category (bars)
};

struct BarChartSpec {
  std::string title;
  std::string x_label;
  std::string y_label;  // with its unit, e.g. "energy per inference (mJ)"
  std::vector<std::string> categories;
  std::vector<ChartSeries> series;
  bool stacked = true;  // false: the series side by side in each category
};

struct ScatterPoint {
  double x = 0;
  double y = 0;
  bool highlight = false;
  std::string label;  // drawn beside the point when not empty
};

struct ScatterChartSpec {
  std::string title;
  std::string x_label;
  std::string y_label;
  std::vector<ScatterPoint> points;
  std::string highlight_name = "highlighted";
  std::string other_name = "other";
  bool connect_highlight = false;       // join the highlighted points in x order (a front)
  std::vector<std::string> x_categories;  // when set, x is an index into these names
};

std::string bar_chart_svg(const BarChartSpec& spec);
std::string scatter_chart_svg(const ScatterChartSpec& spec);

// The width and height an SVG of this module declares (for tests and the page).
struct SvgSize {
  int width = 0;
  int height = 0;
};
SvgSize svg_size(const std::string& svg);

std::string xml_escape(const std::string& text);

}  // namespace blsim
