// SPDX-License-Identifier: MIT
#include "sim/report/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

namespace blsim {
namespace {

constexpr int kHeight = 420;
constexpr int kLeft = 80;      // room for the y tick labels and the y axis label
constexpr int kTop = 44;       // the title
constexpr int kLegendW = 260;  // the legend, right of the plot
constexpr double kCharW = 7.0;
const char* const kPalette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
const char* colour(size_t i) { return kPalette[i % (sizeof kPalette / sizeof kPalette[0])]; }

std::string num(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s == "-0" || s.find_first_not_of("-0.") == std::string::npos) s = s[0] == '-' ? s.substr(1) : s;
  return s;
}
std::string px(double v) { return num(v, 1); }

// Ticks at 1, 2 or 5 times a power of ten, about six of them over [lo, hi].
struct Ticks {
  double lo = 0, hi = 1, step = 0.2;
  int decimals = 1;
};
Ticks nice_ticks(double lo, double hi) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || !std::isfinite(hi - lo)) {
    lo = 0;  // values beyond what an axis can show: draw an empty one rather than loop
    hi = 1;
  }
  if (!(hi > lo)) hi = lo + (lo == 0 ? 1 : std::fabs(lo) * 0.1);
  const double raw = (hi - lo) / 6;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * mag >= raw) {
      step = m * mag;
      break;
    }
  }
  Ticks t;
  t.step = step;
  t.lo = std::floor(lo / step + 1e-9) * step;
  t.hi = std::ceil(hi / step - 1e-9) * step;
  t.decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
  return t;
}

class Svg {
 public:
  Svg(int w, int h) : w_(w), h_(h) {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << w << "\" height=\"" << h
         << "\" viewBox=\"0 0 " << w << ' ' << h << "\" font-family=\"DejaVu Sans, Arial, sans-serif\" "
         << "font-size=\"12\">\n"
         << "<rect x=\"0\" y=\"0\" width=\"" << w << "\" height=\"" << h << "\" fill=\"#ffffff\"/>\n";
  }
  void text(double x, double y, const std::string& s, const char* anchor = "start",
            const std::string& extra = "") {
    out_ << "<text x=\"" << px(x) << "\" y=\"" << px(y) << "\" text-anchor=\"" << anchor << '"'
         << extra << '>' << xml_escape(s) << "</text>\n";
  }
  void line(double x1, double y1, double x2, double y2, const char* stroke, double width = 1) {
    out_ << "<line x1=\"" << px(x1) << "\" y1=\"" << px(y1) << "\" x2=\"" << px(x2) << "\" y2=\""
         << px(y2) << "\" stroke=\"" << stroke << "\" stroke-width=\"" << px(width) << "\"/>\n";
  }
  void rect(double x, double y, double w, double h, const char* fill, const std::string& tip) {
    out_ << "<rect x=\"" << px(x) << "\" y=\"" << px(y) << "\" width=\"" << px(w) << "\" height=\""
         << px(h) << "\" fill=\"" << fill << "\">";
    if (!tip.empty()) out_ << "<title>" << xml_escape(tip) << "</title>";
    out_ << "</rect>\n";
  }
  void circle(double x, double y, double r, const char* fill, const std::string& tip) {
    out_ << "<circle cx=\"" << px(x) << "\" cy=\"" << px(y) << "\" r=\"" << px(r) << "\" fill=\""
         << fill << "\" stroke=\"#333333\" stroke-width=\"0.5\"><title>" << xml_escape(tip)
         << "</title></circle>\n";
  }
  void raw(const std::string& s) { out_ << s; }
  std::string done() {
    out_ << "</svg>\n";
    return out_.str();
  }

 private:
  int w_, h_;
  std::ostringstream out_;
};

void title_and_labels(Svg& svg, int w, int h, int plot_bottom, int plot_right, const std::string& title,
                      const std::string& x_label, const std::string& y_label) {
  svg.text(w / 2.0, 26, title, "middle", " font-size=\"16\" font-weight=\"bold\"");
  svg.text((kLeft + plot_right) / 2.0, h - 12, x_label, "middle");
  const double cy = (kTop + plot_bottom) / 2.0;
  svg.text(18, cy, y_label, "middle", " transform=\"rotate(-90 18 " + px(cy) + ")\"");
}

// Horizontal grid lines and y tick labels; returns the y pixel of a value.
struct YAxis {
  Ticks t;
  int top, bottom;
  double at(double v) const { return bottom - (v - t.lo) / (t.hi - t.lo) * (bottom - top); }
};
void draw_y_axis(Svg& svg, const YAxis& y, int right) {
  for (int i = 0; i <= 100 && y.t.lo + i * y.t.step <= y.t.hi + y.t.step * 1e-6; ++i) {
    const double v = y.t.lo + i * y.t.step;
    svg.line(kLeft, y.at(v), right, y.at(v), "#dddddd");
    svg.text(kLeft - 6, y.at(v) + 4, num(v, y.t.decimals), "end");
  }
  svg.line(kLeft, y.top, kLeft, y.bottom, "#333333");
  svg.line(kLeft, y.bottom, right, y.bottom, "#333333");
}

void legend(Svg& svg, int x, const std::vector<std::pair<std::string, std::string>>& entries,
            bool dots) {
  int y = kTop + 8;
  for (const auto& [name, fill] : entries) {
    if (dots) {
      svg.circle(x + 6, y + 6, 5, fill.c_str(), name);
    } else {
      svg.rect(x, y, 12, 12, fill.c_str(), "");
    }
    svg.text(x + 18, y + 11, name);
    y += 20;
  }
}

}  // namespace

std::string xml_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        // Control characters are not allowed in XML 1.0 text.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') {
          out += '?';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string bar_chart_svg(const BarChartSpec& spec) {
  const size_t n = spec.categories.size();
  const size_t groups = spec.stacked ? 1 : std::max<size_t>(1, spec.series.size());
  size_t longest = 0;
  for (const auto& c : spec.categories) longest = std::max(longest, c.size());
  const bool rotate = longest * kCharW > 60 * groups || n > 12;
  const int label_h = rotate ? static_cast<int>(std::min<size_t>(longest, 28) * kCharW * 0.7) + 20 : 24;
  const int slot = static_cast<int>(std::max(36.0, 22.0 * groups + 14));
  const int plot_w = std::max(420, static_cast<int>(n) * slot);
  const int w = kLeft + plot_w + 20 + kLegendW;
  const int h = kHeight + label_h;
  const int bottom = kHeight - 50;
  const int right = kLeft + plot_w;

  double lo = 0, hi = 0;
  for (size_t c = 0; c < n; ++c) {
    double pos = 0, neg = 0;
    for (const auto& s : spec.series) {
      const double v = c < s.values.size() ? s.values[c] : 0;
      if (spec.stacked) {
        (v >= 0 ? pos : neg) += v;
      } else {
        pos = std::max(pos, v);
        neg = std::min(neg, v);
      }
    }
    hi = std::max(hi, pos);
    lo = std::min(lo, neg);
  }
  const YAxis y{nice_ticks(lo, hi), kTop, bottom};

  Svg svg(w, h);
  title_and_labels(svg, w, h, bottom, right, spec.title, spec.x_label, spec.y_label);
  draw_y_axis(svg, y, right);
  const double band = static_cast<double>(plot_w) / std::max<size_t>(1, n);
  const double bar_w = std::min(48.0, (band - 10) / groups);
  for (size_t c = 0; c < n; ++c) {
    const double x0 = kLeft + band * c + (band - bar_w * groups) / 2;
    double pos = 0, neg = 0;
    for (size_t s = 0; s < spec.series.size(); ++s) {
      const double v = c < spec.series[s].values.size() ? spec.series[s].values[c] : 0;
      const std::string tip = spec.categories[c] + ", " + spec.series[s].name + ": " + num(v, 4);
      if (spec.stacked) {
        double& base = v >= 0 ? pos : neg;
        const double y1 = y.at(base), y2 = y.at(base + v);
        if (v != 0) svg.rect(x0, std::min(y1, y2), bar_w, std::fabs(y2 - y1), colour(s), tip);
        base += v;
      } else {
        const double y1 = y.at(0), y2 = y.at(v);
        svg.rect(x0 + bar_w * s, std::min(y1, y2), bar_w, std::fabs(y2 - y1), colour(s), tip);
      }
    }
    const double cx = kLeft + band * (c + 0.5);
    std::string label = spec.categories[c];
    if (label.size() > 28) label = label.substr(0, 27) + "~";
    if (rotate) {
      svg.text(cx + 4, bottom + 14, label, "end",
               " transform=\"rotate(-40 " + px(cx + 4) + ' ' + px(bottom + 14) + ")\"");
    } else {
      svg.text(cx, bottom + 18, label, "middle");
    }
  }
  std::vector<std::pair<std::string, std::string>> entries;
  for (size_t s = 0; s < spec.series.size(); ++s) entries.emplace_back(spec.series[s].name, colour(s));
  legend(svg, right + 20, entries, false);
  return svg.done();
}

std::string scatter_chart_svg(const ScatterChartSpec& spec) {
  const int plot_w = 560;
  const int w = kLeft + plot_w + 20 + kLegendW;
  const int h = kHeight + 10;
  const int bottom = kHeight - 50;
  const int right = kLeft + plot_w;
  const bool categorical = !spec.x_categories.empty();

  double xlo = 0, xhi = 0, ylo = 0, yhi = 0;
  bool first = true;
  for (const auto& p : spec.points) {
    xlo = first ? p.x : std::min(xlo, p.x);
    xhi = first ? p.x : std::max(xhi, p.x);
    ylo = first ? p.y : std::min(ylo, p.y);
    yhi = first ? p.y : std::max(yhi, p.y);
    first = false;
  }
  // A margin around the points, not below zero when no value is negative.
  const auto padded = [](double lo, double hi) {
    const double pad = (hi - lo) * 0.05;
    return nice_ticks(lo >= 0 ? std::max(0.0, lo - pad) : lo - pad, hi + pad);
  };
  const YAxis y{padded(ylo, yhi), kTop, bottom};
  Ticks xt;
  if (categorical) {
    xt.lo = -0.5;
    xt.hi = static_cast<double>(spec.x_categories.size()) - 0.5;
    xt.step = 1;
  } else {
    xt = padded(xlo, xhi);
  }
  const auto xat = [&](double v) { return kLeft + (v - xt.lo) / (xt.hi - xt.lo) * plot_w; };

  Svg svg(w, h);
  title_and_labels(svg, w, h, bottom, right, spec.title, spec.x_label, spec.y_label);
  draw_y_axis(svg, y, right);
  if (categorical) {
    for (size_t i = 0; i < spec.x_categories.size(); ++i) {
      std::string label = spec.x_categories[i];
      if (label.size() > 24) label = label.substr(0, 23) + "~";
      svg.text(xat(static_cast<double>(i)), bottom + 18, label, "middle");
    }
  } else {
    for (int i = 0; i <= 100 && xt.lo + i * xt.step <= xt.hi + xt.step * 1e-6; ++i) {
      const double v = xt.lo + i * xt.step;
      svg.line(xat(v), bottom, xat(v), bottom + 5, "#333333");
      svg.text(xat(v), bottom + 18, num(v, xt.decimals), "middle");
    }
  }
  if (spec.connect_highlight) {
    std::vector<std::pair<double, double>> front;
    for (const auto& p : spec.points) {
      if (p.highlight) front.emplace_back(p.x, p.y);
    }
    std::sort(front.begin(), front.end());
    if (front.size() > 1) {
      std::string d;
      for (const auto& [fx, fy] : front) d += (d.empty() ? "M" : " L") + px(xat(fx)) + ' ' + px(y.at(fy));
      svg.raw("<path d=\"" + d + "\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"1.5\"/>\n");
    }
  }
  // Others first, so the highlighted points are drawn on top; highlighted labels are placed
  // first. A label that would overlap one already placed (or leave the plot) is left out; the
  // point's tooltip still names it.
  struct Box {
    double x0, y0, x1, y1;
  };
  std::vector<Box> placed;
  std::vector<std::pair<size_t, Box>> labels;  // point, where its label goes
  for (int pass = 1; pass >= 0; --pass) {
    for (size_t i = 0; i < spec.points.size(); ++i) {
      const auto& p = spec.points[i];
      if (p.label.empty() || p.highlight != (pass == 1)) continue;
      const double w = p.label.size() * 6.0, px0 = xat(p.x), py0 = y.at(p.y);
      for (const Box& b : {Box{px0 + 7, py0 - 15, px0 + 7 + w, py0 - 4},
                           Box{px0 + 7, py0 + 3, px0 + 7 + w, py0 + 14},
                           Box{px0 - 7 - w, py0 - 15, px0 - 7, py0 - 4},
                           Box{px0 - 7 - w, py0 + 3, px0 - 7, py0 + 14}}) {
        bool clear = b.x0 >= kLeft && b.x1 <= right && b.y0 >= kTop && b.y1 <= bottom;
        for (const Box& o : placed) {
          clear = clear && (b.x1 < o.x0 || b.x0 > o.x1 || b.y1 < o.y0 || b.y0 > o.y1);
        }
        if (clear) {
          placed.push_back(b);
          labels.emplace_back(i, b);
          break;
        }
      }
    }
  }
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& p : spec.points) {
      if (p.highlight != (pass == 1)) continue;
      const std::string tip = (p.label.empty() ? "" : p.label + ": ") + num(p.x, 6) + ", " + num(p.y, 6);
      svg.circle(xat(p.x), y.at(p.y), p.highlight ? 5 : 3.5, p.highlight ? "#d62728" : "#9ecae1", tip);
    }
  }
  for (const auto& [i, b] : labels) svg.text(b.x0, b.y1 - 2, spec.points[i].label, "start", " font-size=\"10\"");
  legend(svg, right + 20, {{spec.other_name, "#9ecae1"}, {spec.highlight_name, "#d62728"}}, true);
  return svg.done();
}

SvgSize svg_size(const std::string& svg) {
  SvgSize size;
  const auto attr = [&](const std::string& name) {
    const size_t at = svg.find(' ' + name + "=\"", svg.find("<svg"));
    return at == std::string::npos ? 0 : std::atoi(svg.c_str() + at + name.size() + 3);
  };
  size.width = attr("width");
  size.height = attr("height");
  return size;
}

}  // namespace blsim
