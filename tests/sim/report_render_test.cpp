// SPDX-License-Identifier: MIT
// blsim report end to end on the real outputs of small runs: every chart is well-formed XML
// (xmllint), renders with librsvg (rsvg-convert) to a PNG of the size it declares that is not
// blank; report.html opens in headless Chromium without a console error and its screenshot is not
// blank; the same folder gives the same bytes; bad input ends with one line, status 2 and no file.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "sim/report/svg_chart.h"
#include "tests/scratch_dir.h"
#include "tests/sim/cli_test_util.h"
#include "tests/sim/csv_test_util.h"

namespace blsim {
namespace {

namespace fs = std::filesystem;

using testing::read_all;
using testing::run_shell;

int blsim_cmd(const std::string& args, const std::string& log) {
  return run_shell(std::string(BLSIM_BINARY) + " " + args + " >'" + log + ".out' 2>'" + log + ".err'");
}

// A PNG decoded to 8-bit RGB(A) rows: enough of the format for what rsvg-convert and Chromium
// write (bit depth 8, colour type 2 or 6, not interlaced).
struct Image {
  uint32_t width = 0, height = 0;
  int channels = 0;
  std::vector<uint8_t> pixels;
};

uint32_t be32(const std::string& s, size_t at) {
  return (uint32_t(uint8_t(s[at])) << 24) | (uint32_t(uint8_t(s[at + 1])) << 16) |
         (uint32_t(uint8_t(s[at + 2])) << 8) | uint32_t(uint8_t(s[at + 3]));
}

Image decode_png(const std::string& path) {
  const std::string png = read_all(path);
  Image img;
  if (png.size() < 33 || png.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) {
    ADD_FAILURE() << path << ": not a PNG";
    return img;
  }
  std::string idat;
  int depth = 0, type = 0, interlace = 0;
  for (size_t at = 8; at + 8 <= png.size();) {
    const uint32_t len = be32(png, at);
    const std::string kind = png.substr(at + 4, 4);
    if (kind == "IHDR") {
      img.width = be32(png, at + 8);
      img.height = be32(png, at + 12);
      depth = uint8_t(png[at + 16]);
      type = uint8_t(png[at + 17]);
      interlace = uint8_t(png[at + 20]);
    } else if (kind == "IDAT") {
      idat += png.substr(at + 8, len);
    }
    at += 12 + len;
  }
  if (depth != 8 || (type != 2 && type != 6) || interlace != 0) {
    ADD_FAILURE() << path << ": PNG depth " << depth << " type " << type << " not decoded here";
    return img;
  }
  img.channels = type == 6 ? 4 : 3;
  const size_t stride = size_t(img.width) * img.channels;
  std::vector<uint8_t> raw((stride + 1) * img.height);
  uLongf raw_len = raw.size();
  if (uncompress(raw.data(), &raw_len, reinterpret_cast<const Bytef*>(idat.data()), idat.size()) != Z_OK ||
      raw_len != raw.size()) {
    ADD_FAILURE() << path << ": PNG data does not inflate to its size";
    return img;
  }
  img.pixels.assign(stride * img.height, 0);
  const int bpp = img.channels;
  for (size_t y = 0; y < img.height; ++y) {
    const uint8_t filter = raw[y * (stride + 1)];
    const uint8_t* in = &raw[y * (stride + 1) + 1];
    uint8_t* row = &img.pixels[y * stride];
    const uint8_t* up = y ? &img.pixels[(y - 1) * stride] : nullptr;
    for (size_t x = 0; x < stride; ++x) {
      const int a = x >= size_t(bpp) ? row[x - bpp] : 0, b = up ? up[x] : 0,
                c = (up && x >= size_t(bpp)) ? up[x - bpp] : 0;
      int p = 0;
      switch (filter) {
        case 0: p = 0; break;
        case 1: p = a; break;
        case 2: p = b; break;
        case 3: p = (a + b) / 2; break;
        case 4: {
          const int pa = std::abs(b - c), pb = std::abs(a - c), pc = std::abs(a + b - 2 * c);
          p = (pa <= pb && pa <= pc) ? a : pb <= pc ? b : c;
          break;
        }
        default: ADD_FAILURE() << path << ": bad PNG filter " << int(filter); return img;
      }
      row[x] = uint8_t(in[x] + p);
    }
  }
  return img;
}

// Share of pixels unlike the top-left one, and how many distinct colours there are.
void expect_not_blank(const Image& img, const std::string& what) {
  ASSERT_GT(img.pixels.size(), 0u) << what;
  size_t differ = 0;
  std::set<uint32_t> colours;
  const int ch = img.channels;
  for (size_t i = 0; i + ch <= img.pixels.size(); i += ch) {
    const uint32_t rgb = (img.pixels[i] << 16) | (img.pixels[i + 1] << 8) | img.pixels[i + 2];
    if (colours.size() < 100) colours.insert(rgb);
    for (int k = 0; k < 3; ++k) {
      if (img.pixels[i + k] != img.pixels[k]) {
        ++differ;
        break;
      }
    }
  }
  const double total = double(img.width) * img.height;
  EXPECT_GT(differ / total, 0.01) << what << ": " << differ << " of " << total << " pixels drawn";
  EXPECT_GE(colours.size(), 4u) << what;
}

class ReportRender : public ScratchDirTest {
 protected:
  // Small real runs: 200 samples of the default cascade, a 10-point sweep, a 2-inference profile.
  std::string run_dir() {
    const std::string d = dir_ + "/run";
    // The networks named here, whatever the default cascade's are: the chart names follow them.
    EXPECT_EQ(blsim_cmd("run --samples 200 --set stage1.net=workloads/nets/mnist-little.onnx "
                        "--set stage2.net=workloads/nets/mnist-big.onnx --report --out '" + d + "'",
                        dir_ + "/run"),
              0)
        << read_all(dir_ + "/run.err");
    EXPECT_TRUE(fs::is_regular_file(d + "/report.html")) << "run --report";
    return d;
  }
  std::string sweep_dir() {
    const std::string d = dir_ + "/sweep";
    EXPECT_EQ(blsim_cmd("sweep --samples 200 --jobs 1 --vary cascade.threshold=0:1:0.25 "
                        "--vary cascade.escalation_rest_state=idle,parked --report --out '" + d + "'",
                        dir_ + "/sweep"),
              0)
        << read_all(dir_ + "/sweep.err");
    EXPECT_TRUE(fs::is_regular_file(d + "/pareto.svg")) << "sweep --report";
    return d;
  }
  std::string profile_dir() {
    const std::string d = dir_ + "/profile";
    EXPECT_EQ(blsim_cmd("profile --net workloads/nets/mnist-big.onnx --inferences 2 --out '" + d + "'",
                        dir_ + "/profile"),
              0)
        << read_all(dir_ + "/profile.err");
    return d;
  }

  // Runs blsim report on D and checks every chart; returns the chart names.
  std::vector<std::string> check_charts(const std::string& d, size_t at_least) {
    EXPECT_EQ(blsim_cmd("report '" + d + "'", dir_ + "/report"), 0) << read_all(dir_ + "/report.err");
    EXPECT_TRUE(fs::is_regular_file(d + "/report.html"));
    std::vector<std::string> svgs;
    for (const auto& e : fs::directory_iterator(d)) {
      if (e.path().extension() == ".svg") svgs.push_back(e.path().string());
    }
    std::sort(svgs.begin(), svgs.end());
    EXPECT_GE(svgs.size(), at_least) << d;
    const std::string html = read_all(d + "/report.html");
    for (const auto& svg : svgs) {
      EXPECT_EQ(run_shell("xmllint --noout '" + svg + "' 2>'" + dir_ + "/xml.err'"), 0)
          << svg << ": " << read_all(dir_ + "/xml.err");
      const std::string png = svg + ".png";
      EXPECT_EQ(run_shell("rsvg-convert '" + svg + "' -o '" + png + "' 2>'" + dir_ + "/rsvg.err'"), 0)
          << svg << ": " << read_all(dir_ + "/rsvg.err");
      const Image img = decode_png(png);
      const SvgSize size = svg_size(read_all(svg));
      EXPECT_GT(size.width, 300) << svg;
      EXPECT_EQ(img.width, uint32_t(size.width)) << svg;
      EXPECT_EQ(img.height, uint32_t(size.height)) << svg;
      expect_not_blank(img, svg);
      // The page holds the chart inline (its <svg> element onwards).
      const std::string text = read_all(svg);
      EXPECT_NE(html.find(text.substr(text.find("<svg"))), std::string::npos) << svg;
      fs::remove(png);
    }
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));
    EXPECT_EQ(html.find("https://"), std::string::npos);
    return svgs;
  }

  void check_in_chromium(const std::string& d) {
    const std::string shot = dir_ + "/shot.png";
    const int rc = run_shell("timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run "
                         "--user-data-dir='" + dir_ + "/chromium' --window-size=1280,1600 "
                         "--enable-logging=stderr --v=0 --screenshot='" + shot + "' 'file://" +
                         fs::absolute(d).string() + "/report.html' >'" + dir_ + "/chromium.out' 2>'" +
                         dir_ + "/chromium.err'");
    ASSERT_EQ(rc, 0) << read_all(dir_ + "/chromium.err");
    // Console messages (errors, failed loads) are logged as CONSOLE lines.
    const std::string log = read_all(dir_ + "/chromium.err");
    EXPECT_EQ(log.find("CONSOLE"), std::string::npos) << log;
    EXPECT_EQ(log.find("Failed to load resource"), std::string::npos) << log;
    const Image img = decode_png(shot);
    EXPECT_EQ(img.width, 1280u);
    EXPECT_EQ(img.height, 1600u);
    expect_not_blank(img, "screenshot of " + d + "/report.html");
  }
};

TEST_F(ReportRender, RunChartsRenderAndThePageOpens) {
  const std::string d = run_dir();
  const auto svgs = check_charts(d, 6);
  for (const char* name : {"energy_components.svg", "accuracy_escalation.svg", "latency.svg",
                           "layers_mnist-big_on_big.svg", "layers_mnist-little_on_little.svg"}) {
    EXPECT_TRUE(fs::is_regular_file(d + "/" + name)) << name;
  }
  check_in_chromium(d);
}

TEST_F(ReportRender, SweepChartsRenderAndThePageOpens) {
  const std::string d = sweep_dir();
  check_charts(d, 3);
  EXPECT_TRUE(fs::is_regular_file(d + "/pareto.svg"));
  EXPECT_TRUE(fs::is_regular_file(d + "/vary_cascade.threshold.svg"));
  EXPECT_TRUE(fs::is_regular_file(d + "/vary_cascade.escalation_rest_state.svg"));
  // The front's points are labelled by their varied keys.
  EXPECT_NE(read_all(d + "/pareto.svg").find("threshold=0.25"), std::string::npos);
  check_in_chromium(d);
}

TEST_F(ReportRender, ProfileChartsRender) {
  const std::string d = profile_dir();
  check_charts(d, 2);
  EXPECT_TRUE(fs::is_regular_file(d + "/layers_mnist-big_on_big.svg"));
}

TEST_F(ReportRender, SameFolderSameBytes) {
  const std::string d = run_dir();
  ASSERT_EQ(blsim_cmd("report '" + d + "'", dir_ + "/r1"), 0);
  std::vector<std::pair<std::string, std::string>> first;
  for (const auto& e : fs::directory_iterator(d)) {
    const auto ext = e.path().extension();
    if (ext == ".svg" || ext == ".html") first.push_back({e.path().string(), read_all(e.path().string())});
  }
  ASSERT_GE(first.size(), 7u);
  ASSERT_EQ(blsim_cmd("report '" + d + "'", dir_ + "/r2"), 0);
  for (const auto& [path, bytes] : first) EXPECT_EQ(read_all(path), bytes) << path;
}

TEST_F(ReportRender, BadInputOneLineStatusTwoNoReport) {
  const std::string good = run_dir();
  struct Case {
    const char* name;
    void (*damage)(const std::string& d);
    const char* names;  // what the message must name
  };
  const Case cases[] = {
      {"missing_inferences", [](const std::string& d) { fs::remove(d + "/inferences.csv"); },
       "inferences.csv"},
      {"ragged_summary",
       [](const std::string& d) { std::ofstream(d + "/summary.csv", std::ios::app) << "1,2,3\n"; },
       "summary.csv"},
      {"not_a_number",
       [](const std::string& d) {
         std::string t = read_all(d + "/layers.csv");
         const size_t row2 = t.find('\n') + 1;
         const size_t comma = t.find(",idle,", row2);
         t.replace(t.find('\n', comma) - 3, 3, "abc");
         std::ofstream(d + "/layers.csv", std::ios::binary | std::ios::trunc) << t;
       },
       "layers.csv"},
      {"torn_tail",
       [](const std::string& d) {
         const std::string t = read_all(d + "/inferences.csv");
         std::ofstream(d + "/inferences.csv", std::ios::binary | std::ios::trunc) << t.substr(0, t.size() - 5);
       },
       "inferences.csv"},
      {"missing_column",
       [](const std::string& d) {
         std::string t = read_all(d + "/summary.csv");
         t.replace(t.find("escalation_rate"), 15, "escalation_ratx");
         std::ofstream(d + "/summary.csv", std::ios::binary | std::ios::trunc) << t;
       },
       "escalation_rate"},
      {"exit_stage_out_of_range",
       [](const std::string& d) {
         std::string t = read_all(d + "/inferences.csv");
         size_t at = t.find('\n') + 1;  // the first row: index,label,prediction,exit_stage,...
         for (int i = 0; i < 3; ++i) at = t.find(',', at) + 1;
         t.replace(at, t.find(',', at) - at, "1000000000");
         std::ofstream(d + "/inferences.csv", std::ios::binary | std::ios::trunc) << t;
       },
       "exit_stage 1000000000"},
      {"empty_folder",
       [](const std::string& d) {
         for (const char* f : {"summary.csv", "layers.csv", "inferences.csv"}) fs::remove(d + "/" + f);
       },
       "no summary.csv or sweep.csv"},
  };
  for (const Case& c : cases) {
    const std::string d = dir_ + "/" + c.name;
    fs::create_directories(d);
    for (const char* f : {"summary.csv", "layers.csv", "inferences.csv"}) fs::copy_file(good + "/" + f, d + "/" + f);
    c.damage(d);
    EXPECT_EQ(blsim_cmd("report '" + d + "'", dir_ + "/bad"), 2) << c.name;
    const std::string err = read_all(dir_ + "/bad.err");
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << c.name << ": " << err;
    EXPECT_EQ(err.rfind("blsim: ", 0), 0u) << c.name << ": " << err;
    EXPECT_NE(err.find(c.names), std::string::npos) << c.name << ": " << err;
    for (const auto& e : fs::directory_iterator(d)) {
      const auto ext = e.path().extension();
      EXPECT_TRUE(ext == ".csv") << c.name << " left " << e.path();
    }
  }
}

}  // namespace
}  // namespace blsim
