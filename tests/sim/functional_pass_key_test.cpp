// SPDX-License-Identifier: MIT
// The score cache's dataset key (hash_dataset): equal data give equal keys, and any change to a
// pixel, a label, the name or the shape gives another, so a cached pass is never reused for other
// data.
#include <gtest/gtest.h>

#include <cmath>

#include "sim/functional_pass.h"

namespace blsim {
namespace {

Dataset small_dataset() {
  Dataset d;
  d.name = "mnist";
  d.images.assign(3 * 28 * 28, 0.25f);
  d.labels = {1, 7, 3};
  return d;
}

TEST(DatasetKey, ChangesWithEveryPixelLabelNameAndShape) {
  const Dataset base = small_dataset();
  EXPECT_EQ(hash_dataset(base), hash_dataset(small_dataset()));
  for (size_t i : {size_t{0}, size_t{1000}, base.images.size() - 1}) {
    Dataset d = small_dataset();
    d.images[i] = std::nextafter(d.images[i], 1.0f);  // one ulp
    EXPECT_NE(hash_dataset(d), hash_dataset(base)) << "pixel " << i;
  }
  Dataset label = small_dataset();
  label.labels[2] = 4;
  EXPECT_NE(hash_dataset(label), hash_dataset(base));
  Dataset name = small_dataset();
  name.name = "fashion";
  EXPECT_NE(hash_dataset(name), hash_dataset(base));
  Dataset shape = small_dataset();  // the same bytes as 3 images of 14 x 56
  shape.height = 14;
  shape.width = 56;
  EXPECT_NE(hash_dataset(shape), hash_dataset(base));
  Dataset classes = small_dataset();
  classes.classes = 12;
  EXPECT_NE(hash_dataset(classes), hash_dataset(base));
}

}  // namespace
}  // namespace blsim
