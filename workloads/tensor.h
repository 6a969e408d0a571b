// SPDX-License-Identifier: MIT
// A dense, row-major (C order) tensor as the engine moves it between operators. Element types are
// the two an inference graph needs: float32 for activations and weights, int64 for shapes/indices.
// A tensor owns its data; copies are deep, so kernels never alias their inputs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace blsim {

enum class DataType { kFloat32, kInt64 };

const char* data_type_name(DataType type);

using Shape = std::vector<int64_t>;

// Product of the dimensions (1 for a scalar, the empty shape); CountOverflow (a UserError) when
// it does not fit int64, so a hostile shape can never wrap to a small count.
int64_t element_count(const Shape& shape);
// "[1,6,28,28]"; a negative dimension (unknown) prints as "?".
std::string shape_text(const Shape& shape);

class Tensor {
 public:
  Tensor() = default;
  // Zero-filled tensor of the given shape and type.
  explicit Tensor(Shape shape, DataType type = DataType::kFloat32);

  // Throws std::invalid_argument when the value count does not match the shape.
  static Tensor from_floats(Shape shape, std::vector<float> values);
  static Tensor from_ints(Shape shape, std::vector<int64_t> values);

  DataType type() const { return type_; }
  const Shape& shape() const { return shape_; }
  size_t rank() const { return shape_.size(); }
  int64_t dim(size_t axis) const { return shape_.at(axis); }
  int64_t size() const {
    return static_cast<int64_t>(type_ == DataType::kFloat32 ? floats_.size() : ints_.size());
  }
  uint64_t bytes() const;

  // Typed access; asking for the other element type is a programming error (std::logic_error).
  float* floats();
  const float* floats() const;
  int64_t* ints();
  const int64_t* ints() const;
  const std::vector<float>& float_values() const;
  const std::vector<int64_t>& int_values() const;

  // Same data under a new shape with the same element count (std::invalid_argument otherwise).
  Tensor reshaped(Shape shape) const;
  void reshape(Shape shape);

 private:
  Shape shape_;
  DataType type_ = DataType::kFloat32;
  std::vector<float> floats_;
  std::vector<int64_t> ints_;
};

}  // namespace blsim
