// SPDX-License-Identifier: MIT
#include "common/hash.h"

#include <xxhash.h>

#include <cstdio>

#include "common/regular_file.h"

namespace blsim {

uint64_t fnv1a64(const void* data, size_t bytes, uint64_t seed) {
  const auto* p = static_cast<const unsigned char*>(data);
  uint64_t h = seed;
  for (size_t i = 0; i < bytes; ++i) {
    h ^= p[i];
    h *= 0x100000001b3ULL;
  }
  return h;
}

uint64_t content_hash(const void* data, size_t bytes, uint64_t seed) {
  return XXH3_64bits_withSeed(data, bytes, seed);
}

uint64_t hash_file(const std::string& path) {
  // Hashed files are networks and the executable; 4 GiB is far above either.
  const std::string bytes = read_regular_file(path, "file", uint64_t{1} << 32);
  return content_hash(bytes.data(), bytes.size());
}

std::string hex64(uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

}  // namespace blsim
