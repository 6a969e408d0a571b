// SPDX-License-Identifier: MIT
// One operator instance of a graph as the kernels see it: op type, value names, attributes and
// the opset the model was written against (operator semantics change between opsets).
// Attribute getters check the type and report a bad model through fail(), naming file and node.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "workloads/tensor.h"

namespace blsim {

struct Attribute {
  enum class Kind { kInt, kFloat, kString, kInts, kFloats, kTensor, kOther };
  Kind kind = Kind::kOther;
  int64_t i = 0;
  float f = 0;
  std::string s;
  std::vector<int64_t> ints;
  std::vector<float> floats;
  Tensor t;
};

struct Node {
  std::string name;     // unique within the graph ("<op>_<index>" when the model gives none)
  std::string op_type;  // e.g. "Conv"
  std::vector<std::string> inputs;   // "" marks an omitted optional input
  std::vector<std::string> outputs;  // "" marks an unused optional output
  std::map<std::string, Attribute> attributes;
  int64_t opset = 0;   // version of the default ONNX domain the model imports
  std::string origin;  // the model file, for messages

  // Throws UserError "<origin>: node <name> (<op_type>): <what>".
  [[noreturn]] void fail(const std::string& what) const;

  bool has(const std::string& attr) const { return attributes.count(attr) != 0; }
  int64_t attr_int(const std::string& attr, int64_t default_value) const;
  float attr_float(const std::string& attr, float default_value) const;
  std::string attr_string(const std::string& attr, const std::string& default_value) const;
  std::vector<int64_t> attr_ints(const std::string& attr,
                                 const std::vector<int64_t>& default_value = {}) const;
  const Tensor& attr_tensor(const std::string& attr) const;  // required

  // Number of inputs that are given (trailing omitted optionals do not count).
  size_t input_count() const;
  bool has_input(size_t index) const { return index < inputs.size() && !inputs[index].empty(); }
};

}  // namespace blsim
