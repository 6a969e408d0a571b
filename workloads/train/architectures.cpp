// SPDX-License-Identifier: MIT
#include "workloads/train/architectures.h"

#include <algorithm>
#include <memory>

#include "workloads/datasets/rng.h"
#include "workloads/train/conv_layer.h"
#include "workloads/train/dense_layer.h"
#include "workloads/train/shape_layers.h"
#include "common/user_error.h"

namespace blsim {
namespace {

// Flatten -> (Gemm -> Relu) per hidden width -> Gemm to the classes.
void build_mlp(Network& net, const std::vector<int64_t>& hidden, SplitMix64& rng) {
  net.add(std::make_unique<FlattenLayer>("flatten"));
  int64_t width = net.shapes().back()[0];
  int index = 1;
  for (const int64_t h : hidden) {
    auto fc = std::make_unique<DenseLayer>("fc" + std::to_string(index), width, h);
    fc->init(rng, true);
    net.add(std::move(fc));
    net.add(std::make_unique<ReluLayer>("relu" + std::to_string(index)));
    width = h;
    ++index;
  }
  auto out = std::make_unique<DenseLayer>("fc" + std::to_string(index), width, net.classes());
  out->init(rng, false);
  net.add(std::move(out));
}

// "mlp-128" or "mlp-256-64": the hidden widths; empty when the name is not of that form.
std::vector<int64_t> parse_mlp_widths(const std::string& name) {
  const std::string prefix = "mlp-";
  if (name.compare(0, prefix.size(), prefix) != 0) return {};
  std::vector<int64_t> widths;
  size_t pos = prefix.size();
  while (pos <= name.size()) {
    const size_t end = std::min(name.find('-', pos), name.size());
    const std::string field = name.substr(pos, end - pos);
    if (field.empty() || field.size() > 6 ||
        field.find_first_not_of("0123456789") != std::string::npos) {
      return {};
    }
    const int64_t w = std::stoll(field);
    if (w <= 0) return {};
    widths.push_back(w);
    pos = end + 1;
  }
  return widths;
}

struct ConvStage {
  int64_t channels, kernel, pad;
};

// Per stage Conv -> Relu -> MaxPool 2x2, then an MLP head.
void build_cnn(Network& net, const std::vector<ConvStage>& stages,
               const std::vector<int64_t>& hidden, SplitMix64& rng) {
  int64_t channels = net.input_shape()[0];
  int index = 1;
  for (const ConvStage& s : stages) {
    const std::string k = std::to_string(index);
    auto conv = std::make_unique<ConvLayer>("conv" + k, channels, s.channels, s.kernel, 1, s.pad);
    conv->init(rng);
    net.add(std::move(conv));
    net.add(std::make_unique<ReluLayer>("conv" + k + "_relu"));
    net.add(std::make_unique<MaxPoolLayer>("pool" + k, 2, 2));
    channels = s.channels;
    ++index;
  }
  build_mlp(net, hidden, rng);
}

void add_conv_relu(Network& net, const std::string& name, int64_t in, int64_t out, int64_t kernel,
                   int64_t pad, int64_t group, SplitMix64& rng) {
  auto conv = std::make_unique<ConvLayer>(name, in, out, kernel, 1, pad, group);
  conv->init(rng);
  net.add(std::move(conv));
  net.add(std::make_unique<ReluLayer>(name + "_relu"));
}

// Depthwise-separable: Conv 3x3 `first` (pad 1) -> MaxPool 2x2 -> depthwise 3x3 (pad 1) ->
// pointwise 1x1 `second` -> MaxPool 2x2, each conv followed by Relu, then an MLP head.
void build_separable(Network& net, int64_t first, int64_t second,
                     const std::vector<int64_t>& hidden, SplitMix64& rng) {
  add_conv_relu(net, "conv1", net.input_shape()[0], first, 3, 1, 1, rng);
  net.add(std::make_unique<MaxPoolLayer>("pool1", 2, 2));
  add_conv_relu(net, "conv2_dw", first, first, 3, 1, first, rng);
  add_conv_relu(net, "conv2_pw", first, second, 1, 0, 1, rng);
  net.add(std::make_unique<MaxPoolLayer>("pool2", 2, 2));
  build_mlp(net, hidden, rng);
}

}  // namespace

const std::vector<ArchInfo>& architectures() {
  static const std::vector<ArchInfo> list = {
      {"mlp-tiny", "little: 784-16-10 MLP (ReLU)"},
      {"mlp-little", "little: 784-32-10 MLP (ReLU)"},
      {"mlp-small", "little: 784-64-10 MLP (ReLU)"},
      {"cnn-tiny", "little: conv3x3 4 / conv3x3 8 (pad 1, 2x2 max pool each), FC 392-10"},
      {"cnn-dws", "little: conv3x3 8, pool, depthwise 3x3 + pointwise 1x1 16, pool, FC 784-10"},
      {"cnn-dws-wide", "little: cnn-dws with 16 and 32 channels, FC 1568-10"},
      {"lenet5", "big: LeNet-5-like CNN, conv5x5 6 / conv5x5 16, FC 120-84"},
      {"cnn-medium", "big: conv3x3 16 / conv3x3 32 (pad 1, 2x2 max pool each), FC 128"},
      {"cnn-big", "big: conv3x3 32 / conv3x3 64 (pad 1, 2x2 max pool each), FC 128"},
  };
  return list;
}

Network build_architecture(const std::string& name, int64_t channels, int64_t height,
                           int64_t width, int classes, uint64_t seed) {
  Network net(name, {channels, height, width}, classes);
  SplitMix64 rng(seed);
  if (name == "mlp-tiny") {
    build_mlp(net, {16}, rng);
  } else if (name == "mlp-little") {
    build_mlp(net, {32}, rng);
  } else if (name == "mlp-small") {
    build_mlp(net, {64}, rng);
  } else if (name == "cnn-tiny") {
    build_cnn(net, {{4, 3, 1}, {8, 3, 1}}, {}, rng);
  } else if (name == "cnn-dws") {
    build_separable(net, 8, 16, {}, rng);
  } else if (name == "cnn-dws-wide") {
    build_separable(net, 16, 32, {}, rng);
  } else if (name == "lenet5") {
    build_cnn(net, {{6, 5, 2}, {16, 5, 0}}, {120, 84}, rng);
  } else if (name == "cnn-medium") {
    build_cnn(net, {{16, 3, 1}, {32, 3, 1}}, {128}, rng);
  } else if (name == "cnn-big") {
    build_cnn(net, {{32, 3, 1}, {64, 3, 1}}, {128}, rng);
  } else if (const auto widths = parse_mlp_widths(name); !widths.empty()) {
    build_mlp(net, widths, rng);
  } else {
    std::string known;
    for (const auto& a : architectures()) known += (known.empty() ? "" : ", ") + a.name;
    known += ", or mlp-W[-W...] (hidden widths)";
    throw UserError("unknown architecture \"" + name + "\" (known: " + known + ")");
  }
  return net;
}

}  // namespace blsim
