// SPDX-License-Identifier: MIT
// ONNX export of trained networks: the model is standard (opset 13, IR 7, named input with a
// symbolic batch, Softmax output, producer blsim), re-importing it through the inference engine
// reproduces the trainer's own probabilities, and the same seed gives the same bytes.
#include <gtest/gtest.h>

#include <cmath>

#include "workloads/datasets/rng.h"
#include "workloads/graph.h"
#include "workloads/train/architectures.h"
#include "workloads/train/graph_evaluation.h"
#include "workloads/train/onnx_export.h"
#include "workloads/train/trainer.h"
#include "common/user_error.h"

namespace blsim {
namespace {

std::vector<float> random_images(size_t count, uint64_t seed) {
  SplitMix64 rng(seed);
  std::vector<float> v(count * 28 * 28);
  for (float& x : v) x = static_cast<float>(rng.uniform01());
  return v;
}

// A small labelled set whose class is the brightest of ten 28-pixel bands (learnable quickly).
Dataset band_dataset(size_t count, uint64_t seed) {
  SplitMix64 rng(seed);
  Dataset d;
  d.name = "bands";
  d.images.assign(count * 784, 0.0f);
  for (size_t i = 0; i < count; ++i) {
    const int label = static_cast<int>(rng.below(10));
    d.labels.push_back(label);
    for (int p = 0; p < 784; ++p) {
      d.images[i * 784 + static_cast<size_t>(p)] =
          static_cast<float>(0.3 * rng.uniform01() + (p / 28 % 10 == label ? 0.7 : 0.0));
    }
  }
  return d;
}

std::string serialized(Network& net) {
  std::string bytes;
  EXPECT_TRUE(network_to_onnx(net, "doc").SerializeToString(&bytes));
  return bytes;
}

TEST(TrainOnnxExport, ModelIsStandardOnnx) {
  Network net = build_architecture("cnn-medium", 1, 28, 28, 10, 7);
  const onnx::ModelProto m = network_to_onnx(net, "recipe");
  EXPECT_EQ(m.ir_version(), 7);
  ASSERT_EQ(m.opset_import_size(), 1);
  EXPECT_EQ(m.opset_import(0).domain(), "");
  EXPECT_EQ(m.opset_import(0).version(), 13);
  EXPECT_EQ(m.producer_name(), "blsim");
  EXPECT_EQ(m.doc_string(), "recipe");
  const onnx::GraphProto& g = m.graph();
  ASSERT_EQ(g.input_size(), 1);
  EXPECT_EQ(g.input(0).name(), "input");
  const auto& dims = g.input(0).type().tensor_type().shape().dim();
  ASSERT_EQ(dims.size(), 4);
  EXPECT_EQ(dims[0].dim_param(), "N");
  EXPECT_EQ(dims[1].dim_value(), 1);
  EXPECT_EQ(dims[3].dim_value(), 28);
  ASSERT_EQ(g.output_size(), 1);
  EXPECT_EQ(g.output(0).name(), "output");
  EXPECT_EQ(g.node(g.node_size() - 1).op_type(), "Softmax");
  EXPECT_EQ(g.node(g.node_size() - 1).output(0), "output");
  // conv1, conv2, fc1, fc2: weight and bias each.
  EXPECT_EQ(g.initializer_size(), 8);
  EXPECT_EQ(g.initializer(0).name(), "conv1.weight");
  EXPECT_EQ(g.initializer(0).raw_data().size(), 16u * 1 * 3 * 3 * 4);
}

TEST(TrainOnnxExport, EngineReproducesTrainerOutputsForEveryArchitecture) {
  const std::vector<float> images = random_images(5, 11);
  std::vector<ArchInfo> all = architectures();
  all.push_back({"mlp-128", "generic one-hidden-layer MLP"});
  all.push_back({"mlp-24-12", "generic two-hidden-layer MLP"});
  for (const ArchInfo& arch : all) {
    Network net = build_architecture(arch.name, 1, 28, 28, 10, 3);
    // Non-zero biases so the bias path is exercised too.
    SplitMix64 rng(5);
    for (Param* p : net.params()) {
      if (!p->decays) {
        for (float& b : p->value) b = static_cast<float>(rng.uniform(-0.1, 0.1));
      }
    }
    const std::vector<float> expected = net.predict(images.data(), 5);
    const Graph graph = Graph::from_model(network_to_onnx(net, ""), arch.name);
    const Tensor out = graph.run(Tensor::from_floats({5, 1, 28, 28}, images));
    ASSERT_EQ(out.shape(), (Shape{5, 10})) << arch.name;
    for (size_t i = 0; i < expected.size(); ++i) {
      EXPECT_NEAR(out.floats()[i], expected[i], 1e-5) << arch.name << " value " << i;
    }
    EXPECT_EQ(graph.cost().total_macs(), net.macs()) << arch.name;
  }
}

TEST(TrainOnnxExport, GenericMlpNamesGiveThoseWidthsAndOthersAreRefused) {
  const Network net = build_architecture("mlp-128", 1, 28, 28, 10, 1);
  EXPECT_EQ(net.macs(), 784u * 128 + 128 * 10);
  const Network deep = build_architecture("mlp-24-12", 1, 28, 28, 10, 1);
  EXPECT_EQ(deep.macs(), 784u * 24 + 24 * 12 + 12 * 10);
  for (const char* bad : {"mlp-", "mlp-0", "mlp-12x", "mlp-12-", "mlp--12", "mlp-1234567", "mlp"}) {
    EXPECT_THROW(build_architecture(bad, 1, 28, 28, 10, 1), UserError) << bad;
  }
}

TEST(TrainOnnxExport, SameSeedSameBytesOtherSeedOtherBytes) {
  const Dataset train = band_dataset(96, 1), val = band_dataset(32, 2);
  TrainOptions o;
  o.epochs = 1;
  o.batch_size = 16;
  o.max_shift_px = 1;
  const auto trained = [&](uint64_t seed) {
    o.seed = seed;
    Network net = build_architecture("lenet5", 1, 28, 28, 10, seed);
    train_network(net, train, val, o);
    return serialized(net);
  };
  const std::string a = trained(1);
  EXPECT_EQ(a, trained(1));
  EXPECT_NE(a, trained(2));
}

TEST(TrainOnnxExport, EvaluationAppliesSoftmaxOnlyWhenTheGraphLacksOne) {
  Network net = build_architecture("mlp-tiny", 1, 28, 28, 10, 9);
  const Dataset data = band_dataset(20, 3);
  onnx::ModelProto with = network_to_onnx(net, "");
  onnx::ModelProto without = with;
  // Drop the Softmax: the last Gemm now writes the logits straight to "output".
  onnx::GraphProto* g = without.mutable_graph();
  g->mutable_node()->RemoveLast();
  g->mutable_node(g->node_size() - 1)->set_output(0, "output");
  const Graph probs_graph = Graph::from_model(with, "with");
  const Graph logits_graph = Graph::from_model(without, "without");
  EXPECT_TRUE(output_is_softmax(probs_graph));
  EXPECT_FALSE(output_is_softmax(logits_graph));
  const Evaluation a = evaluate_graph(probs_graph, data, 7);  // 7: a ragged last batch
  const Evaluation b = evaluate_graph(logits_graph, data, 256);
  ASSERT_EQ(a.probabilities.size(), 200u);
  ASSERT_EQ(b.probabilities.size(), 200u);
  for (size_t i = 0; i < 200; ++i) EXPECT_NEAR(a.probabilities[i], b.probabilities[i], 1e-6);
  EXPECT_EQ(a.predictions, b.predictions);
  EXPECT_EQ(a.correct, b.correct);
  const std::vector<float> own = net.predict(data.images.data(), data.size());
  for (size_t i = 0; i < 200; ++i) EXPECT_NEAR(a.probabilities[i], own[i], 1e-5);
}

TEST(TrainOnnxExport, EvaluationRejectsANetworkForOtherImages) {
  Network net = build_architecture("mlp-tiny", 1, 14, 14, 10, 9);
  const Graph graph = Graph::from_model(network_to_onnx(net, ""), "small.onnx");
  try {
    evaluate_graph(graph, band_dataset(4, 1));
    FAIL() << "a 14x14 network took 28x28 images";
  } catch (const UserError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("small.onnx: input input [?,1,14,14] does not take", 0),
              0u) << e.what();
  }
}

}  // namespace
}  // namespace blsim
