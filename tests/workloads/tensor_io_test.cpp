// SPDX-License-Identifier: MIT
// TensorProto conversion: raw and typed fields, type conversions, files written atomically,
// and errors that name the file and tensor.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "workloads/tensor_io.h"
#include "common/user_error.h"

namespace blsim {
namespace {

namespace fs = std::filesystem;

std::string message_of(const onnx::TensorProto& p) {
  try {
    tensor_from_proto(p, "t.pb");
  } catch (const UserError& e) {
    return e.what();
  }
  return "(no UserError)";
}

TEST(TensorIo, FloatAndInt64RoundTripThroughRawData) {
  const Tensor f = Tensor::from_floats({2, 2}, {1.5f, -2, 0, 3.25f});
  const onnx::TensorProto p = tensor_to_proto(f, "w");
  EXPECT_EQ(p.name(), "w");
  EXPECT_EQ(p.raw_data().size(), 16u);
  const Tensor back = tensor_from_proto(p, "t.pb");
  EXPECT_EQ(back.shape(), f.shape());
  EXPECT_EQ(back.float_values(), f.float_values());
  const Tensor i = Tensor::from_ints({3}, {-1, 0, 1LL << 40});
  EXPECT_EQ(tensor_from_proto(tensor_to_proto(i, "s"), "t.pb").int_values(), i.int_values());
}

TEST(TensorIo, TypedFieldsAndConversions) {
  onnx::TensorProto p;
  p.set_data_type(onnx::TensorProto::FLOAT);
  p.add_dims(2);
  p.add_float_data(1);
  p.add_float_data(2);
  EXPECT_EQ(tensor_from_proto(p, "t.pb").float_values(), (std::vector<float>{1, 2}));
  onnx::TensorProto d;
  d.set_data_type(onnx::TensorProto::DOUBLE);
  d.add_double_data(0.5);
  EXPECT_EQ(tensor_from_proto(d, "t.pb").float_values(), (std::vector<float>{0.5f}));  // scalar
  onnx::TensorProto i;
  i.set_data_type(onnx::TensorProto::INT32);
  i.add_dims(1);
  i.add_int32_data(-7);
  EXPECT_EQ(tensor_from_proto(i, "t.pb").int_values(), (std::vector<int64_t>{-7}));
}

TEST(TensorIo, RejectsCountMismatchUnsupportedTypeAndExternalData) {
  onnx::TensorProto p;
  p.set_name("w");
  p.set_data_type(onnx::TensorProto::FLOAT);
  p.add_dims(3);
  p.set_raw_data(std::string(8, '\0'));
  EXPECT_NE(message_of(p).find("t.pb: tensor \"w\": raw_data holds 8 bytes"), std::string::npos)
      << message_of(p);
  // 2^61 + 1 doubles are 2^64 + 8 bytes, which wraps to the 8 bytes given in 64 bits.
  onnx::TensorProto wrap;
  wrap.set_data_type(onnx::TensorProto::DOUBLE);
  wrap.add_dims((int64_t{1} << 61) + 1);
  wrap.set_raw_data(std::string(8, '\0'));
  EXPECT_NE(message_of(wrap).find("raw_data holds 8 bytes"), std::string::npos) << message_of(wrap);
  p.set_data_type(onnx::TensorProto::UINT8);
  EXPECT_NE(message_of(p).find("element type uint8 is not supported"), std::string::npos);
  p.set_data_type(onnx::TensorProto::FLOAT);
  p.set_data_location(onnx::TensorProto::EXTERNAL);
  EXPECT_NE(message_of(p).find("external tensor data"), std::string::npos);
}

TEST(TensorIo, FilesRoundTripAndBadFilesAreNamed) {
  const fs::path dir = fs::temp_directory_path() / ("blsim_tio_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "x.pb").string();
  write_tensor_file(path, Tensor::from_floats({1, 2}, {3, 4}), "x");
  std::string name;
  const Tensor t = read_tensor_file(path, &name);
  EXPECT_EQ(name, "x");
  EXPECT_EQ(t.float_values(), (std::vector<float>{3, 4}));
  EXPECT_EQ(fs::directory_iterator(dir)->path().filename(), "x.pb");  // no temporary left over
  std::ofstream(dir / "junk.pb") << "\xff\xff\xff";
  EXPECT_THROW(read_tensor_file((dir / "junk.pb").string()), UserError);
  EXPECT_THROW(read_tensor_file((dir / "missing.pb").string()), UserError);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace blsim
