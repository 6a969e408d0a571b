// SPDX-License-Identifier: MIT
#include "workloads/datasets/dataset.h"

#include <algorithm>

#include "workloads/datasets/idx_file.h"
#include "workloads/datasets/stratified_split.h"
#include "common/user_error.h"

namespace blsim {
namespace {

// Seeds that define the splits; changing one changes every split-dependent result.
constexpr uint64_t kMnistSplitSeed = 0x6d6e697374313030ULL;    // "mnist100"
constexpr uint64_t kFashionSplitSeed = 0x666173686e696f6eULL;  // "fashnion"

// Both sets: validation is drawn stratified out of the official 60,000 training images, test is
// the official 10,000.
constexpr size_t kTrain = 55000, kVal = 5000, kTest = 10000;

void check_name(const std::string& name) {
  const auto& names = dataset_names();
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    throw UserError("unknown dataset \"" + name + "\" (known: mnist, fashion)");
  }
}

std::string join(const std::string& dir, const std::string& file) {
  return dir.empty() || dir.back() == '/' ? dir + file : dir + "/" + file;
}

float pixel_value(uint8_t byte) { return static_cast<float>(byte) / 255.0f; }

// The chosen samples, in the given order, as floats in [0, 1].
Dataset gather(const std::string& name, Split split, const std::vector<uint8_t>& pixels,
               const std::vector<int>& labels, const std::vector<size_t>& indices) {
  Dataset d;
  d.name = name;
  d.split = split;
  const size_t per = static_cast<size_t>(d.sample_values());
  d.images.resize(indices.size() * per);
  d.labels.resize(indices.size());
  for (size_t i = 0; i < indices.size(); ++i) {
    const uint8_t* from = pixels.data() + indices[i] * per;
    float* to = d.images.data() + i * per;
    for (size_t k = 0; k < per; ++k) to[k] = pixel_value(from[k]);
    d.labels[i] = labels[indices[i]];
  }
  return d;
}

// The four IDX files of MNIST or Fashion-MNIST (gzip or plain, under their official names).
Dataset load_idx_set(const std::string& name, Split split, const std::string& dir,
                     uint64_t split_seed) {
  const bool test = split == Split::kTest;
  const std::string prefix = test ? "t10k" : "train";
  const int64_t count = test ? kTest : kTrain + kVal;
  const IdxImages images = read_idx_images(join(dir, prefix + "-images-idx3-ubyte.gz"), count,
                                           28, 28);
  const std::vector<int> labels =
      read_idx_labels(join(dir, prefix + "-labels-idx1-ubyte.gz"), count, 10);
  std::vector<size_t> chosen;
  if (test) {
    chosen.resize(static_cast<size_t>(count));
    for (size_t i = 0; i < chosen.size(); ++i) chosen[i] = i;
  } else {
    // The official training file is already in random order; keep it (ascending indices).
    auto parts = stratified_split(labels, 10, {kTrain, kVal}, split_seed);
    chosen = std::move(parts[split == Split::kTrain ? 0 : 1]);
  }
  return gather(name, split, images.pixels, labels, chosen);
}

}  // namespace

Split parse_split(const std::string& text) {
  if (text == "train") return Split::kTrain;
  if (text == "val") return Split::kVal;
  if (text == "test") return Split::kTest;
  throw UserError("unknown split \"" + text + "\" (expected train, val or test)");
}

const char* split_name(Split split) {
  switch (split) {
    case Split::kTrain: return "train";
    case Split::kVal: return "val";
    case Split::kTest: return "test";
  }
  return "?";
}

DatasetShape dataset_shape(const std::string& name) {
  check_name(name);
  DatasetShape s;  // both are 28x28 grey images of 10 classes
  s.name = name;
  return s;
}

DatasetShape dataset_shape(const Dataset& data) {
  return DatasetShape{data.name, data.channels, data.height, data.width, data.classes};
}

const std::vector<std::string>& dataset_names() {
  static const std::vector<std::string> names = {"mnist", "fashion"};
  return names;
}

size_t split_size(const std::string& name, Split split) {
  check_name(name);
  switch (split) {
    case Split::kTrain: return kTrain;
    case Split::kVal: return kVal;
    case Split::kTest: return kTest;
  }
  return 0;
}

std::vector<std::string> dataset_files(const std::string& name, const std::string& data_dir) {
  check_name(name);
  std::vector<std::string> files;
  for (const char* f : {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
    files.push_back(join(data_dir, f));
  }
  return files;
}

Dataset load_dataset(const std::string& name, Split split, const std::string& data_dir) {
  check_name(name);
  return load_idx_set(name, split, data_dir,
                      name == "mnist" ? kMnistSplitSeed : kFashionSplitSeed);
}

void truncate_dataset(Dataset& dataset, size_t count) {
  if (count == 0 || count >= dataset.size()) return;
  dataset.labels.resize(count);
  dataset.images.resize(count * static_cast<size_t>(dataset.sample_values()));
}

}  // namespace blsim
