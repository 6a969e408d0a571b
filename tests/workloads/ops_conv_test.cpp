// SPDX-License-Identifier: MIT
// Conv by hand: 2x2 kernels on a 3x3 image with bias, padding, strides, auto_pad, dilation,
// groups, 1-D input; a large batch against direct summation; batch-invariant samples; and the
// checks that reject inconsistent weights and attributes.
#include <gtest/gtest.h>

#include <cstring>

#include "tests/workloads/ops_test_util.h"
#include "tests/workloads/pseudo_random.h"
#include "common/user_error.h"

namespace blsim {
namespace {

// x = 1..9 as a 3x3 image; the 2x2 kernel [[1,0],[0,1]] adds each pixel to its lower-right one.
const Tensor kImage = floats({1, 1, 3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9});
const Tensor kDiagonal = floats({1, 1, 2, 2}, {1, 0, 0, 1});

TEST(OpsConv, TwoByTwoKernelByHand) {
  expect_tensor(run_op1("Conv", {kImage, kDiagonal}), {1, 1, 2, 2}, {6, 8, 12, 14});
}

TEST(OpsConv, BiasAddsPerOutputChannel) {
  const Tensor w = floats({2, 1, 2, 2}, {1, 0, 0, 1, 0, 0, 0, 1});
  const Tensor b = floats({2}, {0.5f, -1});
  expect_tensor(run_op1("Conv", {kImage, w, b}), {1, 2, 2, 2},
                {6.5f, 8.5f, 12.5f, 14.5f, 4, 5, 7, 8});
}

TEST(OpsConv, ZeroPaddingAndStride) {
  // pads 1 on every side: 5x5 padded image, stride 2 -> 2x2 outputs at padded (0,0),(0,2),...
  const Tensor y = run_op1("Conv", {kImage, kDiagonal},
                           {{"pads", ints_attr({1, 1, 1, 1})}, {"strides", ints_attr({2, 2})}});
  // Padded (r,c) holds x[r-1][c-1]; output (i,j) = p[2i][2j] + p[2i+1][2j+1]:
  // 0 + x[0][0] = 1, 0 + x[0][2] = 3, 0 + x[2][0] = 7, x[1][1] + x[2][2] = 14.
  expect_tensor(y, {1, 1, 2, 2}, {1, 3, 7, 14});
}

TEST(OpsConv, AutoPadSameUpperKeepsSize) {
  const Tensor ones = floats({1, 1, 2, 2}, {1, 1, 1, 1});
  const Tensor y = run_op1("Conv", {kImage, ones}, {{"auto_pad", string_attr("SAME_UPPER")}});
  // The odd pad goes to the end: each output sums its 2x2 block reaching right/down.
  expect_tensor(y, {1, 1, 3, 3}, {12, 16, 9, 24, 28, 15, 15, 17, 9});
}

TEST(OpsConv, DilationSpreadsTheKernel) {
  const Tensor y = run_op1("Conv", {kImage, kDiagonal}, {{"dilations", ints_attr({2, 2})}});
  expect_tensor(y, {1, 1, 1, 1}, {1 + 9});
}

TEST(OpsConv, GroupsKeepChannelsApart) {
  // Two channels (1..9 and 10*(1..9)), group 2: each output channel sees only its own channel.
  std::vector<float> v;
  for (int c = 0; c < 2; ++c) {
    for (int i = 1; i <= 9; ++i) v.push_back(static_cast<float>(c == 0 ? i : 10 * i));
  }
  const Tensor x = floats({1, 2, 3, 3}, v);
  const Tensor w = floats({2, 1, 1, 1}, {1, 2});
  const Tensor y = run_op1("Conv", {x, w}, {{"group", int_attr(2)}});
  ASSERT_EQ(shape_text(y.shape()), "[1,2,3,3]");
  EXPECT_FLOAT_EQ(y.floats()[0], 1);
  EXPECT_FLOAT_EQ(y.floats()[9], 20);    // 2 * 10
  EXPECT_FLOAT_EQ(y.floats()[17], 180);  // 2 * 90
}

TEST(OpsConv, OneDimensionalAndBatched) {
  const Tensor x = floats({2, 1, 4}, {1, 2, 3, 4, -1, -2, -3, -4});
  const Tensor w = floats({1, 1, 2}, {1, -1});
  expect_tensor(run_op1("Conv", {x, w}), {2, 1, 3}, {-1, -1, -1, 1, 1, 1});
}

// Direct summation in double over a 2-D NCHW input with zero padding; the reference for the
// unrolled GEMM path.
std::vector<float> direct_conv(const Tensor& x, const Tensor& w, const Tensor& b, int64_t group,
                               Shape stride, Shape dilation, Shape pad, Shape out) {
  const int64_t n = x.dim(0), c = x.dim(1), h = x.dim(2), wd = x.dim(3);
  const int64_t m = w.dim(0), cg = w.dim(1), kh = w.dim(2), kw = w.dim(3);
  std::vector<float> y;
  for (int64_t s = 0; s < n; ++s) {
    for (int64_t o = 0; o < m; ++o) {
      const int64_t g = o / (m / group);
      for (int64_t oy = 0; oy < out[0]; ++oy) {
        for (int64_t ox = 0; ox < out[1]; ++ox) {
          double acc = b.floats()[o];
          for (int64_t ci = 0; ci < cg; ++ci) {
            for (int64_t ky = 0; ky < kh; ++ky) {
              for (int64_t kx = 0; kx < kw; ++kx) {
                const int64_t iy = oy * stride[0] - pad[0] + ky * dilation[0];
                const int64_t ix = ox * stride[1] - pad[1] + kx * dilation[1];
                if (iy < 0 || iy >= h || ix < 0 || ix >= wd) continue;
                acc += static_cast<double>(x.floats()[((s * c + g * cg + ci) * h + iy) * wd + ix]) *
                       w.floats()[((o * cg + ci) * kh + ky) * kw + kx];
              }
            }
          }
          y.push_back(static_cast<float>(acc));
        }
      }
    }
  }
  return y;
}

TEST(OpsConv, MatchesDirectSummationWhenChunksSplitSamplesAndRows) {
  // 120 samples of 9x7 outputs: the batch's 7,560 columns go through the GEMM in chunks that
  // split samples and output rows; strides, dilations and asymmetric padding exercise every
  // clipping case of the unrolling. Rows: (10 + 2 + 1 - 5) + 1 = 9 (dilated kernel spans 5);
  // columns: (13 + 1 - 2) / 2 + 1 = 7.
  const Tensor x = pseudo_random({120, 4, 10, 13}, 1);
  const Tensor w = pseudo_random({6, 2, 3, 2}, 2);
  const Tensor b = pseudo_random({6}, 3);
  const NamedAttributes attrs = {{"group", int_attr(2)},
                                 {"strides", ints_attr({1, 2})},
                                 {"dilations", ints_attr({2, 1})},
                                 {"pads", ints_attr({2, 1, 1, 0})}};
  const Tensor y = run_op1("Conv", {x, w, b}, attrs);
  ASSERT_EQ(shape_text(y.shape()), "[120,6,9,7]");
  expect_tensor(y, {120, 6, 9, 7}, direct_conv(x, w, b, 2, {1, 2}, {2, 1}, {2, 1}, {9, 7}));
}

// Every sample of a batch must compute the same bits as when it runs alone, wherever the
// chunking and the padding of the GEMM put its columns.
void expect_samples_match_alone(const Tensor& x, const Tensor& w, const NamedAttributes& attrs) {
  const Tensor together = run_op1("Conv", {x, w}, attrs);
  const int64_t batch = x.dim(0);
  const int64_t in = x.size() / batch, out = together.size() / batch;
  for (int64_t i = 0; i < batch; ++i) {
    Shape one = x.shape();
    one[0] = 1;
    const Tensor alone = run_op1(
        "Conv",
        {floats(one, std::vector<float>(x.floats() + i * in, x.floats() + (i + 1) * in)), w},
        attrs);
    ASSERT_EQ(0, std::memcmp(alone.floats(), together.floats() + i * out, out * sizeof(float)))
        << "sample " << i << " of " << batch;
  }
}

TEST(OpsConv, SampleResultsDoNotDependOnTheBatch) {
  // 5x5 outputs (25 columns per sample): 70 samples span two GEMM chunks and put a sample's
  // columns at every offset within a register block.
  const NamedAttributes same = {{"pads", ints_attr({1, 1, 1, 1})}};
  expect_samples_match_alone(pseudo_random({70, 8, 5, 5}, 4), pseudo_random({16, 8, 3, 3}, 5),
                             same);
  // Depthwise: one output channel per group, Eigen's matrix-vector path.
  const NamedAttributes depthwise = {{"pads", ints_attr({1, 1, 1, 1})}, {"group", int_attr(8)}};
  expect_samples_match_alone(pseudo_random({70, 8, 5, 5}, 6), pseudo_random({8, 1, 3, 3}, 7),
                             depthwise);
}

TEST(OpsConv, RejectsChannelMismatchNamingTheNode) {
  const Tensor w = floats({1, 2, 2, 2}, std::vector<float>(8, 1));
  try {
    run_op1("Conv", {kImage, w});
    FAIL() << "expected UserError";
  } catch (const UserError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("test.onnx: node op (Conv):"), std::string::npos) << what;
    EXPECT_NE(what.find("input channels"), std::string::npos) << what;
  }
}

TEST(OpsConv, RejectsWindowLargerThanInput) {
  const Tensor w = floats({1, 1, 4, 4}, std::vector<float>(16, 1));
  EXPECT_THROW(run_op1("Conv", {kImage, w}), UserError);
}

TEST(OpsConv, RejectsBadAutoPad) {
  EXPECT_THROW(run_op1("Conv", {kImage, kDiagonal}, {{"auto_pad", string_attr("SAME")}}),
               UserError);
}

}  // namespace
}  // namespace blsim
