// SPDX-License-Identifier: MIT
#include "workloads/tensor.h"

#include <stdexcept>

#include "common/checked_math.h"

namespace blsim {

const char* data_type_name(DataType type) {
  switch (type) {
    case DataType::kFloat32:
      return "float32";
    case DataType::kInt64:
      return "int64";
  }
  return "unknown";
}

int64_t element_count(const Shape& shape) { return checked_product(shape, "tensor shape"); }

std::string shape_text(const Shape& shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i > 0) s += ",";
    s += shape[i] < 0 ? std::string("?") : std::to_string(shape[i]);
  }
  return s + "]";
}

namespace {

void check_shape(const Shape& shape) {
  for (int64_t d : shape) {
    if (d < 0) throw std::invalid_argument("tensor shape " + shape_text(shape) + " is negative");
  }
}

}  // namespace

Tensor::Tensor(Shape shape, DataType type) : shape_(std::move(shape)), type_(type) {
  check_shape(shape_);
  const auto n = static_cast<size_t>(element_count(shape_));
  if (type_ == DataType::kFloat32) {
    floats_.assign(n, 0.0f);
  } else {
    ints_.assign(n, 0);
  }
}

namespace {

template <typename T>
void check_value_count(const Shape& shape, const std::vector<T>& values) {
  if (static_cast<int64_t>(values.size()) != element_count(shape)) {
    throw std::invalid_argument("tensor of shape " + shape_text(shape) + " given " +
                                std::to_string(values.size()) + " values");
  }
}

}  // namespace

Tensor Tensor::from_floats(Shape shape, std::vector<float> values) {
  check_shape(shape);
  check_value_count(shape, values);
  Tensor t;
  t.shape_ = std::move(shape);
  t.type_ = DataType::kFloat32;
  t.floats_ = std::move(values);
  return t;
}

Tensor Tensor::from_ints(Shape shape, std::vector<int64_t> values) {
  check_shape(shape);
  check_value_count(shape, values);
  Tensor t;
  t.shape_ = std::move(shape);
  t.type_ = DataType::kInt64;
  t.ints_ = std::move(values);
  return t;
}

uint64_t Tensor::bytes() const {
  const uint64_t elem = type_ == DataType::kFloat32 ? sizeof(float) : sizeof(int64_t);
  return static_cast<uint64_t>(size()) * elem;
}

float* Tensor::floats() {
  if (type_ != DataType::kFloat32) throw std::logic_error("float access to an int64 tensor");
  return floats_.data();
}

const float* Tensor::floats() const {
  if (type_ != DataType::kFloat32) throw std::logic_error("float access to an int64 tensor");
  return floats_.data();
}

int64_t* Tensor::ints() {
  if (type_ != DataType::kInt64) throw std::logic_error("int64 access to a float32 tensor");
  return ints_.data();
}

const int64_t* Tensor::ints() const {
  if (type_ != DataType::kInt64) throw std::logic_error("int64 access to a float32 tensor");
  return ints_.data();
}

const std::vector<float>& Tensor::float_values() const {
  if (type_ != DataType::kFloat32) throw std::logic_error("float access to an int64 tensor");
  return floats_;
}

const std::vector<int64_t>& Tensor::int_values() const {
  if (type_ != DataType::kInt64) throw std::logic_error("int64 access to a float32 tensor");
  return ints_;
}

Tensor Tensor::reshaped(Shape shape) const {
  Tensor t = *this;
  t.reshape(std::move(shape));
  return t;
}

void Tensor::reshape(Shape shape) {
  check_shape(shape);
  if (element_count(shape) != size()) {
    throw std::invalid_argument("cannot reshape " + shape_text(shape_) + " to " +
                                shape_text(shape));
  }
  shape_ = std::move(shape);
}

}  // namespace blsim
