// SPDX-License-Identifier: MIT
#include "workloads/train/dense_layer.h"

#include <Eigen/Core>

#include <cmath>
#include <stdexcept>

#include "workloads/datasets/rng.h"

namespace blsim {
namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MatrixMap = Eigen::Map<RowMatrix>;
using ConstMatrixMap = Eigen::Map<const RowMatrix>;

}  // namespace

DenseLayer::DenseLayer(std::string name, int64_t in_features, int64_t out_features)
    : Layer(std::move(name)), in_features_(in_features), out_features_(out_features) {
  weight_.name = this->name() + ".weight";
  weight_.shape = {out_features, in_features};
  weight_.value.assign(static_cast<size_t>(out_features * in_features), 0.0f);
  weight_.grad = weight_.value;
  weight_.decays = true;
  bias_.name = this->name() + ".bias";
  bias_.shape = {out_features};
  bias_.value.assign(static_cast<size_t>(out_features), 0.0f);
  bias_.grad = bias_.value;
}

void DenseLayer::init(SplitMix64& rng, bool relu_follows) {
  const double fan = relu_follows ? static_cast<double>(in_features_) / 2.0
                                  : static_cast<double>(in_features_ + out_features_) / 2.0;
  const double limit = std::sqrt(3.0 / fan);
  for (float& w : weight_.value) w = static_cast<float>(rng.uniform(-limit, limit));
  std::fill(bias_.value.begin(), bias_.value.end(), 0.0f);
}

std::vector<int64_t> DenseLayer::output_shape(const std::vector<int64_t>& in) const {
  if (in.size() != 1 || in[0] != in_features_) {
    throw std::invalid_argument(name() + ": expects " + std::to_string(in_features_) +
                                " input features");
  }
  return {out_features_};
}

uint64_t DenseLayer::macs(const std::vector<int64_t>&) const {
  return static_cast<uint64_t>(in_features_ * out_features_);
}

void DenseLayer::forward(const Activations& in, Activations& out, bool) {
  const int64_t n = in.batch();
  out.resize({n, out_features_});
  const ConstMatrixMap x(in.data.data(), n, in_features_);
  const ConstMatrixMap w(weight_.value.data(), out_features_, in_features_);
  MatrixMap y(out.data.data(), n, out_features_);
  y.noalias() = x * w.transpose();
  y.rowwise() += Eigen::Map<const Eigen::RowVectorXf>(bias_.value.data(), out_features_);
}

void DenseLayer::backward(const Activations& in, const Activations& grad_out,
                          Activations& grad_in) {
  const int64_t n = in.batch();
  grad_in.resize(in.shape);
  const ConstMatrixMap x(in.data.data(), n, in_features_);
  const ConstMatrixMap dy(grad_out.data.data(), n, out_features_);
  const ConstMatrixMap w(weight_.value.data(), out_features_, in_features_);
  MatrixMap(weight_.grad.data(), out_features_, in_features_).noalias() += dy.transpose() * x;
  Eigen::Map<Eigen::RowVectorXf>(bias_.grad.data(), out_features_) += dy.colwise().sum();
  MatrixMap(grad_in.data.data(), n, in_features_).noalias() = dy * w;
}

}  // namespace blsim
