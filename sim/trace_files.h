// SPDX-License-Identifier: MIT
// The --vcd and --timeline files of `run` and `profile`. A file inside the command's --out folder
// joins that folder's output set (it appears with the CSV files, or not at all); a file elsewhere
// is checked before the work and written atomically on its own.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "common/output_set.h"
#include "sim/run_trace.h"

namespace blsim {

class TraceFiles {
 public:
  // `vcd` and `timeline` as given (empty: not asked for); `own` are the names the command writes
  // into `out_dir` itself, which a trace file may not take.
  TraceFiles(std::string vcd, std::string timeline, const std::string& out_dir,
             const std::vector<std::string>& own);

  bool wanted() const { return !vcd_.given.empty() || !timeline_.given.empty(); }
  // `own` plus the trace files that live in the out folder: the names of the command's OutputSet.
  std::vector<std::string> output_names(std::vector<std::string> own) const;
  // Writes the asked-for files; the ones in the out folder into `outputs` (before its commit).
  void write(const RunTrace& trace, OutputSet& outputs) const;
  // One "wrote ..." line per file written, with `what` (e.g. "test split").
  void print(std::ostream& out, const std::string& what) const;

 private:
  struct File {
    std::string given;
    std::string name_in_out;  // its file name when it lives in the out folder; empty otherwise
  };
  static File place(const std::string& option, std::string given, const std::string& out_dir,
                    const std::vector<std::string>& own);

  File vcd_;
  File timeline_;
};

}  // namespace blsim
