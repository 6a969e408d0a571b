// SPDX-License-Identifier: MIT
// The points of a sweep by hand: lists and ranges, the product's order, samples and shards.
#include <gtest/gtest.h>

#include <set>

#include "common/user_error.h"
#include "sim/sweep_grid.h"
#include "sim/sweep_table.h"

namespace blsim {
namespace {

TEST(SweepGrid, ListsAndRanges) {
  EXPECT_EQ(parse_axis("a.b=1,2,3").values, (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(parse_axis("a.b=1,2;3,4").values, (std::vector<std::string>{"1,2", "3,4"}));
  // STOP is included when it falls on the grid, even after many inexact steps.
  EXPECT_EQ(parse_axis("a.b=0:1:0.25").values,
            (std::vector<std::string>{"0", "0.25", "0.5", "0.75", "1"}));
  EXPECT_EQ(parse_axis("a.b=0:1:0.001").values.size(), 1001u);
  EXPECT_EQ(parse_axis("a.b=0:1:0.001").values.back(), "1");
  EXPECT_EQ(parse_axis("a.b=0:0.95:0.3").values, (std::vector<std::string>{"0", "0.3", "0.6", "0.9"}));
  EXPECT_EQ(parse_axis("x.y=1400:2000:200").values,
            (std::vector<std::string>{"1400", "1600", "1800", "2000"}));
  EXPECT_THROW(parse_axis("a.b=1:0:0.1"), UserError);
  EXPECT_THROW(parse_axis("a.b=0:1:0"), UserError);
  EXPECT_THROW(parse_axis("a.b=0:1"), UserError);
  EXPECT_THROW(parse_axis("a.b=1,,2"), UserError);
  EXPECT_THROW(parse_axis("=1,2"), UserError);
}

TEST(SweepGrid, TheFirstAxisVariesSlowest) {
  const SweepGrid grid({{"a", {"1", "2"}}, {"b", {"x", "y", "z"}}});
  EXPECT_EQ(grid.size(), 6u);
  EXPECT_EQ(grid.values_of(0), (std::vector<std::string>{"1", "x"}));
  EXPECT_EQ(grid.values_of(2), (std::vector<std::string>{"1", "z"}));
  EXPECT_EQ(grid.values_of(3), (std::vector<std::string>{"2", "x"}));
  EXPECT_THROW(SweepGrid({{"a", {"1"}}, {"a", {"2"}}}), UserError);
}

TEST(SweepGrid, SamplesAreDistinctReproducibleAndSorted) {
  const auto a = select_points(1000, 50, 7, 1, 1);
  EXPECT_EQ(a.size(), 50u);
  EXPECT_TRUE(std::is_sorted(a.begin(), a.end()));
  EXPECT_EQ(std::set<uint64_t>(a.begin(), a.end()).size(), 50u);
  EXPECT_EQ(select_points(1000, 50, 7, 1, 1), a);
  EXPECT_NE(select_points(1000, 50, 8, 1, 1), a);
  EXPECT_EQ(select_points(10, 0, 7, 1, 1).size(), 10u);
  EXPECT_EQ(select_points(10, 20, 7, 1, 1).size(), 10u);  // more than the grid: all of it
}

TEST(SweepGrid, ShardsPartitionThePoints) {
  std::multiset<uint64_t> seen;
  for (uint64_t k = 1; k <= 3; ++k) {
    for (const uint64_t p : select_points(100, 40, 3, k, 3)) seen.insert(p);
  }
  const auto all = select_points(100, 40, 3, 1, 1);
  EXPECT_EQ(seen, std::multiset<uint64_t>(all.begin(), all.end()));
  EXPECT_EQ(parse_shard("2/8"), (std::pair<uint64_t, uint64_t>{2, 8}));
  for (const char* bad : {"0/2", "3/2", "2", "a/b", "1/0", "-1/2", "1/2x"}) {
    EXPECT_THROW(parse_shard(bad), UserError) << bad;
  }
}

TEST(SweepTable, ObjectivesHaveAliasesAndDirections) {
  const auto o = parse_objectives("energy,accuracy,p99,energy_total_j:min,energy_reduction:max");
  ASSERT_EQ(o.size(), 5u);
  EXPECT_EQ(o[0].column, "energy_per_inference_j");
  EXPECT_FALSE(o[0].maximize);
  EXPECT_TRUE(o[1].maximize);
  EXPECT_EQ(o[2].column, "latency_p99_s");
  EXPECT_EQ(o[3].column, "energy_total_j");
  EXPECT_TRUE(o[4].maximize);
  EXPECT_THROW(parse_objectives("energy,speed"), UserError);
  EXPECT_THROW(parse_objectives("dataset:min,"), UserError);
}

}  // namespace
}  // namespace blsim
