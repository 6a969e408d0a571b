// SPDX-License-Identifier: MIT
#include "sim/validation_nets.h"

#include "common/user_error.h"
#include "workloads/graph.h"
#include "workloads/graph_builder.h"

namespace blsim {
namespace {

class NetBuilder {
 public:
  NetBuilder(const std::string& input, int64_t channels, int64_t size, int64_t classes) {
    b_.input(input, {1, channels, size, size}).output("output", {1, classes});
  }

  // Conv (+ bias) then Relu; returns the Relu's output.
  std::string conv_relu(const std::string& name, const std::string& in, int64_t in_ch,
                        int64_t out_ch, int64_t kernel, int64_t stride, int64_t pad,
                        int64_t group = 1) {
    b_.initializer(name + ".w", Tensor({out_ch, in_ch / group, kernel, kernel}))
        .initializer(name + ".b", Tensor({out_ch}));
    b_.node("Conv", {in, name + ".w", name + ".b"}, {name},
            {{"kernel_shape", ints_attr({kernel, kernel})},
             {"strides", ints_attr({stride, stride})},
             {"pads", ints_attr({pad, pad, pad, pad})},
             {"group", int_attr(group)}},
            name);
    b_.node("Relu", {name}, {name + ".relu"}, {}, name + ".relu");
    return name + ".relu";
  }
  std::string max_pool_ceil(const std::string& name, const std::string& in) {
    b_.node("MaxPool", {in}, {name},
            {{"kernel_shape", ints_attr({3, 3})}, {"strides", ints_attr({2, 2})},
             {"ceil_mode", int_attr(1)}},
            name);
    return name;
  }
  GraphBuilder& raw() { return b_; }

 private:
  GraphBuilder b_;
};

NetworkCost mobilenet_v1() {
  NetBuilder n("input", 3, 224, 1000);
  std::string x = n.conv_relu("conv1", "input", 3, 32, 3, 2, 1);
  struct Block {
    int64_t out;
    int64_t stride;
  };
  const Block blocks[] = {{64, 1},  {128, 2}, {128, 1}, {256, 2}, {256, 1}, {512, 2}, {512, 1},
                          {512, 1}, {512, 1}, {512, 1}, {512, 1}, {1024, 2}, {1024, 1}};
  int64_t ch = 32;
  int i = 2;
  for (const Block& b : blocks) {
    const std::string id = std::to_string(i++);
    x = n.conv_relu("conv" + id + "_dw", x, ch, ch, 3, b.stride, 1, ch);
    x = n.conv_relu("conv" + id + "_pw", x, ch, b.out, 1, 1, 0);
    ch = b.out;
  }
  GraphBuilder& g = n.raw();
  g.node("GlobalAveragePool", {x}, {"pool"}, {}, "pool");
  g.node("Flatten", {"pool"}, {"flat"}, {}, "flatten");
  g.initializer("fc.w", Tensor({1000, 1024})).initializer("fc.b", Tensor({1000}));
  g.node("Gemm", {"flat", "fc.w", "fc.b"}, {"logits"}, {{"transB", int_attr(1)}}, "fc");
  g.node("Softmax", {"logits"}, {"output"}, {{"axis", int_attr(1)}}, "softmax");
  return g.build("mobilenet_v1").cost();
}

NetworkCost squeezenet_v1_1() {
  NetBuilder n("input", 3, 227, 1000);
  GraphBuilder& g = n.raw();
  std::string x = n.conv_relu("conv1", "input", 3, 64, 3, 2, 0);
  x = n.max_pool_ceil("pool1", x);
  int64_t ch = 64;
  auto fire = [&](int id, int64_t squeeze, int64_t expand) {
    const std::string f = "fire" + std::to_string(id);
    const std::string s = n.conv_relu(f + "_squeeze", x, ch, squeeze, 1, 1, 0);
    const std::string e1 = n.conv_relu(f + "_expand1", s, squeeze, expand, 1, 1, 0);
    const std::string e3 = n.conv_relu(f + "_expand3", s, squeeze, expand, 3, 1, 1);
    g.node("Concat", {e1, e3}, {f + "_concat"}, {{"axis", int_attr(1)}}, f + "_concat");
    x = f + "_concat";
    ch = 2 * expand;
  };
  fire(2, 16, 64);
  fire(3, 16, 64);
  x = n.max_pool_ceil("pool3", x);
  fire(4, 32, 128);
  fire(5, 32, 128);
  x = n.max_pool_ceil("pool5", x);
  fire(6, 48, 192);
  fire(7, 48, 192);
  fire(8, 64, 256);
  fire(9, 64, 256);
  x = n.conv_relu("conv10", x, ch, 1000, 1, 1, 0);
  g.node("GlobalAveragePool", {x}, {"pool10"}, {}, "pool10");
  g.node("Flatten", {"pool10"}, {"flat"}, {}, "flatten");
  g.node("Softmax", {"flat"}, {"output"}, {{"axis", int_attr(1)}}, "softmax");
  return g.build("squeezenet_v1_1").cost();
}

}  // namespace

const std::vector<std::string>& validation_net_names() {
  static const std::vector<std::string> names = {"mobilenet_v1", "squeezenet_v1_1"};
  return names;
}

NetworkCost validation_net_cost(const std::string& name) {
  if (name == "mobilenet_v1") return mobilenet_v1();
  if (name == "squeezenet_v1_1") return squeezenet_v1_1();
  throw UserError("unknown validation network \"" + name +
                  "\" (known: mobilenet_v1, squeezenet_v1_1)");
}

}  // namespace blsim
