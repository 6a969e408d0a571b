// SPDX-License-Identifier: MIT
// Reader for the IDX files of (Fashion-)MNIST (LeCun's format: big-endian magic 0x0000080<rank>
// for unsigned bytes, then one 32-bit big-endian size per dimension, then the bytes), gzip
// compressed or plain (zlib reads both). Every header field and the exact length are checked.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace blsim {

struct IdxImages {
  int64_t count = 0, rows = 0, cols = 0;
  std::vector<uint8_t> pixels;  // count * rows * cols raw bytes (0..255), converted on use
};

// Images (magic 0x00000803); expects `count` images of rows x cols pixels.
IdxImages read_idx_images(const std::string& path, int64_t count, int64_t rows, int64_t cols);

// Labels (magic 0x00000801); expects `count` labels, each below `classes`.
std::vector<int> read_idx_labels(const std::string& path, int64_t count, int classes);

}  // namespace blsim
