// SPDX-License-Identifier: MIT
#include "common/output_set.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "common/atomic_file.h"
#include "common/regular_file.h"
#include "common/temp_registry.h"
#include "common/user_error.h"

namespace blsim {
namespace {

// Staging folders are named ".blsim-staging-<pid>-XXXXXX". One whose process is gone was left by
// a SIGKILL or a crash; it is removed before a new set is staged in the same folder. A folder of
// a live process (a run writing there right now) is left alone.
void remove_stale_staging(const std::string& dir) {
  std::error_code ec;
  const std::string prefix = kStagingPrefix;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid <= 0 || pid == static_cast<long>(::getpid())) continue;
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      std::filesystem::remove_all(entry.path(), ec);
    }
  }
}

}  // namespace

OutputSet::OutputSet(const std::string& dir, const std::vector<std::string>& names)
    : dir_(dir), names_(names) {
  check_output_dir(dir_);
  struct stat st {};
  for (const std::string& name : names_) {
    if (name.empty() || name.find('/') != std::string::npos) {
      throw std::invalid_argument("OutputSet: \"" + name + "\" is not a plain file name");
    }
    const std::string target = final_path(name);
    if (::lstat(target.c_str(), &st) == 0) check_output_file(target);
  }
}

OutputSet::~OutputSet() {
  if (!committed_) remove_staging();
}

std::string OutputSet::final_path(const std::string& name) const {
  return (std::filesystem::path(dir_) / name).string();
}

std::string OutputSet::path(const std::string& name) {
  if (std::find(names_.begin(), names_.end(), name) == names_.end()) {
    throw std::logic_error("OutputSet: " + name + " is not one of the declared outputs");
  }
  if (staging_.empty()) {
    make_output_dir(dir_);
    remove_stale_staging(dir_);
    std::string pattern =
        final_path(std::string(kStagingPrefix) + std::to_string(::getpid()) + "-XXXXXX");
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (::mkdtemp(buf.data()) == nullptr) {
      throw UserError(dir_ + ": cannot create a staging folder: " + std::strerror(errno));
    }
    staging_ = buf.data();
    slots_.push_back(register_temp_path(staging_, true));
    // Registered up front, so an interrupt while a writer works also removes its finished file.
    for (const std::string& n : names_) slots_.push_back(register_temp_path(staging_ + "/" + n, false));
  }
  return staging_ + "/" + name;
}

void OutputSet::commit() {
  if (committed_) throw std::logic_error("OutputSet: committed twice");
  struct stat st {};
  for (const std::string& name : names_) {
    if (staging_.empty() || ::lstat((staging_ + "/" + name).c_str(), &st) != 0) {
      throw std::logic_error("OutputSet: " + final_path(name) + " was never written");
    }
    // Every target is checked before the first rename, so a refusal changes nothing.
    if (::lstat(final_path(name).c_str(), &st) == 0) check_output_file(final_path(name));
  }
  {
    const CleanupSignalsBlocked blocked;
    for (const std::string& name : names_) {
      if (::rename((staging_ + "/" + name).c_str(), final_path(name).c_str()) != 0) {
        const int err = errno;
        remove_staging();
        committed_ = true;
        throw UserError(final_path(name) + ": cannot rename into place: " + std::strerror(err));
      }
    }
    committed_ = true;
    ::rmdir(staging_.c_str());
    for (int slot : slots_) unregister_temp_path(slot);
    slots_.clear();
  }
}

void OutputSet::remove_staging() {
  if (staging_.empty()) return;
  // Only what this set put there: its names and the writers' temporaries.
  std::error_code ec;
  std::filesystem::remove_all(staging_, ec);
  for (int slot : slots_) unregister_temp_path(slot);
  slots_.clear();
}

}  // namespace blsim
