// SPDX-License-Identifier: MIT
// The dataset readers on files written here: good IDX files load with the right values; truncated, malformed, mislabelled or missing ones give a UserError
// that names the file and what is wrong.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "workloads/datasets/dataset.h"
#include "workloads/datasets/idx_file.h"
#include "common/user_error.h"

namespace blsim {
namespace {

// One folder per test: ctest runs the tests in parallel processes.
std::string temp_path(const std::string& name) {
  const std::string dir = ::testing::TempDir() + "blsim_datasets_loader_" +
                          ::testing::UnitTest::GetInstance()->current_test_info()->name() + "/";
  std::filesystem::create_directories(dir);
  return dir + name;
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

void write_gz(const std::string& path, const std::string& bytes) {
  gzFile f = gzopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size())),
            static_cast<int>(bytes.size()));
  gzclose(f);
}

std::string be32(uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

// `count` 2x3 images whose pixel k of image i is (i * 6 + k) * 10.
std::string idx_images(uint32_t magic, uint32_t count) {
  std::string s = be32(magic) + be32(count) + be32(2) + be32(3);
  for (uint32_t i = 0; i < count * 6; ++i) s += static_cast<char>(i * 10);
  return s;
}

std::string idx_labels(const std::string& labels) {
  return be32(0x801) + be32(static_cast<uint32_t>(labels.size())) + labels;
}

// The message of the UserError f throws ("" if none).
template <typename F>
std::string error_of(F f) {
  try {
    f();
  } catch (const UserError& e) {
    return e.what();
  }
  return "";
}

TEST(DatasetsLoader, IdxGoodFiles) {
  const auto images = temp_path("good-images.gz");
  const auto labels = temp_path("good-labels.gz");
  write_gz(images, idx_images(0x803, 3));
  write_gz(labels, idx_labels(std::string("\x00\x09\x04", 3)));
  const IdxImages im = read_idx_images(images, 3, 2, 3);
  ASSERT_EQ(im.pixels.size(), 18u);
  EXPECT_EQ(im.pixels[0], 0);  // raw bytes; load_dataset scales them to [0, 1]
  EXPECT_EQ(im.pixels[7], 70);
  EXPECT_EQ(im.pixels[17], 170);
  EXPECT_EQ(read_idx_labels(labels, 3, 10), (std::vector<int>{0, 9, 4}));
}

TEST(DatasetsLoader, IdxBadFilesNameFileAndProblem) {
  const auto path = temp_path("bad.gz");
  const auto images_error = [&](const std::string& bytes) {
    write_gz(path, bytes);
    return error_of([&] { read_idx_images(path, 3, 2, 3); });
  };
  EXPECT_EQ(images_error(idx_images(0x803, 3)), "");
  EXPECT_EQ(images_error(idx_images(0x801, 3)),
            path + ": bad magic 0x00000801 (expected 0x00000803)");
  EXPECT_EQ(images_error(idx_images(0x803, 4)), path + ": header item count is 4, expected 3");
  std::string wrong_rows = idx_images(0x803, 3);
  wrong_rows.replace(8, 4, be32(5));
  EXPECT_EQ(images_error(wrong_rows), path + ": header row count is 5, expected 2");
  const std::string good = idx_images(0x803, 3);
  EXPECT_EQ(images_error(good.substr(0, good.size() - 1)),
            path + ": truncated (file ends inside the pixel data)");
  EXPECT_EQ(images_error(good.substr(0, 6)), path + ": truncated (file ends inside the header)");
  EXPECT_EQ(images_error(good + "z"), path + ": unexpected bytes after the last item");

  const auto labels_error = [&](const std::string& bytes) {
    write_gz(path, bytes);
    return error_of([&] { read_idx_labels(path, 3, 10); });
  };
  EXPECT_EQ(labels_error(idx_labels(std::string("\x01\x0a\x02", 3))),
            path + ": label 10 at item 1 is not a class 0-9");
  EXPECT_EQ(labels_error(idx_labels("\x01\x02")), path + ": header item count is 2, expected 3");
}

TEST(DatasetsLoader, IdxCorruptGzipAndMissingFile) {
  const auto path = temp_path("corrupt.gz");
  write_gz(path, idx_images(0x803, 3));
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  write_text(path, bytes.substr(0, bytes.size() / 2));  // cut inside the deflate stream
  const std::string msg = error_of([&] { read_idx_images(path, 3, 2, 3); });
  EXPECT_EQ(msg.rfind(path + ": ", 0), 0u) << msg;
  EXPECT_TRUE(msg.find("truncated") != std::string::npos ||
              msg.find("corrupt gzip") != std::string::npos) << msg;
  const std::string missing = error_of([] { read_idx_labels(temp_path("nope.gz"), 3, 10); });
  EXPECT_NE(missing.find("nope.gz: cannot open"), std::string::npos) << missing;
  EXPECT_NE(missing.find("scripts/setup.sh"), std::string::npos) << missing;
}

TEST(DatasetsLoader, NamesAndSplits) {
  EXPECT_EQ(parse_split("train"), Split::kTrain);
  EXPECT_EQ(parse_split("val"), Split::kVal);
  EXPECT_EQ(parse_split("test"), Split::kTest);
  EXPECT_EQ(error_of([] { parse_split("validation"); }),
            "unknown split \"validation\" (expected train, val or test)");
  EXPECT_EQ(error_of([] { load_dataset("cifar", Split::kTest, "/tmp"); }),
            "unknown dataset \"cifar\" (known: mnist, fashion)");
  EXPECT_EQ(split_size("mnist", Split::kTrain) + split_size("mnist", Split::kVal) +
                split_size("mnist", Split::kTest),
            70000u);
  EXPECT_EQ(split_size("fashion", Split::kVal), 5000u);
}

TEST(DatasetsLoader, MnistFolderWithTooFewDigits) {
  // A folder of IDX files under MNIST's names whose training file holds 3 digits, not 60,000.
  const std::string dir = temp_path("mnist_small");
  std::filesystem::create_directories(dir);
  write_gz(dir + "/train-images-idx3-ubyte.gz", idx_images(0x803, 3));
  write_gz(dir + "/train-labels-idx1-ubyte.gz", idx_labels(std::string("\x00\x09\x04", 3)));
  EXPECT_EQ(error_of([&] { load_dataset("mnist", Split::kTrain, dir); }),
            dir + "/train-images-idx3-ubyte.gz: header item count is 3, expected 60000");
  EXPECT_NE(error_of([&] { load_dataset("mnist", Split::kTest, dir); })
                .find("t10k-images-idx3-ubyte.gz: cannot open"),
            std::string::npos);
}

}  // namespace
}  // namespace blsim
