// SPDX-License-Identifier: MIT
// blsim report: draws the CSV files of a run, profile or sweep folder as charts (standalone SVG)
// and one self-contained HTML page, DIR/report.html.
#include <iostream>

#include "sim/command_line.h"
#include "sim/commands.h"
#include "sim/report/report_writer.h"

namespace blsim {

int cmd_report(const Args& args) {
  CommandLine cl("report",
                 "draw the CSV files of a run, profile or sweep folder: DIR/report.html (inline "
                 "SVG, no script) and each chart as DIR/NAME.svg",
                 "blsim report out/run");
  cl.options().add_options()("dir", po::value<std::string>()->required(),
                             "the output folder of blsim run, profile or sweep");
  cl.positional("dir");
  if (!cl.parse(args)) return 0;
  const std::string dir = cl.get<std::string>("dir");
  const std::vector<std::string> names = write_report(dir);
  std::cout << "wrote " << dir << "/report.html and " << names.size() - 1 << " charts (.svg)\n";
  return 0;
}

}  // namespace blsim
