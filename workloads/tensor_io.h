// SPDX-License-Identifier: MIT
// Tensors to and from ONNX TensorProto: initializers inside models and the standalone .pb files
// of the ONNX backend tests and of `blsim infer`. float32 and int64 are kept as they are; int32
// widens to int64 and double narrows to float32. Assumes a little-endian host (raw_data order).
#pragma once

#include <string>

#include <onnx/onnx_pb.h>  // defines ONNX_API, then includes onnx-ml.pb.h (ONNX_ML=1)

#include "workloads/tensor.h"

namespace blsim {

// `origin` names the file (and initializer) in the UserError thrown for unsupported types,
// external data or a value count that does not match the dimensions.
Tensor tensor_from_proto(const onnx::TensorProto& proto, const std::string& origin);

// Values go to raw_data, as exporters write them.
onnx::TensorProto tensor_to_proto(const Tensor& tensor, const std::string& name);

// "float32", "uint8", ... for a TensorProto::DataType value (messages).
const char* proto_type_name(int type);

// A serialized TensorProto file. *name (when given) receives the proto's name field.
Tensor read_tensor_file(const std::string& path, std::string* name = nullptr);
void write_tensor_file(const std::string& path, const Tensor& tensor, const std::string& name);

}  // namespace blsim
