// SPDX-License-Identifier: MIT
// The list of implemented operators: one row per ONNX op type, written out in full so that what
// the engine supports can be read in one place.
#include <algorithm>

#include "workloads/ops/activation.h"
#include "workloads/ops/batch_norm.h"
#include "workloads/ops/binary.h"
#include "workloads/ops/conv.h"
#include "workloads/ops/data_move.h"
#include "workloads/ops/gemm.h"
#include "workloads/ops/op.h"
#include "workloads/ops/pool.h"
#include "workloads/ops/reshape.h"
#include "workloads/ops/softmax.h"

namespace blsim {
namespace {

const std::vector<OpDef>& op_table() {
  static const std::vector<OpDef> table = {
      {"Conv", infer_conv, run_conv, work_conv},
      {"MaxPool", infer_pool, run_pool, work_pool},
      {"AveragePool", infer_pool, run_pool, work_pool},
      {"GlobalAveragePool", infer_global_pool, run_global_pool, work_global_pool},
      {"GlobalMaxPool", infer_global_pool, run_global_pool, work_global_pool},
      {"Gemm", infer_gemm, run_gemm, work_gemm},
      {"MatMul", infer_matmul, run_matmul, work_matmul},
      {"Add", infer_binary, run_binary, work_binary},
      {"Sub", infer_binary, run_binary, work_binary},
      {"Mul", infer_binary, run_binary, work_binary},
      {"Div", infer_binary, run_binary, work_binary},
      {"Relu", infer_activation, run_activation, work_activation},
      {"LeakyRelu", infer_activation, run_activation, work_activation},
      {"Elu", infer_activation, run_activation, work_activation},
      {"Sigmoid", infer_activation, run_activation, work_activation},
      {"Tanh", infer_activation, run_activation, work_activation},
      {"Clip", infer_activation, run_activation, work_activation},
      {"BatchNormalization", infer_batch_norm, run_batch_norm, work_batch_norm},
      {"Softmax", infer_softmax, run_softmax, work_softmax},
      {"LogSoftmax", infer_softmax, run_softmax, work_softmax},
      {"Concat", infer_concat, run_concat, work_data_move},
      {"Transpose", infer_transpose, run_transpose, work_data_move},
      {"Reshape", infer_reshape, run_relabel, work_free},
      {"Flatten", infer_flatten, run_relabel, work_free},
      {"Identity", infer_identity, run_relabel, work_free},
      {"Dropout", infer_identity, run_relabel, work_free},
      {"Constant", infer_constant, run_constant, work_free},
  };
  return table;
}

}  // namespace

const OpDef* find_op(const std::string& op_type) {
  for (const OpDef& op : op_table()) {
    if (op_type == op.op_type) return &op;
  }
  return nullptr;
}

std::vector<std::string> supported_ops() {
  std::vector<std::string> names;
  for (const OpDef& op : op_table()) names.emplace_back(op.op_type);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace blsim
