// SPDX-License-Identifier: MIT
// `blsim inspect` and `blsim infer` end to end: the binary's output (costs for the declared or a
// given input shape), the files it writes and its exit statuses (0 ok, 1 outputs differ from
// --expect, 2 bad input naming the option, input or node).
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "workloads/graph_builder.h"
#include "workloads/tensor_io.h"

namespace blsim {
namespace {

namespace fs = std::filesystem;

struct Result {
  int status;
  std::string output;  // stdout and stderr
};

Result blsim(const std::string& args) {
  const std::string command = std::string(BLSIM_BINARY) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  Result r{-1, ""};
  if (pipe == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.output.append(buf, n);
  const int raw = pclose(pipe);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

class GraphCli : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("blsim_cli_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    net_ = (dir_ / "lenet.onnx").string();
    lenet5_builder(3).save(net_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::string net_;
};

TEST_F(GraphCli, InspectPrintsTheCostTableAndWritesCsv) {
  const std::string csv = (dir_ / "layers.csv").string();
  const Result r = blsim("inspect --net " + net_ + " --csv " + csv);
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("input   input  float32 [N,1,28,28]"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("total: 13 layers, 416520 MACs"), std::string::npos) << r.output;
  std::ifstream in(csv);
  std::string header, first;
  std::getline(in, header);
  std::getline(in, first);
  EXPECT_EQ(header,
            "index,layer,op,kind,output_shape,macs,flops,param_bytes,input_bytes,output_bytes");
  EXPECT_EQ(first, "0,conv1,Conv,conv,1x6x28x28,117600,239904,624,3136,18816");
}

TEST_F(GraphCli, InferWritesOutputsAndComparesThem) {
  const std::string input = (dir_ / "x.pb").string();
  write_tensor_file(input, Tensor({2, 1, 28, 28}), "input");
  const std::string out = (dir_ / "out").string();
  const Result r = blsim("infer --net " + net_ + " --input " + input + " --output-dir " + out);
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("output output  float32 [2,10]"), std::string::npos) << r.output;
  const std::string written = out + "/output_0.pb";
  EXPECT_EQ(shape_text(read_tensor_file(written).shape()), "[2,10]");
  // Its own output matches; the input tensor as "expected output" does not (exit status 1).
  EXPECT_EQ(blsim("infer --net " + net_ + " --input " + input + " --expect " + written).status, 0);
  const Result differs = blsim("infer --net " + net_ + " --input " + input + " --expect " + input);
  EXPECT_EQ(differs.status, 1) << differs.output;
  EXPECT_NE(differs.output.find("DIFFERS"), std::string::npos) << differs.output;
}

TEST_F(GraphCli, InspectCostsAGivenInputShape) {
  // Conv 3x3 (1 -> 4, bias, no padding) + Relu declared for 28x28, costed at 32x32:
  // 4 x 30 x 30 outputs of 9 MACs = 32,400 MACs (24,336 at the declared 28x28).
  GraphBuilder b;
  b.input("x", {-1, 1, 28, 28}).output("y", {-1, 4, 26, 26});
  b.initializer("w", Tensor({4, 1, 3, 3})).initializer("b", Tensor({4}));
  b.node("Conv", {"x", "w", "b"}, {"c"}, {}, "conv").node("Relu", {"c"}, {"y"}, {}, "relu");
  const std::string net = (dir_ / "conv.onnx").string();
  b.save(net);
  const Result declared = blsim("inspect --net " + net);
  ASSERT_EQ(declared.status, 0) << declared.output;
  EXPECT_NE(declared.output.find("costed  x [1,1,28,28]"), std::string::npos) << declared.output;
  EXPECT_NE(declared.output.find("total: 2 layers, 24336 MACs"), std::string::npos);
  const Result at32 = blsim("inspect --net " + net + " --input-shape 8x1x32x32");
  ASSERT_EQ(at32.status, 0) << at32.output;
  EXPECT_NE(at32.output.find("costed  x [1,1,32,32]  (batch size 1)"), std::string::npos)
      << at32.output;
  // Conv: 2 x 32,400 + 3,600 bias adds; Relu: 3,600.
  EXPECT_NE(at32.output.find("total: 2 layers, 32400 MACs, 72000 FLOPs"), std::string::npos)
      << at32.output;
}

TEST_F(GraphCli, InspectRejectsBadInputShapeNamingTheOption) {
  for (const char* bad : {"1xax28x28", "1x1x28x", "1x1x0x28", "28"}) {
    const Result r = blsim("inspect --net " + net_ + " --input-shape " + bad);
    EXPECT_EQ(r.status, 2) << bad;
    EXPECT_EQ(r.output.rfind("blsim: inspect: --input-shape ", 0), 0u) << r.output;
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
  }
  // LeNet's first Gemm expects 400 features; 32x32 images give 576, and the node says so.
  const Result r = blsim("inspect --net " + net_ + " --input-shape 1x1x32x32");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("(Gemm)"), std::string::npos) << r.output;
}

TEST_F(GraphCli, InferWritesEveryOutputInTheGraphsOrderAndMatchesInputsByName) {
  // y = a - b; outputs declared as (sigmoid, relu) although the relu node comes first.
  GraphBuilder b;
  b.input("a", {1, 2}).input("b", {1, 2}).output("s", {1, 2}).output("r", {1, 2});
  b.node("Sub", {"a", "b"}, {"d"}).node("Relu", {"d"}, {"r"}).node("Sigmoid", {"d"}, {"s"});
  const std::string net = (dir_ / "two.onnx").string();
  b.save(net);
  const std::string fa = (dir_ / "a.pb").string(), fb = (dir_ / "b.pb").string();
  write_tensor_file(fa, Tensor::from_floats({1, 2}, {5, 1}), "a");
  write_tensor_file(fb, Tensor::from_floats({1, 2}, {5, 3}), "b");
  const std::string out = (dir_ / "two_out").string();
  // Given in reverse order, the tensors still reach their inputs by name: d = [0, -2].
  const Result r =
      blsim("infer --net " + net + " --input " + fb + " --input " + fa + " --output-dir " + out);
  ASSERT_EQ(r.status, 0) << r.output;
  const Tensor s0 = read_tensor_file(out + "/output_0.pb");
  const Tensor r1 = read_tensor_file(out + "/output_1.pb");
  ASSERT_EQ(shape_text(s0.shape()), "[1,2]");
  EXPECT_NEAR(s0.floats()[0], 0.5f, 1e-7f);
  EXPECT_NEAR(s0.floats()[1], 1 / (1 + std::exp(2.0f)), 1e-7f);
  EXPECT_EQ(r1.float_values(), (std::vector<float>{0, 0}));
}

TEST_F(GraphCli, InferRejectsWrongInputCountTypeAndShapeNamingTheInput) {
  const std::string input = (dir_ / "x.pb").string();
  write_tensor_file(input, Tensor({1, 1, 28, 28}), "input");
  const Result count = blsim("infer --net " + net_ + " --input " + input + " --input " + input);
  EXPECT_EQ(count.status, 2);
  EXPECT_NE(count.output.find("takes 1 input (input), 2 --input files given"), std::string::npos)
      << count.output;
  const std::string ints = (dir_ / "ints.pb").string();
  write_tensor_file(ints, Tensor({1, 1, 28, 28}, DataType::kInt64), "input");
  const Result type = blsim("infer --net " + net_ + " --input " + ints);
  EXPECT_EQ(type.status, 2);
  EXPECT_NE(type.output.find("input input (" + ints + ") must be float32 [?,1,28,28]"),
            std::string::npos)
      << type.output;
  EXPECT_NE(type.output.find("got int64 [1,1,28,28]"), std::string::npos) << type.output;
}

TEST_F(GraphCli, BadInputIsOneLineAndStatusTwo) {
  const Result missing = blsim("inspect --net " + (dir_ / "none.onnx").string());
  EXPECT_EQ(missing.status, 2);
  EXPECT_EQ(missing.output,
            "blsim: " + (dir_ / "none.onnx").string() + ": cannot open ONNX model\n");
  const std::string input = (dir_ / "x.pb").string();
  write_tensor_file(input, Tensor({1, 1, 27, 28}), "input");
  const Result shape = blsim("infer --net " + net_ + " --input " + input);
  EXPECT_EQ(shape.status, 2);
  EXPECT_NE(shape.output.find("input input (" + input + ") must be float32 [?,1,28,28]"),
            std::string::npos)
      << shape.output;
  EXPECT_EQ(std::count(shape.output.begin(), shape.output.end(), '\n'), 1) << shape.output;
}

}  // namespace
}  // namespace blsim
