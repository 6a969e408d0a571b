// SPDX-License-Identifier: MIT
// Content hashes, chainable through `seed` (a key over several buffers is h(b, nb, h(a, na))):
// - fnv1a64: 64-bit FNV-1a, for what blsim prints or stores as a fingerprint (config_hash,
//   sweep_hash, the score cache's body checksum). These values must never change.
// - content_hash: XXH3-64 (libxxhash), for cache keys over large buffers (datasets, network files,
//   the executable): some 8 bytes a clock where FNV-1a takes 4 clocks a byte. Its values name
//   score-cache files only, so it may change with the library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace blsim {

uint64_t fnv1a64(const void* data, size_t bytes, uint64_t seed = 0xcbf29ce484222325ULL);
uint64_t content_hash(const void* data, size_t bytes, uint64_t seed = 0);
uint64_t hash_file(const std::string& path);  // content_hash of the file; UserError when unreadable
std::string hex64(uint64_t value);           // 16 lower-case hex digits

}  // namespace blsim
