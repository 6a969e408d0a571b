// SPDX-License-Identifier: MIT
#include "sim/trace_files.h"

#include <algorithm>
#include <filesystem>

#include "common/atomic_file.h"
#include "common/user_error.h"
#include "sim/report/timeline_writer.h"
#include "sim/report/vcd_writer.h"

namespace blsim {

namespace fs = std::filesystem;

TraceFiles::File TraceFiles::place(const std::string& option, std::string given,
                                   const std::string& out_dir,
                                   const std::vector<std::string>& own) {
  File f{std::move(given), ""};
  if (f.given.empty()) return f;
  const fs::path p(f.given);
  const fs::path parent = p.parent_path().empty() ? fs::path(".") : p.parent_path();
  if (!p.has_filename()) throw UserError(option + ": " + f.given + ": expected a file name");
  if (parent.lexically_normal() == fs::path(out_dir).lexically_normal()) {
    f.name_in_out = p.filename().string();
    if (std::find(own.begin(), own.end(), f.name_in_out) != own.end()) {
      throw UserError(option + ": " + f.given + " is one of the files the command writes there");
    }
  } else {
    check_output_file(f.given);
  }
  return f;
}

TraceFiles::TraceFiles(std::string vcd, std::string timeline, const std::string& out_dir,
                       const std::vector<std::string>& own)
    : vcd_(place("--vcd", std::move(vcd), out_dir, own)),
      timeline_(place("--timeline", std::move(timeline), out_dir, own)) {
  if (!vcd_.given.empty() && fs::path(vcd_.given).lexically_normal() ==
                                 fs::path(timeline_.given).lexically_normal()) {
    throw UserError("--vcd and --timeline name the same file: " + vcd_.given);
  }
}

std::vector<std::string> TraceFiles::output_names(std::vector<std::string> own) const {
  for (const File* f : {&vcd_, &timeline_}) {
    if (!f->name_in_out.empty()) own.push_back(f->name_in_out);
  }
  return own;
}

void TraceFiles::write(const RunTrace& trace, OutputSet& outputs) const {
  auto path = [&](const File& f) {
    return f.name_in_out.empty() ? f.given : outputs.path(f.name_in_out);
  };
  if (!vcd_.given.empty()) write_vcd(trace, path(vcd_));
  if (!timeline_.given.empty()) write_timeline(trace, path(timeline_));
}

void TraceFiles::print(std::ostream& out, const std::string& what) const {
  if (!vcd_.given.empty()) out << "wrote " << vcd_.given << " (power over time, " << what << ")\n";
  if (!timeline_.given.empty()) {
    out << "wrote " << timeline_.given << " (timeline, " << what << ")\n";
  }
}

}  // namespace blsim
