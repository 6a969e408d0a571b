// SPDX-License-Identifier: MIT
// Regression tests for issue #11 in workloads/: the one network-for-dataset check, non-finite
// weights refused at load, overflowing shapes and MAC counts refused naming the node, and a score
// cache damaged in place (same size, same header) detected by its body checksum.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include "common/user_error.h"
#include "workloads/cascade/score_cache.h"
#include "workloads/graph_builder.h"
#include "workloads/network_check.h"

namespace blsim {
namespace {

template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const UserError& e) {
    return e.what();
  }
  return "";
}

// Flatten + Gemm from [N,1,side,side] to [N,classes].
GraphBuilder linear(int64_t side, int64_t classes, float first = 0.01f) {
  std::vector<float> w(static_cast<size_t>(side * side * classes), 0.01f);
  w[0] = first;
  GraphBuilder b;
  b.input("input", {-1, 1, side, side})
      .initializer("W", Tensor::from_floats({side * side, classes}, w))
      .node("Flatten", {"input"}, {"flat"}, {{"axis", int_attr(1)}})
      .node("Gemm", {"flat", "W"}, {"output"});
  return b;
}

TEST(NetworkForDataset, AcceptsAFittingNetworkAndTheCommittedOnes) {
  const DatasetShape mnist = dataset_shape("mnist");
  EXPECT_NO_THROW(check_network_for_dataset(linear(28, 10).output("output", {-1, 10}).build("n"),
                                            "n.onnx", mnist));
  // An undeclared output shape is checked by the probe run.
  EXPECT_NO_THROW(check_network_for_dataset(linear(28, 10).output("output", {}).build("n"),
                                            "n.onnx", mnist));
  const Graph committed = Graph::load(std::string(BLSIM_SOURCE_DIR) + "/workloads/nets/mnist-little.onnx");
  EXPECT_NO_THROW(check_network_for_dataset(committed, "little", dataset_shape("fashion")));
}

TEST(NetworkForDataset, RefusesOtherClassesImagesAndArity) {
  const DatasetShape mnist = dataset_shape("mnist");
  EXPECT_EQ(error_of([&] {
              check_network_for_dataset(linear(28, 7).output("output", {}).build("x"), "seven.onnx",
                                        mnist);
            }),
            "seven.onnx: output output is float32 [1,7] for one image, expected float32 [1,10]: "
            "one score per mnist class");
  EXPECT_EQ(error_of([&] {
              check_network_for_dataset(linear(14, 10).output("output", {}).build("x"), "small.onnx",
                                        mnist);
            }),
            "small.onnx: input input [?,1,14,14] does not take mnist images [?,1,28,28] of float32");
  GraphBuilder two = linear(28, 10);
  two.node("Relu", {"output"}, {"second"}).output("output", {}).output("second", {});
  EXPECT_EQ(error_of([&] { check_network_for_dataset(two.build("x"), "two.onnx", mnist); }),
            "two.onnx: a classifier needs one input and one output, the model has 1 and 2");
  GraphBuilder ints;
  ints.input("input", {-1, 1, 28, 28}, DataType::kInt64).node("Identity", {"input"}, {"output"})
      .output("output", {}, DataType::kInt64);
  EXPECT_NE(error_of([&] { check_network_for_dataset(ints.build("x"), "int.onnx", mnist); })
                .find("int.onnx: input input [?,1,28,28] of int64 does not take"),
            std::string::npos);
}

TEST(NonFiniteWeights, RefusedAtLoadNamingTheTensor) {
  EXPECT_EQ(error_of([] { linear(28, 10, std::nanf("")).output("output", {}).build("m.onnx"); }),
            "m.onnx: initializer W: element 0 is NaN (weights must be finite)");
  EXPECT_EQ(error_of([] {
              linear(28, 10, -std::numeric_limits<float>::infinity()).output("output", {})
                  .build("m.onnx");
            }),
            "m.onnx: initializer W: element 0 is -inf (weights must be finite)");
  GraphBuilder constant;
  constant.input("x", {1, 2})
      .node("Constant", {}, {"c"},
            {{"value", tensor_attr(Tensor::from_floats({2}, {1.0f, std::numeric_limits<float>::infinity()}))}},
            "bias")
      .node("Add", {"x", "c"}, {"y"})
      .output("y", {1, 2});
  EXPECT_EQ(error_of([&] { constant.build("c.onnx"); }),
            "c.onnx: node bias: attribute value: element 1 is +inf (weights must be finite)");
}

TEST(ShapeOverflow, RefusedNamingTheNodeInsteadOfWrapping) {
  // Conv: 16 * 2^31 * 2^31 outputs = 2^66; without the check the MACs wrap to 0.
  const int64_t side = int64_t{1} << 31;
  GraphBuilder conv;
  conv.input("x", {1, 1, side, side})
      .initializer("W", Tensor::from_floats({16, 1, 3, 3}, std::vector<float>(144, 0.1f)))
      .node("Conv", {"x", "W"}, {"y"}, {{"pads", ints_attr({1, 1, 1, 1})}}, "c1")
      .output("y", {});
  EXPECT_NE(error_of([&] { conv.build("conv.onnx").cost(); })
                .find("conv.onnx: node c1 (Conv): tensor shape: the product of "
                      "[1,16,2147483648,2147483648] overflows int64"),
            std::string::npos);
  // MatMul [1,2^31,2^31] x [1,2^31,2^31]: the outputs fit, the 2^93 MACs do not (they wrapped to 0).
  GraphBuilder mm;
  mm.input("a", {1, side, side}).input("b", {1, side, side})
      .node("MatMul", {"a", "b"}, {"y"}, {}, "mm")
      .output("y", {});
  const Graph graph = mm.build("mm.onnx");
  EXPECT_EQ(error_of([&] { graph.cost(); }),
            "mm.onnx: node mm (MatMul): MACs: 4611686018427387904 * 2147483648 overflows int64");
  // Gemm with a huge declared batch-free input: bytes of the activation overflow uint64.
  GraphBuilder wide;
  wide.input("x", {1, int64_t{1} << 62})
      .initializer("W", Tensor::from_floats({1, 1}, {1.0f}))
      .node("Relu", {"x"}, {"y"}, {}, "r")
      .output("y", {});
  EXPECT_NE(error_of([&] { wide.build("wide.onnx").cost(); }).find("wide.onnx: node r (Relu): bytes of"),
            std::string::npos);
}

class DamagedCache : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = score_cache_path(::testing::TempDir() + "blsim-damaged-cache-" +
                                 ::testing::UnitTest::GetInstance()->current_test_info()->name(),
                             1, 2);
    std::filesystem::create_directories(std::filesystem::path(path_).parent_path());
    ClassScores s;
    s.classes = 2;
    s.probs = {0.9f, 0.1f, 0.2f, 0.8f};
    store_cached_scores(path_, 1, 2, s);
  }
  void TearDown() override { std::filesystem::remove_all(std::filesystem::path(path_).parent_path()); }
  std::string bytes() const {
    std::ifstream in(path_, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  void write(const std::string& b) const { std::ofstream(path_, std::ios::binary) << b; }
  std::string path_;
};

TEST_F(DamagedCache, SameSizeBodyChangeIsDetected) {
  ClassScores back;
  ASSERT_EQ(lookup_cached_scores(path_, 1, 2, &back), CacheLookup::kHit);
  std::string b = bytes();
  b[b.size() - 2] ^= 0x40;  // one bit of the last probability; size and header unchanged
  write(b);
  std::string why;
  EXPECT_EQ(lookup_cached_scores(path_, 1, 2, &back, &why), CacheLookup::kDamaged);
  EXPECT_EQ(why, "body checksum mismatch");
  EXPECT_FALSE(load_cached_scores(path_, 1, 2, &back));
}

TEST_F(DamagedCache, OldFormatIsAMissAndAFifoIsRefused) {
  std::string b = bytes();
  b[7] = '1';  // version 1 magic
  write(b);
  ClassScores back;
  EXPECT_EQ(lookup_cached_scores(path_, 1, 2, &back), CacheLookup::kMiss);
  std::filesystem::remove(path_);
  ASSERT_EQ(::mkfifo(path_.c_str(), 0600), 0);
  EXPECT_NE(error_of([&] { lookup_cached_scores(path_, 1, 2, &back); }).find("is a FIFO"),
            std::string::npos);
}

}  // namespace
}  // namespace blsim
