// SPDX-License-Identifier: MIT
// blsim inspect: loads and checks an ONNX network and prints its per-layer cost table (MACs,
// FLOPs, parameter and activation bytes at batch size 1), optionally also as CSV, for the declared
// input shape or one given with --input-shape. This is the table the SoC model prices, so what it
// shows is exactly what a run charges.
#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <string>
#include <vector>

#include "common/csv_writer.h"
#include "sim/command_line.h"
#include "sim/commands.h"
#include "workloads/graph.h"
#include "common/user_error.h"

namespace blsim {
namespace {

// "1x1x28x28" -> {1,1,28,28}: positive integers separated by 'x'.
Shape parse_input_shape(const std::string& text) {
  const auto bad = [&text](const std::string& why) {
    return UserError("inspect: --input-shape \"" + text + "\" " + why +
                     " (expected dimensions like 1x1x28x28)");
  };
  Shape shape;
  size_t start = 0;
  while (true) {
    const size_t end = std::min(text.find('x', start), text.size());
    const std::string part = text.substr(start, end - start);
    if (part.empty() || part.find_first_not_of("0123456789") != std::string::npos) {
      throw bad("has a dimension \"" + part + "\" that is not a positive integer");
    }
    if (part.size() > 12) throw bad("has a dimension that is too large");
    const int64_t d = std::stoll(part);
    if (d < 1) throw bad("has a dimension < 1");
    shape.push_back(d);
    if (end == text.size()) break;
    start = end + 1;
  }
  return shape;
}

std::string dims_text(const std::vector<int64_t>& shape, const char* sep) {
  std::string s;
  for (size_t i = 0; i < shape.size(); ++i) {
    s += (i > 0 ? sep : "") + (shape[i] < 0 ? std::string("N") : std::to_string(shape[i]));
  }
  return s;
}

std::string value_text(const GraphValue& v) {
  return v.name + "  " + data_type_name(v.type) + " [" + dims_text(v.shape, ",") + "]";
}

void write_csv(const std::string& path, const NetworkCost& cost) {
  CsvWriter csv(path, {"index", "layer", "op", "kind", "output_shape", "macs", "flops",
                       "param_bytes", "input_bytes", "output_bytes"});
  for (size_t i = 0; i < cost.layers.size(); ++i) {
    const LayerCost& l = cost.layers[i];
    csv << static_cast<uint64_t>(i) << l.name << l.op_type << op_kind_name(l.kind)
        << dims_text(l.output_shape, "x") << l.macs << l.flops << l.param_bytes << l.input_bytes
        << l.output_bytes;
    csv.end_row();
  }
  csv.commit();
}

void print_table(const NetworkCost& cost) {
  size_t name_w = 5, op_w = 2, shape_w = 12;
  for (const auto& l : cost.layers) {
    name_w = std::max(name_w, l.name.size());
    op_w = std::max(op_w, l.op_type.size());
    shape_w = std::max(shape_w, dims_text(l.output_shape, ",").size() + 2);
  }
  const int nw = static_cast<int>(name_w), ow = static_cast<int>(op_w),
            sw = static_cast<int>(shape_w);
  std::printf("%3s  %-*s  %-*s  %-9s  %-*s  %12s  %12s  %11s  %10s  %10s\n", "#", nw, "layer", ow,
              "op", "kind", sw, "output", "MACs", "FLOPs", "param_B", "in_B", "out_B");
  uint64_t in_bytes = 0, out_bytes = 0;
  for (size_t i = 0; i < cost.layers.size(); ++i) {
    const LayerCost& l = cost.layers[i];
    const std::string shape = "[" + dims_text(l.output_shape, ",") + "]";
    std::printf("%3zu  %-*s  %-*s  %-9s  %-*s  %12" PRIu64 "  %12" PRIu64 "  %11" PRIu64
                "  %10" PRIu64 "  %10" PRIu64 "\n",
                i, nw, l.name.c_str(), ow, l.op_type.c_str(), op_kind_name(l.kind), sw,
                shape.c_str(), l.macs, l.flops, l.param_bytes, l.input_bytes, l.output_bytes);
    in_bytes += l.input_bytes;
    out_bytes += l.output_bytes;
  }
  std::printf("total: %zu layers, %" PRIu64 " MACs, %" PRIu64 " FLOPs, %" PRIu64
              " parameter bytes, %" PRIu64 " activation bytes read, %" PRIu64 " written\n",
              cost.layers.size(), cost.total_macs(), cost.total_flops(), cost.total_param_bytes(),
              in_bytes, out_bytes);
}

}  // namespace

int cmd_inspect(const Args& args) {
  CommandLine cl("inspect",
                 "print the per-layer cost table (MACs, FLOPs, bytes at batch size 1) of an ONNX "
                 "network",
                 "blsim inspect --net mnist-big.onnx --input-shape 1x1x28x28 --csv layers.csv");
  // clang-format off
  cl.options().add_options()
      ("net", po::value<std::string>()->required(), "ONNX model file")
      ("input-shape", po::value<std::string>(),
       "cost the network for this input shape, e.g. 1x1x32x32 (one-input networks; the batch "
       "dimension is read as 1); default: the declared shape with open dimensions read as 1")
      ("csv", po::value<std::string>(), "also write the table to this CSV file");
  // clang-format on
  if (!cl.parse(args)) return 0;
  const Graph graph = Graph::load(cl.get<std::string>("net"));
  if (cl.has("csv")) check_output_file(cl.get<std::string>("csv"));  // before the costing
  std::vector<Shape> cost_shapes = graph.cost_input_shapes();
  if (cl.has("input-shape")) {
    const std::string text = cl.get<std::string>("input-shape");
    const Shape shape = parse_input_shape(text);
    if (graph.inputs().size() != 1) {
      throw UserError("inspect: --input-shape needs a one-input network, " + graph.origin() +
                      " has " + std::to_string(graph.inputs().size()) + " inputs");
    }
    const GraphValue& in = graph.inputs()[0];
    if (shape.size() != in.shape.size()) {
      throw UserError("inspect: --input-shape " + text + " has " + std::to_string(shape.size()) +
                      " dimensions, input " + in.name + " of " + graph.origin() + " has " +
                      std::to_string(in.shape.size()) + " ([" + dims_text(in.shape, ",") + "])");
    }
    cost_shapes = {shape};
    cost_shapes[0][0] = 1;
  }
  const NetworkCost cost = cl.has("input-shape") ? graph.cost(cost_shapes[0]) : graph.cost();
  const ModelInfo& info = graph.info();
  std::printf("model   %s  (IR %" PRId64 ", opset %" PRId64 "%s%s)\n", graph.origin().c_str(),
              info.ir_version, info.opset, info.producer.empty() ? "" : ", producer ",
              info.producer.c_str());
  for (const auto& v : graph.inputs()) std::printf("input   %s\n", value_text(v).c_str());
  for (const auto& v : graph.outputs()) std::printf("output  %s\n", value_text(v).c_str());
  for (size_t i = 0; i < cost_shapes.size(); ++i) {
    std::printf("costed  %s [%s]  (batch size 1)\n", graph.inputs()[i].name.c_str(),
                dims_text(cost_shapes[i], ",").c_str());
  }
  std::printf("\n");
  print_table(cost);
  if (cl.has("csv")) {
    write_csv(cl.get<std::string>("csv"), cost);
    std::printf("wrote %s\n", cl.get<std::string>("csv").c_str());
  }
  return 0;
}

}  // namespace blsim
