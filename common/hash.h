// SPDX-License-Identifier: MIT
// Content hashes for cache keys and configuration fingerprints: 64-bit FNV-1a, chainable through
// `seed`, so a key over several buffers is fnv1a64(b, nb, fnv1a64(a, na)).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace blsim {

uint64_t fnv1a64(const void* data, size_t bytes, uint64_t seed = 0xcbf29ce484222325ULL);
uint64_t hash_file(const std::string& path);  // throws UserError when unreadable
std::string hex64(uint64_t value);           // 16 lower-case hex digits

}  // namespace blsim
