// SPDX-License-Identifier: MIT
// blsim infer: runs an ONNX network on TensorProto (.pb) inputs, prints a summary of each output,
// writes them as output_<i>.pb files in the graph's output order, and optionally compares them
// with expected .pb files: |got - want| <= atol + rtol * |want| (exit status 1 when one differs).
// Element types are checked after the engine's conversions (double reads as float32, int32 as
// int64).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

#include "sim/command_line.h"
#include "sim/commands.h"
#include "common/output_set.h"
#include "workloads/graph.h"
#include "workloads/tensor_io.h"
#include "common/user_error.h"

namespace blsim {
namespace {

using Strings = std::vector<std::string>;

// Inputs match the graph's by TensorProto name when every name matches, else by position. Each
// is checked against its declaration here, so a message names both the input and the file.
std::vector<Tensor> read_inputs(const Graph& graph, const Strings& files) {
  const auto& decl = graph.inputs();
  if (files.size() != decl.size()) {
    std::string names;
    for (const GraphValue& v : decl) names += (names.empty() ? "" : ", ") + v.name;
    throw UserError("infer: " + graph.origin() + " takes " + std::to_string(decl.size()) +
                    " input" + (decl.size() == 1 ? "" : "s") + " (" + names + "), " +
                    std::to_string(files.size()) + " --input file" +
                    (files.size() == 1 ? "" : "s") + " given");
  }
  std::vector<Tensor> tensors(files.size());
  std::vector<std::string> names(files.size());
  for (size_t i = 0; i < files.size(); ++i) tensors[i] = read_tensor_file(files[i], &names[i]);
  std::vector<size_t> file_of(decl.size());
  for (size_t i = 0; i < decl.size(); ++i) {
    const auto it = std::find(names.begin(), names.end(), decl[i].name);
    if (it == names.end()) {
      std::iota(file_of.begin(), file_of.end(), size_t{0});
      break;
    }
    file_of[i] = static_cast<size_t>(it - names.begin());
  }
  std::vector<Tensor> ordered(decl.size());
  for (size_t i = 0; i < decl.size(); ++i) {
    Tensor& t = tensors[file_of[i]];
    const Shape& got = t.shape();
    const Shape& want = decl[i].shape;
    bool fits = t.type() == decl[i].type && got.size() == want.size();
    for (size_t d = 1; fits && d < got.size(); ++d) fits = want[d] < 0 || want[d] == got[d];
    if (!fits) {
      throw UserError("infer: input " + decl[i].name + " (" + files[file_of[i]] + ") must be " +
                      data_type_name(decl[i].type) + " " + shape_text(want) +
                      " (any batch size), got " + data_type_name(t.type()) + " " + shape_text(got));
    }
    ordered[i] = std::move(t);
  }
  return ordered;
}

void print_output(const GraphValue& decl, const Tensor& t) {
  std::printf("output %s  %s %s\n", decl.name.c_str(), data_type_name(t.type()),
              shape_text(t.shape()).c_str());
  if (t.type() == DataType::kFloat32 && t.rank() == 2 && t.dim(1) > 0) {
    // A [batch, classes] score matrix: the class each row picks is what matters.
    const int64_t rows = std::min<int64_t>(t.dim(0), 10);
    for (int64_t r = 0; r < rows; ++r) {
      const float* row = t.floats() + r * t.dim(1);
      const int64_t best = std::max_element(row, row + t.dim(1)) - row;
      std::printf("  row %lld: argmax %lld (%.6g)\n", static_cast<long long>(r),
                  static_cast<long long>(best), row[best]);
    }
    if (t.dim(0) > rows)
      std::printf("  ... %lld more rows\n", static_cast<long long>(t.dim(0) - rows));
    return;
  }
  const int64_t n = std::min<int64_t>(t.size(), 8);
  std::printf("  values:");
  for (int64_t i = 0; i < n; ++i) {
    if (t.type() == DataType::kFloat32) {
      std::printf(" %.6g", t.floats()[i]);
    } else {
      std::printf(" %lld", static_cast<long long>(t.ints()[i]));
    }
  }
  std::printf("%s\n", t.size() > n ? " ..." : "");
}

// Empty when `got` matches `want`, else why not.
std::string mismatch(const Tensor& got, const Tensor& want, double rtol, double atol,
                     double* max_abs) {
  *max_abs = 0;
  if (got.type() != want.type() || got.shape() != want.shape()) {
    return std::string("expected ") + data_type_name(want.type()) + " " + shape_text(want.shape()) +
           ", got " + data_type_name(got.type()) + " " + shape_text(got.shape());
  }
  std::string first;
  for (int64_t i = 0; i < got.size(); ++i) {
    const double g = got.type() == DataType::kFloat32 ? got.floats()[i] : got.ints()[i];
    const double w = want.type() == DataType::kFloat32 ? want.floats()[i] : want.ints()[i];
    if (g == w || (std::isnan(g) && std::isnan(w))) continue;
    const double diff = std::fabs(g - w);
    *max_abs = std::max(*max_abs, diff);
    if (first.empty() && !(diff <= atol + rtol * std::fabs(w))) {
      char buf[128];
      std::snprintf(buf, sizeof buf, "element %lld is %.9g, expected %.9g",
                    static_cast<long long>(i), g, w);
      first = buf;
    }
  }
  return first;
}

}  // namespace

int cmd_infer(const Args& args) {
  CommandLine cl("infer",
                 "run an ONNX network on TensorProto inputs, print and write its outputs, and "
                 "optionally compare them with expected ones",
                 "blsim infer --net model.onnx --input input_0.pb --output-dir out/ "
                 "--expect output_0.pb");
  // clang-format off
  cl.options().add_options()
      ("net", po::value<std::string>()->required(), "ONNX model file")
      ("input", po::value<Strings>()->composing()->required(),
       "TensorProto file of one graph input; repeat in the graph's input order (or name each "
       "tensor after its input)")
      ("output-dir", po::value<std::string>(),
       "write output_0.pb, output_1.pb, ... (in the graph's output order) into this folder")
      ("expect", po::value<Strings>()->composing(),
       "expected TensorProto of output i (repeat in output order); exit status 1 if one differs")
      ("rtol", po::value<double>()->default_value(1e-3), "relative tolerance of --expect")
      ("atol", po::value<double>()->default_value(1e-7), "absolute tolerance of --expect");
  // clang-format on
  if (!cl.parse(args)) return 0;
  const Graph graph = Graph::load(cl.get<std::string>("net"));
  // One output_<i>.pb per graph output, all or none, checked before the run.
  Strings names;
  for (size_t i = 0; i < graph.outputs().size(); ++i) {
    names.push_back("output_" + std::to_string(i) + ".pb");
  }
  std::unique_ptr<OutputSet> files;
  if (cl.has("output-dir")) {
    files = std::make_unique<OutputSet>(cl.get<std::string>("output-dir"), names);
  }
  const std::vector<Tensor> outputs = graph.run(read_inputs(graph, cl.get<Strings>("input")));
  for (size_t i = 0; i < outputs.size(); ++i) print_output(graph.outputs()[i], outputs[i]);

  if (files) {
    for (size_t i = 0; i < outputs.size(); ++i) {
      write_tensor_file(files->path(names[i]), outputs[i], graph.outputs()[i].name);
    }
    files->commit();
    for (const std::string& name : names) std::printf("wrote %s\n", files->final_path(name).c_str());
  }
  if (!cl.has("expect")) return 0;
  const Strings expected = cl.get<Strings>("expect");
  if (expected.size() > outputs.size()) {
    throw UserError("infer: " + std::to_string(expected.size()) + " --expect files for " +
                    std::to_string(outputs.size()) + " outputs");
  }
  const double rtol = cl.get<double>("rtol");
  const double atol = cl.get<double>("atol");
  if (!(rtol >= 0) || !(atol >= 0)) throw UserError("infer: --rtol and --atol must be >= 0");
  bool all_match = true;
  for (size_t i = 0; i < expected.size(); ++i) {
    double max_abs = 0;
    const std::string why =
        mismatch(outputs[i], read_tensor_file(expected[i]), rtol, atol, &max_abs);
    std::printf("output %s vs %s: %s (max abs diff %.3g)\n", graph.outputs()[i].name.c_str(),
                expected[i].c_str(), why.empty() ? "match" : ("DIFFERS: " + why).c_str(), max_abs);
    all_match = all_match && why.empty();
  }
  return all_match ? 0 : 1;
}

}  // namespace blsim
