// SPDX-License-Identifier: MIT
#include "workloads/layer_cost.h"

#include "common/checked_math.h"

namespace blsim {

const char* op_kind_name(OpKind kind) {
  switch (kind) {
    case OpKind::kConv: return "conv";
    case OpKind::kDepthwise: return "depthwise";
    case OpKind::kGemm: return "gemm";
    case OpKind::kPool: return "pool";
    case OpKind::kEltwise: return "eltwise";
    case OpKind::kSoftmax: return "softmax";
    case OpKind::kDataMove: return "datamove";
    case OpKind::kFree: return "free";
  }
  return "unknown";
}

uint64_t NetworkCost::total_macs() const {
  uint64_t sum = 0;
  for (const auto& l : layers) sum = checked_add(sum, l.macs, "total MACs");
  return sum;
}

uint64_t NetworkCost::total_flops() const {
  uint64_t sum = 0;
  for (const auto& l : layers) sum = checked_add(sum, l.flops, "total FLOPs");
  return sum;
}

uint64_t NetworkCost::total_param_bytes() const {
  uint64_t sum = 0;
  for (const auto& l : layers) sum = checked_add(sum, l.param_bytes, "total parameter bytes");
  return sum;
}

}  // namespace blsim
