// SPDX-License-Identifier: MIT
// The functional-pass score cache: round trip, and every kind of mismatch is a miss, not a result.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "workloads/cascade/score_cache.h"

namespace blsim {
namespace {

TEST(ScoreCache, Fnv1aMatchesPublishedVectors) {
  EXPECT_EQ(fnv1a64("", 0), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a64("a", 1), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(fnv1a64("foobar", 6), 0x85944171f73967e8ULL);
}

TEST(ScoreCache, RoundTripAndMismatches) {
  ClassScores s;
  s.classes = 3;
  s.probs = {0.1f, 0.2f, 0.7f, 0.5f, 0.25f, 0.25f};
  const std::string path = score_cache_path(::testing::TempDir(), 1, 2);
  store_cached_scores(path, 1, 2, s);
  ClassScores back;
  ASSERT_TRUE(load_cached_scores(path, 1, 2, &back));
  EXPECT_EQ(back.classes, 3u);
  EXPECT_EQ(back.samples(), 2u);
  EXPECT_EQ(back.probs, s.probs);
  EXPECT_FALSE(load_cached_scores(path, 9, 2, &back));  // other network
  EXPECT_FALSE(load_cached_scores(path, 1, 9, &back));  // other data
  EXPECT_FALSE(load_cached_scores(path + ".absent", 1, 2, &back));
  // A truncated file is a miss.
  {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() - 3);
  }
  EXPECT_FALSE(load_cached_scores(path, 1, 2, &back));
}

}  // namespace
}  // namespace blsim
