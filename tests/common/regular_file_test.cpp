// SPDX-License-Identifier: MIT
// Input files must be regular and bounded: a FIFO, a folder, /dev/zero and an oversized file are
// refused with one message naming the path and what it is, without blocking or reading them.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "common/regular_file.h"
#include "common/user_error.h"
#include "tests/scratch_dir.h"

namespace fs = std::filesystem;

namespace blsim {
namespace {

std::string message_of(const std::string& path, uint64_t max_bytes = 1000) {
  try {
    read_regular_file(path, "ONNX model", max_bytes);
  } catch (const UserError& e) {
    return e.what();
  }
  return "";
}

using RegularFileTest = ScratchDirTest;

TEST_F(RegularFileTest, ReadsARegularFileAndASymlinkToOne) {
  std::ofstream(dir_ + "/a.onnx") << "12345";
  fs::create_symlink(dir_ + "/a.onnx", dir_ + "/link.onnx");
  EXPECT_EQ(read_regular_file(dir_ + "/a.onnx", "ONNX model", 5), "12345");
  EXPECT_EQ(read_regular_file(dir_ + "/link.onnx", "ONNX model", 5), "12345");
}

TEST_F(RegularFileTest, RefusesWhatIsNotARegularFile) {
  ASSERT_EQ(::mkfifo((dir_ + "/fifo").c_str(), 0600), 0);
  // Without O_NONBLOCK this would wait for a writer forever.
  EXPECT_EQ(message_of(dir_ + "/fifo"),
            dir_ + "/fifo: ONNX model is a FIFO, expected a regular file");
  EXPECT_EQ(message_of(dir_), dir_ + ": ONNX model is a directory, expected a regular file");
  EXPECT_EQ(message_of("/dev/zero"),
            "/dev/zero: ONNX model is a character device, expected a regular file");
  EXPECT_EQ(message_of("/dev/urandom"),
            "/dev/urandom: ONNX model is a character device, expected a regular file");
}

TEST_F(RegularFileTest, RefusesAFileAboveTheLimit) {
  std::ofstream(dir_ + "/big.onnx") << std::string(1001, 'x');
  EXPECT_EQ(message_of(dir_ + "/big.onnx"),
            dir_ + "/big.onnx: ONNX model is 1001 bytes, more than the 1000 a ONNX model may be");
  EXPECT_EQ(message_of(dir_ + "/big.onnx", 1001), "");
}

TEST_F(RegularFileTest, MissingFileKeepsTheCallersHint) {
  try {
    require_regular_file(dir_ + "/none.json", "MNIST digit file", 10, "run scripts/fetch_data.sh");
    FAIL() << "no throw";
  } catch (const UserError& e) {
    EXPECT_EQ(std::string(e.what()),
              dir_ + "/none.json: cannot open MNIST digit file (run scripts/fetch_data.sh)");
  }
}

}  // namespace
}  // namespace blsim
