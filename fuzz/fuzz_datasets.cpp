// SPDX-License-Identifier: MIT
// Fuzzes the dataset readers on one input: as an IDX file on disk (plain or gzip; zlib reads
// both), and as a score-cache file (the network outputs
// cached per dataset split). The IDX readers are asked for the item count and image size the
// file's own header declares (bounded), and the cache for the hashes its header holds, so inputs
// get past the header checks the way a real file does; accepted data must have the declared size.
#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "fuzz/fuzz_scratch_dir.h"
#include "workloads/cascade/score_cache.h"
#include "workloads/datasets/idx_file.h"
#include "common/user_error.h"
#include "fuzz/fuzz_oracles.h"

namespace {

constexpr int64_t kMaxIdxBytes = 1 << 20;
constexpr int kClasses = 10;

// Up to 16 header bytes, decompressed if the file is gzip: magic, then up to three sizes.
std::vector<uint32_t> idx_header(const std::string& path) {
  std::vector<uint32_t> words;
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return words;
  unsigned char bytes[16];
  const int got = gzread(file, bytes, sizeof bytes);
  gzclose(file);
  for (int i = 0; i + 4 <= got; i += 4) {
    words.push_back((uint32_t{bytes[i]} << 24) | (uint32_t{bytes[i + 1]} << 16) |
                    (uint32_t{bytes[i + 2]} << 8) | bytes[i + 3]);
  }
  return words;
}

// The header's sizes when they are small enough to read, else the Fashion-MNIST test split's.
std::vector<int64_t> expected_dims(const std::vector<uint32_t>& header, size_t rank) {
  std::vector<int64_t> dims = {10000, 28, 28};
  dims.resize(rank);
  if (header.size() < rank + 1) return dims;
  int64_t total = 1;
  for (size_t d = 0; d < rank; ++d) {
    if (__builtin_mul_overflow(total, int64_t{header[d + 1]}, &total)) return dims;
  }
  if (total > kMaxIdxBytes) return dims;
  for (size_t d = 0; d < rank; ++d) dims[d] = header[d + 1];
  return dims;
}

void check_idx(const uint8_t* data, size_t size) {
  const std::string path = blsim::FuzzScratchDir::instance().write("data-idx.gz", data, size);
  const std::vector<uint32_t> header = idx_header(path);
  const bool labels = !header.empty() && (header[0] & 0xff) == 1;
  try {
    if (labels) {
      const std::vector<int64_t> dims = expected_dims(header, 1);
      const std::vector<int> got = blsim::read_idx_labels(path, dims[0], kClasses);
      if (static_cast<int64_t>(got.size()) != dims[0]) std::abort();
      for (int label : got) {
        if (label < 0 || label >= kClasses) std::abort();
      }
    } else {
      const std::vector<int64_t> dims = expected_dims(header, 3);
      const blsim::IdxImages got = blsim::read_idx_images(path, dims[0], dims[1], dims[2]);
      // Any byte is a valid pixel; the count is what a truncated or padded file gets wrong.
      if (static_cast<int64_t>(got.pixels.size()) != dims[0] * dims[1] * dims[2]) std::abort();
    }
  } catch (const blsim::UserError& e) {
    blsim::require_one_line(e);
  }
}

// The cache header: 8 magic bytes, then net hash, data hash, samples, classes, body hash.
void check_score_cache(const uint8_t* data, size_t size) {
  uint64_t hashes[2] = {0, 0};
  if (size >= 24) std::memcpy(hashes, data + 8, sizeof hashes);
  const std::string path = blsim::FuzzScratchDir::instance().write("scores.bin", data, size);
  blsim::ClassScores got;
  std::string why;
  try {
    switch (blsim::lookup_cached_scores(path, hashes[0], hashes[1], &got, &why)) {
      case blsim::CacheLookup::kHit:
        // What was accepted is exactly the body after the 48-byte header.
        if (got.classes == 0 || got.probs.size() * sizeof(float) + 48 != size) std::abort();
        break;
      case blsim::CacheLookup::kDamaged:
        if (why.empty()) std::abort();
        break;
      case blsim::CacheLookup::kMiss:
        break;
    }
  } catch (const blsim::UserError& e) {
    blsim::require_one_line(e);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  check_idx(data, size);
  check_score_cache(data, size);
  return 0;
}
