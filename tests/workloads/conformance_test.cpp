// SPDX-License-Identifier: MIT
// Operator semantics against the ONNX backend test vectors (Debian libonnx-testdata). Every case
// whose operators the engine implements and whose values are float32 (or int64 shapes/indices;
// double too in the PyTorch exports) must reproduce its output_*.pb within |got - want| <=
// atol + rtol * |want|; every other case is printed by name with the reason it was skipped.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <onnx/onnx_pb.h>

#include "workloads/graph.h"
#include "workloads/tensor_io.h"
#include "common/user_error.h"

namespace blsim {
namespace {

namespace fs = std::filesystem;

const char* kTestDataRoot = "/usr/share/libonnx-testdata/data";

struct Tolerance {
  double rtol, atol;
};
// Tighter than the backend tests' own default (rtol 1e-3, atol 1e-7) in relative terms.
constexpr Tolerance kTolerance{1e-4, 1e-5};

// One folder of cases.
struct Suite {
  const char* group;
  bool double_data;  // the PyTorch exports declare double, which the engine reads as float32
};
constexpr Suite kNode{"node", false};
constexpr Suite kPytorchConverted{"pytorch-converted", true};
constexpr Suite kPytorchOperator{"pytorch-operator", true};

// Cases that pass the operator and type screen yet use a feature the engine deliberately lacks;
// each must still be rejected with a UserError, so a stale entry is noticed.
const std::map<std::string, std::string>& deliberate_rejections() {
  static const std::map<std::string, std::string> list = {
      {"pytorch-operator/test_operator_non_float_params", "int64 arithmetic (Add of int64)"},
  };
  return list;
}

onnx::ModelProto read_model(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  onnx::ModelProto model;
  if (!model.ParseFromString(bytes.str())) model.Clear();
  return model;
}

// Why a graph value is outside the engine's data types, or "" when it is float32 or int64
// (or double, when allowed).
std::string value_type_problem(const onnx::ValueInfoProto& v, const char* role, bool double_data) {
  const onnx::TypeProto& t = v.type();
  if (t.has_sequence_type()) return std::string("sequence-typed ") + role + " " + v.name();
  if (t.has_optional_type()) return std::string("optional-typed ") + role + " " + v.name();
  if (!t.has_tensor_type()) return std::string("non-tensor ") + role + " " + v.name();
  const int type = t.tensor_type().elem_type();
  if (type == onnx::TensorProto::FLOAT || type == onnx::TensorProto::INT64) return "";
  if (double_data && type == onnx::TensorProto::DOUBLE) return "";
  return std::string(proto_type_name(type)) + " data (" + role + " " + v.name() + ")";
}

// "" when the case is in scope: only implemented operators, only float32 (or int64) values.
std::string skip_reason(const onnx::ModelProto& model, bool double_data = false) {
  if (model.graph().node_size() == 0) return "model has no nodes (or does not parse)";
  const auto supported = supported_ops();
  const std::set<std::string> ops(supported.begin(), supported.end());
  std::set<std::string> missing;
  for (const auto& n : model.graph().node()) {
    if (!n.domain().empty() && n.domain() != "ai.onnx") {
      missing.insert(n.domain() + "." + n.op_type());
    } else if (ops.count(n.op_type()) == 0) {
      missing.insert(n.op_type());
    }
  }
  if (!missing.empty()) {
    std::string list;
    for (const auto& op : missing) list += (list.empty() ? "" : ", ") + op;
    return "operator not supported: " + list;
  }
  for (const auto& v : model.graph().input()) {
    const std::string why = value_type_problem(v, "input", double_data);
    if (!why.empty()) return why;
  }
  for (const auto& v : model.graph().output()) {
    const std::string why = value_type_problem(v, "output", double_data);
    if (!why.empty()) return why;
  }
  return "";
}

// How far outside the tolerance the worst element is: max |got - want| / (atol + rtol |want|).
struct Comparison {
  std::string mismatch;  // empty when within tolerance
  double worst_ratio = 0;
  double worst_abs = 0;
};

Comparison compare(const Tensor& got, const Tensor& want, Tolerance tol) {
  Comparison c;
  if (got.type() != want.type()) {
    c.mismatch =
        std::string("type ") + data_type_name(got.type()) + " vs " + data_type_name(want.type());
    return c;
  }
  if (got.shape() != want.shape()) {
    c.mismatch = "shape " + shape_text(got.shape()) + " vs " + shape_text(want.shape());
    return c;
  }
  if (got.type() == DataType::kInt64) {
    if (got.int_values() != want.int_values()) c.mismatch = "int64 values differ";
    return c;
  }
  int64_t worst = -1;
  for (int64_t i = 0; i < got.size(); ++i) {
    const double g = got.floats()[i];
    const double w = want.floats()[i];
    // Equal values (including infinities of one sign) and NaN pairs match, as in numpy allclose.
    if (g == w || (std::isnan(g) && std::isnan(w))) continue;
    const double diff = std::fabs(g - w);
    const double ratio = std::isnan(diff) ? INFINITY : diff / (tol.atol + tol.rtol * std::fabs(w));
    c.worst_abs = std::max(c.worst_abs, diff);
    if (ratio > c.worst_ratio || worst < 0) {
      c.worst_ratio = ratio;
      worst = i;
    }
  }
  if (worst >= 0 && c.worst_ratio > 1.0) {
    char buf[192];
    std::snprintf(buf, sizeof buf, "element %lld: %.9g vs %.9g (%.2fx the tolerance)",
                  static_cast<long long>(worst), got.floats()[worst], want.floats()[worst],
                  c.worst_ratio);
    c.mismatch = buf;
  }
  return c;
}

std::vector<fs::path> data_sets(const fs::path& dir) {
  std::vector<fs::path> sets;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_directory() && entry.path().filename().string().rfind("test_data_set_", 0) == 0) {
      sets.push_back(entry.path());
    }
  }
  std::sort(sets.begin(), sets.end());
  return sets;
}

// Runs every data set of one case; "" on success, else the first failure.
std::string run_case(const fs::path& dir, Tolerance tol) {
  const Graph graph = Graph::load((dir / "model.onnx").string());
  const auto sets = data_sets(dir);
  if (sets.empty()) return "no test_data_set_*";
  for (const fs::path& set : sets) {
    std::vector<Tensor> inputs;
    for (size_t i = 0; i < graph.inputs().size(); ++i) {
      inputs.push_back(read_tensor_file((set / ("input_" + std::to_string(i) + ".pb")).string()));
    }
    const std::vector<Tensor> outputs = graph.run(inputs);
    for (size_t i = 0; i < outputs.size(); ++i) {
      const fs::path want = set / ("output_" + std::to_string(i) + ".pb");
      const Comparison c = compare(outputs[i], read_tensor_file(want.string()), tol);
      if (!c.mismatch.empty())
        return set.filename().string() + " output " + std::to_string(i) + ": " + c.mismatch;
    }
  }
  return "";
}

struct GroupResult {
  int cases = 0, ran = 0, passed = 0;
  std::vector<std::pair<std::string, std::string>> skipped;  // case id, reason
};

// Walks one folder of the test data: screens, runs and compares every case, reporting each
// failure through gtest and printing the counts and every skipped case with its reason.
GroupResult check_group(const Suite& suite) {
  const std::string group = suite.group;
  const Tolerance tol = kTolerance;
  GroupResult r;
  const fs::path root = fs::path(kTestDataRoot) / group;
  if (!fs::is_directory(root)) return r;
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory()) dirs.push_back(entry.path());
  }
  std::sort(dirs.begin(), dirs.end());
  for (const fs::path& dir : dirs) {
    const std::string id = group + "/" + dir.filename().string();
    ++r.cases;
    const fs::path model_file = dir / "model.onnx";
    std::string why = fs::is_regular_file(model_file)
                          ? skip_reason(read_model(model_file), suite.double_data)
                          : "no model.onnx";
    const auto rejection = deliberate_rejections().find(id);
    if (why.empty() && rejection != deliberate_rejections().end()) {
      why = rejection->second;
      try {
        run_case(dir, tol);
        ADD_FAILURE() << id << ": ran although listed as rejected (" << why << ")";
      } catch (const UserError&) {
      }
    }
    if (!why.empty()) {
      r.skipped.emplace_back(id, why);
      continue;
    }
    ++r.ran;
    std::string failure;
    try {
      failure = run_case(dir, tol);
    } catch (const UserError& e) {
      failure = std::string("UserError: ") + e.what();
    }
    if (failure.empty()) {
      ++r.passed;
    } else {
      ADD_FAILURE() << id << ": " << failure;
    }
  }
  std::printf("[ conformance ] %s (rtol %g, atol %g): %d cases, %d ran, %d passed, %zu skipped\n",
              group.c_str(), tol.rtol, tol.atol, r.cases, r.ran, r.passed, r.skipped.size());
  for (const auto& [id, why] : r.skipped)
    std::printf("  skipped %s: %s\n", id.c_str(), why.c_str());
  std::fflush(stdout);
  return r;
}

TEST(Conformance, TestDataIsInstalled) {
  ASSERT_TRUE(fs::is_directory(fs::path(kTestDataRoot) / "node"))
      << kTestDataRoot << " is missing: install the Debian package libonnx-testdata";
}

TEST(Conformance, NodeTests) {
  const GroupResult r = check_group(kNode);
  EXPECT_EQ(r.passed, r.ran);
  EXPECT_EQ(r.ran + static_cast<int>(r.skipped.size()), r.cases);
  EXPECT_GE(r.ran, 144);  // guards against in-scope cases silently turning into skips
}

TEST(Conformance, PytorchConvertedTests) {
  const GroupResult r = check_group(kPytorchConverted);
  EXPECT_EQ(r.passed, r.ran);
  EXPECT_GE(r.ran, 59);
}

TEST(Conformance, PytorchOperatorTests) {
  const GroupResult r = check_group(kPytorchOperator);
  EXPECT_EQ(r.passed, r.ran);
  EXPECT_GE(r.ran, 14);
}

TEST(Conformance, ToleranceIsAtolPlusRtolTimesExpected) {
  const Tensor want = Tensor::from_floats({2}, {100.0f, 0.0f});
  // At 100 the bound is 1e-5 + 1e-2; at 0 it is atol alone.
  EXPECT_TRUE(
      compare(Tensor::from_floats({2}, {100.0099f, 9e-6f}), want, kTolerance).mismatch.empty());
  EXPECT_FALSE(
      compare(Tensor::from_floats({2}, {100.0102f, 0.0f}), want, kTolerance).mismatch.empty());
  EXPECT_FALSE(
      compare(Tensor::from_floats({2}, {100.0f, 1.1e-5f}), want, kTolerance).mismatch.empty());
}

TEST(Conformance, ScreenNamesTheUnsupportedOperatorAndType) {
  onnx::ModelProto model;
  auto* node = model.mutable_graph()->add_node();
  node->set_op_type("Abs");
  EXPECT_EQ(skip_reason(model), "operator not supported: Abs");
  node->set_op_type("Relu");
  auto* in = model.mutable_graph()->add_input();
  in->set_name("x");
  in->mutable_type()->mutable_tensor_type()->set_elem_type(onnx::TensorProto::UINT8);
  EXPECT_EQ(skip_reason(model), "uint8 data (input x)");
  in->mutable_type()->mutable_tensor_type()->set_elem_type(onnx::TensorProto::FLOAT);
  EXPECT_EQ(skip_reason(model), "");
}

}  // namespace
}  // namespace blsim
