// SPDX-License-Identifier: MIT
#include "workloads/tensor_io.h"

#include <cstring>

#include "common/atomic_file.h"
#include "common/regular_file.h"
#include "common/user_error.h"

namespace blsim {
namespace {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "TensorProto raw_data is little-endian; this host is not");

// Copies `count` little-endian values of type From out of raw bytes, converting to To.
template <typename From, typename To>
std::vector<To> from_raw(const std::string& raw, size_t count, const std::string& where) {
  // Divided, not multiplied: count * sizeof(From) can wrap around for a hostile dims field.
  if (raw.size() % sizeof(From) != 0 || raw.size() / sizeof(From) != count) {
    throw UserError(where + ": raw_data holds " + std::to_string(raw.size()) + " bytes, " +
                    std::to_string(count) + " values of " + std::to_string(sizeof(From)) +
                    " bytes expected");
  }
  std::vector<To> out(count);
  for (size_t i = 0; i < count; ++i) {
    From v;
    std::memcpy(&v, raw.data() + i * sizeof(From), sizeof(From));
    out[i] = static_cast<To>(v);
  }
  return out;
}

template <typename To, typename Field>
std::vector<To> from_field(const Field& field, size_t count, const std::string& where) {
  if (static_cast<size_t>(field.size()) != count) {
    throw UserError(where + ": holds " + std::to_string(field.size()) + " values, its dims need " +
                    std::to_string(count));
  }
  return std::vector<To>(field.begin(), field.end());
}

}  // namespace

const char* proto_type_name(int type) {
  switch (type) {
    case onnx::TensorProto::FLOAT:
      return "float32";
    case onnx::TensorProto::UINT8:
      return "uint8";
    case onnx::TensorProto::INT8:
      return "int8";
    case onnx::TensorProto::UINT16:
      return "uint16";
    case onnx::TensorProto::INT16:
      return "int16";
    case onnx::TensorProto::INT32:
      return "int32";
    case onnx::TensorProto::INT64:
      return "int64";
    case onnx::TensorProto::STRING:
      return "string";
    case onnx::TensorProto::BOOL:
      return "bool";
    case onnx::TensorProto::FLOAT16:
      return "float16";
    case onnx::TensorProto::DOUBLE:
      return "double";
    case onnx::TensorProto::UINT32:
      return "uint32";
    case onnx::TensorProto::UINT64:
      return "uint64";
    case onnx::TensorProto::BFLOAT16:
      return "bfloat16";
    case onnx::TensorProto::UNDEFINED:
      return "undefined";
    default:
      return "unknown";
  }
}

Tensor tensor_from_proto(const onnx::TensorProto& proto, const std::string& origin) {
  const std::string where =
      origin + (proto.name().empty() ? "" : ": tensor \"" + proto.name() + "\"");
  if (proto.data_location() == onnx::TensorProto::EXTERNAL || proto.external_data_size() > 0) {
    throw UserError(where +
                    ": external tensor data is not supported (save the model with the "
                    "weights inside)");
  }
  if (proto.has_segment()) throw UserError(where + ": segmented tensors are not supported");
  Shape shape;
  int64_t elements = 1;
  for (int64_t d : proto.dims()) {
    if (d < 0) throw UserError(where + ": negative dimension " + std::to_string(d));
    if (__builtin_mul_overflow(elements, d, &elements)) {
      throw UserError(where + ": dimensions " +
                      shape_text(Shape(proto.dims().begin(), proto.dims().end())) + " overflow");
    }
    shape.push_back(d);
  }
  const auto count = static_cast<size_t>(elements);
  const bool raw = proto.has_raw_data();
  switch (proto.data_type()) {
    case onnx::TensorProto::FLOAT:
      return Tensor::from_floats(shape, raw ? from_raw<float, float>(proto.raw_data(), count, where)
                                            : from_field<float>(proto.float_data(), count, where));
    case onnx::TensorProto::DOUBLE:
      return Tensor::from_floats(shape,
                                 raw ? from_raw<double, float>(proto.raw_data(), count, where)
                                     : from_field<float>(proto.double_data(), count, where));
    case onnx::TensorProto::INT64:
      return Tensor::from_ints(shape,
                               raw ? from_raw<int64_t, int64_t>(proto.raw_data(), count, where)
                                   : from_field<int64_t>(proto.int64_data(), count, where));
    case onnx::TensorProto::INT32:
      return Tensor::from_ints(shape,
                               raw ? from_raw<int32_t, int64_t>(proto.raw_data(), count, where)
                                   : from_field<int64_t>(proto.int32_data(), count, where));
    default:
      throw UserError(where + ": element type " + proto_type_name(proto.data_type()) +
                      " is not supported (float32, double, int32, int64 are)");
  }
}

onnx::TensorProto tensor_to_proto(const Tensor& tensor, const std::string& name) {
  onnx::TensorProto proto;
  proto.set_name(name);
  for (int64_t d : tensor.shape()) proto.add_dims(d);
  if (tensor.type() == DataType::kFloat32) {
    proto.set_data_type(onnx::TensorProto::FLOAT);
    proto.set_raw_data(std::string(reinterpret_cast<const char*>(tensor.floats()),
                                   tensor.float_values().size() * sizeof(float)));
  } else {
    proto.set_data_type(onnx::TensorProto::INT64);
    proto.set_raw_data(std::string(reinterpret_cast<const char*>(tensor.ints()),
                                   tensor.int_values().size() * sizeof(int64_t)));
  }
  return proto;
}

Tensor read_tensor_file(const std::string& path, std::string* name) {
  const std::string bytes = read_regular_file(path, "tensor file", kMaxProtobufBytes);
  onnx::TensorProto proto;
  if (!proto.ParseFromString(bytes)) {
    throw UserError(path + ": not a serialized ONNX TensorProto");
  }
  if (name != nullptr) *name = proto.name();
  return tensor_from_proto(proto, path);
}

void write_tensor_file(const std::string& path, const Tensor& tensor, const std::string& name) {
  AtomicFile file(path, /*binary=*/true);
  if (!tensor_to_proto(tensor, name).SerializeToOstream(&file.stream())) {
    throw UserError(path + ": cannot serialize tensor");
  }
  file.commit();
}

}  // namespace blsim
