// SPDX-License-Identifier: MIT
#include "workloads/train/augment.h"

namespace blsim {

void shift_image(const float* src, float* dst, int64_t channels, int64_t height, int64_t width,
                 int64_t dx, int64_t dy) {
  for (int64_t c = 0; c < channels; ++c) {
    for (int64_t y = 0; y < height; ++y) {
      const int64_t sy = y - dy;
      for (int64_t x = 0; x < width; ++x) {
        const int64_t sx = x - dx;
        dst[(c * height + y) * width + x] =
            (sy >= 0 && sy < height && sx >= 0 && sx < width) ? src[(c * height + sy) * width + sx]
                                                              : 0.0f;
      }
    }
  }
}

}  // namespace blsim
