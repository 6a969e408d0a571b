// SPDX-License-Identifier: MIT
#include "workloads/ops/node.h"

#include "common/user_error.h"

namespace blsim {
namespace {

const char* kind_name(Attribute::Kind kind) {
  switch (kind) {
    case Attribute::Kind::kInt:
      return "an int";
    case Attribute::Kind::kFloat:
      return "a float";
    case Attribute::Kind::kString:
      return "a string";
    case Attribute::Kind::kInts:
      return "a list of ints";
    case Attribute::Kind::kFloats:
      return "a list of floats";
    case Attribute::Kind::kTensor:
      return "a tensor";
    case Attribute::Kind::kOther:
      break;
  }
  return "an unsupported attribute type";
}

// Looks the attribute up and checks its kind; nullptr when absent.
const Attribute* typed(const Node& node, const std::string& attr, Attribute::Kind kind) {
  const auto it = node.attributes.find(attr);
  if (it == node.attributes.end()) return nullptr;
  if (it->second.kind != kind) {
    node.fail("attribute " + attr + " is " + kind_name(it->second.kind) + ", expected " +
              kind_name(kind));
  }
  return &it->second;
}

}  // namespace

void Node::fail(const std::string& what) const {
  throw UserError(origin + ": node " + name + " (" + op_type + "): " + what);
}

int64_t Node::attr_int(const std::string& attr, int64_t default_value) const {
  const Attribute* a = typed(*this, attr, Attribute::Kind::kInt);
  return a != nullptr ? a->i : default_value;
}

float Node::attr_float(const std::string& attr, float default_value) const {
  const Attribute* a = typed(*this, attr, Attribute::Kind::kFloat);
  return a != nullptr ? a->f : default_value;
}

std::string Node::attr_string(const std::string& attr, const std::string& default_value) const {
  const Attribute* a = typed(*this, attr, Attribute::Kind::kString);
  return a != nullptr ? a->s : default_value;
}

std::vector<int64_t> Node::attr_ints(const std::string& attr,
                                     const std::vector<int64_t>& default_value) const {
  const Attribute* a = typed(*this, attr, Attribute::Kind::kInts);
  return a != nullptr ? a->ints : default_value;
}

const Tensor& Node::attr_tensor(const std::string& attr) const {
  const Attribute* a = typed(*this, attr, Attribute::Kind::kTensor);
  if (a == nullptr) fail("attribute " + attr + " is missing");
  return a->t;
}

size_t Node::input_count() const {
  size_t n = inputs.size();
  while (n > 0 && inputs[n - 1].empty()) --n;
  return n;
}

}  // namespace blsim
