// SPDX-License-Identifier: MIT
// Temporary output files and folders that must not outlive an interrupted run. Paths are kept in
// fixed static slots so that the SIGINT/SIGTERM/SIGHUP handler can remove them with unlink/rmdir
// alone (async-signal-safe) and then re-raise the signal with its default action. SIGKILL cannot
// be caught: what it leaves is described in docs/robustness.md.
#pragma once

#include <string>

namespace blsim {

// Returns a slot for unregister_temp_path(), or -1 when the path cannot be registered (too long,
// all slots taken); the owner still removes the path itself, only the signal cleanup is lost.
// The first registration installs the handlers (only over the default action, never over one a
// caller chose).
int register_temp_path(const std::string& path, bool is_directory);
void unregister_temp_path(int slot);

// Blocks the cleanup signals for its lifetime (e.g. while the files of a set are renamed into
// place, so that an interrupt cannot split the set); pending signals arrive at the end.
class CleanupSignalsBlocked {
 public:
  CleanupSignalsBlocked();
  ~CleanupSignalsBlocked();
  CleanupSignalsBlocked(const CleanupSignalsBlocked&) = delete;
  CleanupSignalsBlocked& operator=(const CleanupSignalsBlocked&) = delete;

 private:
  unsigned long saved_[128 / sizeof(unsigned long)];  // a sigset_t, kept opaque here
};

}  // namespace blsim
