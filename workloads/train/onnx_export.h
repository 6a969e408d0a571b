// SPDX-License-Identifier: MIT
// Writes a trained Network as a standard ONNX model (opset 13, IR version 7): input "input"
// [N, C, H, W] with a symbolic batch dimension, one node per layer, weights as float32
// initializers (little-endian raw_data), and a final Softmax producing "output" (probabilities).
#pragma once

#include <string>

#include <onnx/onnx_pb.h>

#include "workloads/train/network.h"

namespace blsim {

constexpr int64_t kOnnxOpset = 13;
constexpr int64_t kOnnxIrVersion = 7;

// doc_string goes into the model (e.g. the training command) and must itself be deterministic.
onnx::ModelProto network_to_onnx(Network& net, const std::string& doc_string);

// Serialises network_to_onnx() to `path` atomically; throws UserError when it cannot be written.
void write_onnx(Network& net, const std::string& path, const std::string& doc_string);

}  // namespace blsim
