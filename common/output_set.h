// SPDX-License-Identifier: MIT
// The files of one run appear together or not at all: each is written into a private staging
// folder (DIR/.blsim-staging-<pid>-XXXXXX) and all are renamed into DIR at commit, with SIGINT,
// SIGTERM and SIGHUP held back. Limit: the renames are not one atomic step, so only SIGKILL or a
// machine crash inside that microsecond window can leave a mix (docs/robustness.md).
#pragma once

#include <string>
#include <vector>

namespace blsim {

constexpr const char* kStagingPrefix = ".blsim-staging-";

class OutputSet {
 public:
  // Checks now, before any work, that DIR can hold the set (check_output_dir) and that no
  // DIR/NAME is anything but a regular file (check_output_file); creates nothing yet.
  OutputSet(const std::string& dir, const std::vector<std::string>& names);
  ~OutputSet();  // an uncommitted set removes its staging folder and everything in it
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;

  const std::string& dir() const { return dir_; }
  // DIR/NAME, where NAME ends up (for messages).
  std::string final_path(const std::string& name) const;
  // Where to write NAME now (one of the names given): inside the staging folder, created on the
  // first call together with DIR. Writers commit their file there as usual.
  std::string path(const std::string& name);
  // Requires every name to have been written; renames them into DIR and removes the staging
  // folder. Throws UserError naming the file and the reason.
  void commit();

 private:
  void remove_staging();

  std::string dir_;
  std::vector<std::string> names_;
  std::string staging_;            // empty until path() is first called
  std::vector<int> slots_;         // signal-cleanup registrations
  bool committed_ = false;
};

}  // namespace blsim
