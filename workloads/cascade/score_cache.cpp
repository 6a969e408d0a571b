// SPDX-License-Identifier: MIT
#include "workloads/cascade/score_cache.h"

#include <sys/stat.h>

#include <cstdio>
#include <cstring>

#include "common/atomic_file.h"
#include "common/regular_file.h"
#include "common/user_error.h"

namespace blsim {
namespace {

// Version 2 adds the body checksum: a version-1 file is simply a miss and gets rewritten.
constexpr char kMagic[8] = {'B', 'L', 'S', 'C', 'O', 'R', 'E', '2'};

struct Header {
  char magic[8];
  uint64_t net_hash;
  uint64_t data_hash;
  uint64_t samples;
  uint64_t classes;
  uint64_t body_hash;  // FNV-1a of the probabilities as stored
};

constexpr uint64_t kMaxSamples = uint64_t{1} << 32;
constexpr uint64_t kMaxClasses = 1000000;

}  // namespace

std::string score_cache_path(const std::string& dir, uint64_t net_hash, uint64_t data_hash) {
  char name[64];
  std::snprintf(name, sizeof name, "scores-%016llx-%016llx.bin",
                static_cast<unsigned long long>(net_hash), static_cast<unsigned long long>(data_hash));
  return dir + "/" + name;
}

CacheLookup lookup_cached_scores(const std::string& path, uint64_t net_hash, uint64_t data_hash,
                                 ClassScores* out, std::string* why) {
  const auto damaged = [why](const std::string& reason) {
    if (why != nullptr) *why = reason;
    return CacheLookup::kDamaged;
  };
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return CacheLookup::kMiss;
  // A FIFO or device under the cache's name is refused like any bad input file.
  const std::string bytes = read_regular_file(path, "score cache file",
                                              sizeof(Header) + kMaxSamples * 4 * sizeof(float));
  Header h{};
  if (bytes.size() < sizeof h) return damaged("shorter than its header");
  std::memcpy(&h, bytes.data(), sizeof h);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) return CacheLookup::kMiss;  // other version
  if (h.net_hash != net_hash || h.data_hash != data_hash) return CacheLookup::kMiss;
  if (h.classes == 0 || h.classes > kMaxClasses || h.samples > kMaxSamples) {
    return damaged("header holds " + std::to_string(h.samples) + " samples of " +
                   std::to_string(h.classes) + " classes");
  }
  const uint64_t body = h.samples * h.classes * sizeof(float);  // < 2^55 by the bounds above
  if (bytes.size() - sizeof h != body) {
    return damaged(std::to_string(bytes.size() - sizeof h) + " body bytes, " +
                   std::to_string(body) + " expected");
  }
  const char* data = bytes.data() + sizeof h;
  if (fnv1a64(data, body) != h.body_hash) return damaged("body checksum mismatch");
  ClassScores s;
  s.classes = h.classes;
  s.probs.resize(h.samples * h.classes);
  std::memcpy(s.probs.data(), data, body);
  *out = std::move(s);
  return CacheLookup::kHit;
}

bool load_cached_scores(const std::string& path, uint64_t net_hash, uint64_t data_hash,
                        ClassScores* out) {
  return lookup_cached_scores(path, net_hash, data_hash, out) == CacheLookup::kHit;
}

void store_cached_scores(const std::string& path, uint64_t net_hash, uint64_t data_hash,
                         const ClassScores& scores) {
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.net_hash = net_hash;
  h.data_hash = data_hash;
  h.samples = scores.samples();
  h.classes = scores.classes;
  h.body_hash = fnv1a64(scores.probs.data(), scores.probs.size() * sizeof(float));
  AtomicFile file(path, /*binary=*/true);
  file.stream().write(reinterpret_cast<const char*>(&h), sizeof h);
  file.stream().write(reinterpret_cast<const char*>(scores.probs.data()),
                      static_cast<std::streamsize>(scores.probs.size() * sizeof(float)));
  file.commit();
}

}  // namespace blsim
