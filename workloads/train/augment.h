// SPDX-License-Identifier: MIT
// Training-time augmentation: shift an image by whole pixels, filling with zero (background).
// Small shifts keep a digit or garment recognisable while teaching translation tolerance.
#pragma once

#include <cstdint>

namespace blsim {

// dst(c, y, x) = src(c, y - dy, x - dx), zero outside; src and dst must not overlap.
void shift_image(const float* src, float* dst, int64_t channels, int64_t height, int64_t width,
                 int64_t dx, int64_t dy);

}  // namespace blsim
