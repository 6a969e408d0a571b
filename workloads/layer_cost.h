// SPDX-License-Identifier: MIT
// The contract between the DNN engine and the SoC model: what one layer (graph node) costs.
// Counts are exact for the inferred shapes at batch size 1; bytes assume float32 storage.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace blsim {

// How the hardware sees a node: it selects the per-op efficiency of a compute cluster.
enum class OpKind {
  kConv,       // dense convolution (group == 1 or grouped, not depthwise)
  kDepthwise,  // group == input channels > 1 (one input channel per output channel)
  kGemm,       // Gemm, MatMul
  kPool,       // MaxPool, AveragePool, GlobalAveragePool, GlobalMaxPool
  kEltwise,    // Add/Sub/Mul/Div, activations, Clip, BatchNormalization (per element work)
  kSoftmax,    // Softmax, LogSoftmax
  kDataMove,   // Concat, Transpose (copies data, no arithmetic)
  kFree,       // Reshape, Flatten, Identity, Dropout, Constant (no work, no bytes moved)
};

const char* op_kind_name(OpKind kind);

struct LayerCost {
  std::string name;     // ONNX node name (or "<op>_<index>" when the node has none)
  std::string op_type;  // ONNX op type, e.g. "Conv"
  OpKind kind = OpKind::kFree;
  uint64_t macs = 0;          // multiply-accumulates
  uint64_t flops = 0;         // floating-point operations (a MAC counts as 2)
  uint64_t param_bytes = 0;   // bytes of initializers (weights, biases) the node reads
  uint64_t input_bytes = 0;   // bytes of activations read (non-initializer inputs)
  uint64_t output_bytes = 0;  // bytes of activations written
  std::vector<int64_t> output_shape;  // of the first output, at batch size 1
};

struct NetworkCost {
  std::vector<LayerCost> layers;  // in execution (topological) order

  uint64_t total_macs() const;
  uint64_t total_flops() const;
  uint64_t total_param_bytes() const;
};

}  // namespace blsim
