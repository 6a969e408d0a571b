// SPDX-License-Identifier: MIT
#include "common/temp_registry.h"

#include <limits.h>
#include <signal.h>
#include <unistd.h>

#include <cstring>

namespace blsim {
namespace {

constexpr int kSlots = 64;
constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

struct Slot {
  volatile sig_atomic_t used;
  volatile sig_atomic_t is_directory;
  char path[PATH_MAX];
};

Slot g_slots[kSlots];
bool g_handlers_installed = false;

void remove_registered(bool directories) {
  // Directories last and newest first: a staging folder is empty once its files are gone.
  for (int i = kSlots - 1; i >= 0; --i) {
    if (g_slots[i].used == 0 || (g_slots[i].is_directory != 0) != directories) continue;
    if (directories) {
      ::rmdir(g_slots[i].path);
    } else {
      ::unlink(g_slots[i].path);
    }
  }
}

extern "C" void on_cleanup_signal(int sig) {
  remove_registered(false);
  remove_registered(true);
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

void install_handlers() {
  g_handlers_installed = true;
  for (const int sig : kCleanupSignals) {
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler != SIG_DFL) continue;
    struct sigaction act {};
    act.sa_handler = on_cleanup_signal;
    ::sigemptyset(&act.sa_mask);
    for (const int other : kCleanupSignals) ::sigaddset(&act.sa_mask, other);
    ::sigaction(sig, &act, nullptr);
  }
}

sigset_t cleanup_set() {
  sigset_t set;
  ::sigemptyset(&set);
  for (const int sig : kCleanupSignals) ::sigaddset(&set, sig);
  return set;
}

}  // namespace

int register_temp_path(const std::string& path, bool is_directory) {
  if (!g_handlers_installed) install_handlers();
  if (path.size() + 1 > sizeof(g_slots[0].path)) return -1;
  for (int i = 0; i < kSlots; ++i) {
    if (g_slots[i].used != 0) continue;
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    g_slots[i].is_directory = is_directory ? 1 : 0;
    g_slots[i].used = 1;  // last, so the handler never sees a half-written path
    return i;
  }
  return -1;
}

void unregister_temp_path(int slot) {
  if (slot >= 0 && slot < kSlots) g_slots[slot].used = 0;
}

CleanupSignalsBlocked::CleanupSignalsBlocked() {
  static_assert(sizeof(saved_) >= sizeof(sigset_t), "sigset_t does not fit");
  const sigset_t set = cleanup_set();
  ::sigprocmask(SIG_BLOCK, &set, reinterpret_cast<sigset_t*>(saved_));
}

CleanupSignalsBlocked::~CleanupSignalsBlocked() {
  ::sigprocmask(SIG_SETMASK, reinterpret_cast<const sigset_t*>(saved_), nullptr);
}

}  // namespace blsim
