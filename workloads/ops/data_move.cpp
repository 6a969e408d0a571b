// SPDX-License-Identifier: MIT
#include "workloads/ops/data_move.h"

#include <algorithm>
#include <cstring>

namespace blsim {
namespace {

// Raw element pointers of either type: data movement does not care what the bytes mean.
const char* bytes_of(const Tensor& t) {
  return t.type() == DataType::kFloat32 ? reinterpret_cast<const char*>(t.floats())
                                        : reinterpret_cast<const char*>(t.ints());
}

char* bytes_of(Tensor& t) {
  return t.type() == DataType::kFloat32 ? reinterpret_cast<char*>(t.floats())
                                        : reinterpret_cast<char*>(t.ints());
}

size_t element_bytes(DataType type) {
  return type == DataType::kFloat32 ? sizeof(float) : sizeof(int64_t);
}

Shape transpose_perm(const Node& node, size_t rank) {
  Shape perm(rank);
  for (size_t i = 0; i < rank; ++i) perm[i] = static_cast<int64_t>(rank - 1 - i);
  if (!node.has("perm")) return perm;
  perm = node.attr_ints("perm");
  Shape sorted = perm;
  std::sort(sorted.begin(), sorted.end());
  bool valid = sorted.size() == rank;
  for (size_t i = 0; valid && i < rank; ++i) valid = sorted[i] == static_cast<int64_t>(i);
  if (!valid) {
    node.fail("perm " + shape_text(perm) + " is not a permutation of " + std::to_string(rank) +
              " axes");
  }
  return perm;
}

std::vector<Tensor> single(Tensor t) {
  std::vector<Tensor> result;
  result.push_back(std::move(t));
  return result;
}

}  // namespace

Metas infer_concat(const Node& node, const Metas& in) {
  if (in.empty()) node.fail("takes at least one input");
  for (size_t i = 0; i < in.size(); ++i) {
    if (!in[i].present) node.fail("input " + std::to_string(i) + " is required");
    if (in[i].type != in[0].type) node.fail("inputs mix float32 and int64");
  }
  const Shape& first = in[0].shape;
  if (!node.has("axis")) node.fail("attribute axis is missing");
  const auto rank = static_cast<int64_t>(first.size());
  if (rank == 0) node.fail("cannot concatenate scalars");
  const int64_t axis = normalize_axis(node, node.attr_int("axis", 0), rank, "axis");
  Shape y = first;
  y[axis] = 0;
  for (const ValueMeta& m : in) {
    bool fits = m.shape.size() == first.size();
    for (int64_t d = 0; fits && d < rank; ++d) fits = d == axis || m.shape[d] == first[d];
    if (!fits) {
      node.fail("input shapes " + shape_text(first) + " and " + shape_text(m.shape) +
                " differ outside axis " + std::to_string(axis));
    }
    y[axis] += m.shape[axis];
  }
  ValueMeta out = float_meta(y);
  out.type = in[0].type;
  return {out};
}

std::vector<Tensor> run_concat(const Node& node, const Inputs& in, const Metas& out) {
  const Shape& y_shape = out[0].shape;
  const auto axis = static_cast<size_t>(
      normalize_axis(node, node.attr_int("axis", 0), static_cast<int64_t>(y_shape.size()), "axis"));
  Tensor y(y_shape, out[0].type);
  const size_t elem = element_bytes(y.type());
  int64_t outer = 1, inner = 1;
  for (size_t d = 0; d < axis; ++d) outer *= y_shape[d];
  for (size_t d = axis + 1; d < y_shape.size(); ++d) inner *= y_shape[d];
  char* dst = bytes_of(y);
  const size_t y_row = static_cast<size_t>(y_shape[axis] * inner) * elem;
  size_t offset = 0;
  for (const Tensor* t : in) {
    const size_t row = static_cast<size_t>(t->dim(axis) * inner) * elem;
    for (int64_t o = 0; o < outer; ++o) {
      std::memcpy(dst + o * y_row + offset, bytes_of(*t) + o * row, row);
    }
    offset += row;
  }
  return single(std::move(y));
}

Metas infer_transpose(const Node& node, const Metas& in) {
  require_inputs(node, in, 1, 1);
  const Shape& x = in[0].shape;
  const Shape perm = transpose_perm(node, x.size());
  Shape y(x.size());
  for (size_t i = 0; i < x.size(); ++i) y[i] = x[perm[i]];
  ValueMeta out = float_meta(y);
  out.type = in[0].type;
  return {out};
}

std::vector<Tensor> run_transpose(const Node& node, const Inputs& in, const Metas& out) {
  const Tensor& x = *in[0];
  const size_t rank = x.rank();
  const Shape perm = transpose_perm(node, rank);
  Tensor y(out[0].shape, x.type());
  const size_t elem = element_bytes(x.type());
  // Walk y in order; the matching x offset advances by the stride of the permuted axis.
  Shape x_strides(rank, 1);
  for (size_t d = rank; d-- > 1;) x_strides[d - 1] = x_strides[d] * x.dim(d);
  Shape step(rank);
  for (size_t i = 0; i < rank; ++i) step[i] = x_strides[perm[i]];
  const char* src = bytes_of(x);
  char* dst = bytes_of(y);
  Shape index(rank, 0);
  int64_t offset = 0;
  for (int64_t n = 0; n < y.size(); ++n) {
    std::memcpy(dst + n * elem, src + offset * elem, elem);
    for (size_t d = rank; d-- > 0;) {
      offset += step[d];
      if (++index[d] < y.dim(d)) break;
      offset -= step[d] * index[d];
      index[d] = 0;
    }
  }
  return single(std::move(y));
}

OpWork work_data_move(const Node&, const Metas&, const Metas&) {
  OpWork work;
  work.kind = OpKind::kDataMove;
  return work;
}

}  // namespace blsim
