// SPDX-License-Identifier: MIT
// Fuzzes the TensorProto reader of initializers and of `blsim infer --input` files: the bytes go
// through tensor_from_proto after parsing and through read_tensor_file from disk; both paths must
// agree, and an accepted tensor must hold exactly as many values as its shape has elements.
#include <onnx/onnx_pb.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#include "fuzz/fuzz_scratch_dir.h"
#include "workloads/tensor_io.h"
#include "common/user_error.h"
#include "fuzz/fuzz_oracles.h"

namespace {

std::optional<blsim::Tensor> from_bytes(const uint8_t* data, size_t size) {
  onnx::TensorProto proto;
  if (size > static_cast<size_t>(INT32_MAX) ||
      !proto.ParseFromArray(data, static_cast<int>(size))) {
    return std::nullopt;
  }
  try {
    return blsim::tensor_from_proto(proto, "fuzz.pb");
  } catch (const blsim::UserError& e) {
    blsim::require_one_line(e);
    return std::nullopt;
  }
}

std::optional<blsim::Tensor> from_file(const std::string& path) {
  try {
    return blsim::read_tensor_file(path);
  } catch (const blsim::UserError& e) {
    blsim::require_one_line(e);
    return std::nullopt;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::optional<blsim::Tensor> parsed = from_bytes(data, size);
  const std::string path = blsim::FuzzScratchDir::instance().write("input.pb", data, size);
  const std::optional<blsim::Tensor> read = from_file(path);
  if (parsed.has_value() != read.has_value()) std::abort();
  if (!parsed) return 0;
  if (parsed->shape() != read->shape() || parsed->type() != read->type()) std::abort();
  if (parsed->size() != blsim::element_count(parsed->shape())) std::abort();
  // Written back and read again, an accepted tensor keeps its shape, type and values.
  const onnx::TensorProto again = blsim::tensor_to_proto(*parsed, "again");
  const blsim::Tensor round = blsim::tensor_from_proto(again, "again");
  if (round.shape() != parsed->shape() || round.type() != parsed->type()) std::abort();
  // Bits, not values: NaN payloads must survive too. An empty tensor has no data pointer.
  const bool same = parsed->type() == blsim::DataType::kFloat32
                        ? parsed->size() == 0 ||
                              std::memcmp(round.floats(), parsed->floats(),
                                          parsed->float_values().size() * sizeof(float)) == 0
                        : round.int_values() == parsed->int_values();
  if (!same) std::abort();
  return 0;
}
