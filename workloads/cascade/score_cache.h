// SPDX-License-Identifier: MIT
// On-disk cache of a network's class probabilities over a dataset split, so thresholds and
// hardware points never re-run a network. Keyed by content hashes of the ONNX file and of the
// split's images and labels: a changed network or dataset can never hit a stale entry; a body
// checksum (FNV-1a) catches a file damaged in place (same size, same header).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/hash.h"

namespace blsim {

struct ClassScores {
  size_t classes = 0;
  std::vector<float> probs;  // samples x classes, row-major

  size_t samples() const { return classes == 0 ? 0 : probs.size() / classes; }
  const float* row(size_t i) const { return probs.data() + i * classes; }
};

// Cache file name for (network, data) below `dir`.
std::string score_cache_path(const std::string& dir, uint64_t net_hash, uint64_t data_hash);

enum class CacheLookup {
  kHit,      // `out` filled
  kMiss,     // no file, or one for other hashes or an older format
  kDamaged,  // right name and header, but the body does not match its checksum or size
};

// Fills `out` when `path` holds scores for exactly these hashes. On kDamaged `why` (when given)
// says what is wrong; the caller warns, recomputes and overwrites. A path that exists but is not
// a regular file throws UserError (require_regular_file).
CacheLookup lookup_cached_scores(const std::string& path, uint64_t net_hash, uint64_t data_hash,
                                 ClassScores* out, std::string* why = nullptr);
// True on kHit.
bool load_cached_scores(const std::string& path, uint64_t net_hash, uint64_t data_hash,
                        ClassScores* out);
void store_cached_scores(const std::string& path, uint64_t net_hash, uint64_t data_hash,
                         const ClassScores& scores);

}  // namespace blsim
