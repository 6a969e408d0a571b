// SPDX-License-Identifier: MIT
#include "workloads/cascade/score_cache.h"

#include <cstdio>
#include <cstring>
#include <fstream>

#include "common/atomic_file.h"
#include "common/user_error.h"

namespace blsim {
namespace {

constexpr char kMagic[8] = {'B', 'L', 'S', 'C', 'O', 'R', 'E', '1'};

struct Header {
  char magic[8];
  uint64_t net_hash;
  uint64_t data_hash;
  uint64_t samples;
  uint64_t classes;
};

}  // namespace

std::string score_cache_path(const std::string& dir, uint64_t net_hash, uint64_t data_hash) {
  char name[64];
  std::snprintf(name, sizeof name, "scores-%016llx-%016llx.bin",
                static_cast<unsigned long long>(net_hash), static_cast<unsigned long long>(data_hash));
  return dir + "/" + name;
}

bool load_cached_scores(const std::string& path, uint64_t net_hash, uint64_t data_hash,
                        ClassScores* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  Header h{};
  if (!in.read(reinterpret_cast<char*>(&h), sizeof h)) return false;
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.net_hash != net_hash ||
      h.data_hash != data_hash || h.classes == 0 || h.classes > 1000000 ||
      h.samples > (uint64_t{1} << 32)) {
    return false;
  }
  ClassScores s;
  s.classes = h.classes;
  s.probs.resize(h.samples * h.classes);
  if (!in.read(reinterpret_cast<char*>(s.probs.data()),
               static_cast<std::streamsize>(s.probs.size() * sizeof(float)))) {
    return false;
  }
  if (in.peek() != std::char_traits<char>::eof()) return false;  // trailing bytes: damaged
  *out = std::move(s);
  return true;
}

void store_cached_scores(const std::string& path, uint64_t net_hash, uint64_t data_hash,
                         const ClassScores& scores) {
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.net_hash = net_hash;
  h.data_hash = data_hash;
  h.samples = scores.samples();
  h.classes = scores.classes;
  AtomicFile file(path, /*binary=*/true);
  file.stream().write(reinterpret_cast<const char*>(&h), sizeof h);
  file.stream().write(reinterpret_cast<const char*>(scores.probs.data()),
                      static_cast<std::streamsize>(scores.probs.size() * sizeof(float)));
  file.commit();
}

}  // namespace blsim
