// SPDX-License-Identifier: MIT
// Graph loading, checking and execution: hand-computed networks, bit-identical results across
// runs and batch sizes, save/load round trips, and one-line errors naming file and node.
#include <gtest/gtest.h>

#include <cstring>
#include <functional>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "tests/workloads/ops_test_util.h"
#include "common/user_error.h"

namespace blsim {
namespace {

namespace fs = std::filesystem;

// Deterministic pseudo-images in [0, 1).
Tensor images(int64_t batch, uint32_t seed) {
  std::vector<float> v(static_cast<size_t>(batch * 28 * 28));
  uint32_t s = seed;
  for (float& x : v) {
    s = s * 1664525u + 1013904223u;
    x = static_cast<float>(s >> 8) / static_cast<float>(1u << 24);
  }
  return floats({batch, 1, 28, 28}, v);
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const UserError& e) {
    return e.what();
  }
  return "(no UserError)";
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Graph, HandComputedTwoNodeNetwork) {
  GraphBuilder b;
  b.input("x", {1, 1, 2, 2}).output("y", {1, 1, 1, 1});
  b.initializer("w", floats({1, 1, 2, 2}, {1, -1, 2, -2})).initializer("b", floats({1}, {-1}));
  b.node("Conv", {"x", "w", "b"}, {"c"}).node("Relu", {"c"}, {"y"});
  const Graph g = b.build();
  // 1*1 - 1*2 + 2*3 - 2*4 - 1 = -4 -> relu 0; with x = 4,3,2,1: 4 - 3 + 4 - 2 - 1 = 2.
  expect_tensor(g.run(floats({1, 1, 2, 2}, {1, 2, 3, 4})), {1, 1, 1, 1}, {0});
  expect_tensor(g.run(floats({1, 1, 2, 2}, {4, 3, 2, 1})), {1, 1, 1, 1}, {2});
}

TEST(Graph, LeNetOutputsProbabilities) {
  const Graph g = lenet5_builder(7).build();
  const Tensor y = g.run(images(3, 1));
  ASSERT_EQ(shape_text(y.shape()), "[3,10]");
  for (int r = 0; r < 3; ++r) {
    float sum = 0;
    for (int c = 0; c < 10; ++c) {
      EXPECT_GT(y.floats()[r * 10 + c], 0.0f);
      sum += y.floats()[r * 10 + c];
    }
    EXPECT_NEAR(sum, 1.0f, 1e-5f);
  }
}

TEST(Graph, SampleResultsDoNotDependOnTheBatch) {
  const Graph g = lenet5_builder(3).build();
  const int64_t batch = 7;
  const Tensor x = images(batch, 42);
  const Tensor together = g.run(x);
  for (int64_t i = 0; i < batch; ++i) {
    const Tensor one = floats({1, 1, 28, 28},
                              std::vector<float>(x.floats() + i * 784, x.floats() + (i + 1) * 784));
    const Tensor alone = g.run(one);
    EXPECT_EQ(0, std::memcmp(alone.floats(), together.floats() + i * 10, 10 * sizeof(float)))
        << "sample " << i;
  }
}

TEST(Graph, RunsAreBitIdentical) {
  const Graph g = lenet5_builder(5).build();
  const Tensor x = images(4, 9);
  EXPECT_EQ(g.run(x).float_values(), g.run(x).float_values());
}

TEST(Graph, SaveThenLoadGivesTheSameNetwork) {
  const fs::path dir =
      fs::temp_directory_path() / ("blsim_graph_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "lenet.onnx").string();
  const GraphBuilder b = lenet5_builder(11);
  b.save(path);
  const Graph loaded = Graph::load(path);
  EXPECT_EQ(loaded.origin(), path);
  EXPECT_EQ(loaded.info().opset, 13);
  ASSERT_EQ(loaded.inputs().size(), 1u);
  EXPECT_EQ(shape_text(loaded.inputs()[0].shape), "[?,1,28,28]");
  const Tensor x = images(2, 3);
  EXPECT_EQ(loaded.run(x).float_values(), b.build().run(x).float_values());
  fs::remove_all(dir);
}

TEST(Graph, UnsupportedOperatorIsNamed) {
  GraphBuilder b;
  b.input("x", {1}).output("y", {1}).node("Frobnicate", {"x"}, {"y"}, {}, "f1");
  const std::string what = message_of([&] { b.build("m.onnx"); });
  EXPECT_TRUE(contains(what, "m.onnx: node f1 (Frobnicate): operator Frobnicate is not supported"))
      << what;
}

TEST(Graph, UndefinedInputAndDuplicateOutputAreRejected) {
  GraphBuilder b1;
  b1.input("x", {1}).output("y", {1}).node("Relu", {"nope"}, {"y"}, {}, "r");
  EXPECT_TRUE(contains(message_of([&] { b1.build("m.onnx"); }), "input nope is neither"));
  GraphBuilder b2;
  b2.input("x", {1}).output("y", {1}).node("Relu", {"x"}, {"y"}).node("Relu", {"x"}, {"y"});
  EXPECT_TRUE(contains(message_of([&] { b2.build("m.onnx"); }), "output y is already defined"));
  GraphBuilder b3;
  b3.input("x", {1}).output("z", {1}).node("Relu", {"x"}, {"y"});
  EXPECT_TRUE(contains(message_of([&] { b3.build("m.onnx"); }), "output z is not produced"));
}

TEST(Graph, ForeignDomainIsRejected) {
  GraphBuilder b;
  b.input("x", {1}).output("y", {1}).node("Relu", {"x"}, {"y"});
  onnx::ModelProto m = b.model();
  m.mutable_graph()->mutable_node(0)->set_domain("com.example");
  EXPECT_TRUE(contains(message_of([&] { Graph::from_model(m, "m.onnx"); }), "domain"));
}

TEST(Graph, BadShapesFailAtLoadNotAtRun) {
  GraphBuilder b;
  b.input("x", {1, 3}).output("y", {1, 2});
  b.initializer("w", Tensor({2, 4}))
      .node("Gemm", {"x", "w"}, {"y"}, {{"transB", int_attr(1)}}, "fc");
  EXPECT_TRUE(contains(message_of([&] { b.build("m.onnx"); }), "m.onnx: node fc (Gemm): A [1,3]"));
}

TEST(Graph, RunChecksInputsButAllowsAnotherBatch) {
  const Graph g = lenet5_builder(1).build("lenet");
  EXPECT_EQ(g.run(images(5, 1)).dim(0), 5);
  const std::string what = message_of([&] { g.run(Tensor({1, 1, 27, 28})); });
  EXPECT_TRUE(contains(what, "lenet: input input must be float32 [?,1,28,28]")) << what;
  EXPECT_TRUE(contains(what, "got float32 [1,1,27,28]")) << what;
  EXPECT_TRUE(contains(message_of([&] { g.run(std::vector<Tensor>{}); }), "takes 1 inputs, got 0"));
}

TEST(Graph, LoadReportsMissingAndMalformedFiles) {
  EXPECT_TRUE(contains(message_of([] { Graph::load("/nonexistent/x.onnx"); }),
                       "/nonexistent/x.onnx: cannot open"));
  const fs::path bad =
      fs::temp_directory_path() / ("blsim_bad_" + std::to_string(::getpid()) + ".onnx");
  std::ofstream(bad) << "this is not a protobuf";
  EXPECT_TRUE(contains(message_of([&] { Graph::load(bad.string()); }), "not an ONNX model"));
  fs::remove(bad);
}

TEST(Graph, ConstantNodesFoldIntoReshape) {
  GraphBuilder b;
  b.input("x", {-1, 2, 3}).output("y", {-1, 6});
  b.node("Constant", {}, {"s"}, {{"value", tensor_attr(Tensor::from_ints({2}, {-1, 6}))}});
  b.node("Reshape", {"x", "s"}, {"y"});
  const Graph g = b.build();
  EXPECT_EQ(g.cost().layers.at(1).output_shape, (std::vector<int64_t>{1, 6}));
  EXPECT_EQ(shape_text(g.run(Tensor({4, 2, 3})).shape()), "[4,6]");
}

}  // namespace
}  // namespace blsim
