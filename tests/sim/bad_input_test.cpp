// SPDX-License-Identifier: MIT
// The bad-input table: every row runs the real blsim binary on one bad input (CLI option, config
// file or value, model, tensor, dataset) and asserts exit status 2, exactly one line on stderr
// that names the culprit, and no output file left behind.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/stat.h>

#include "tests/sim/cli_test_util.h"
#include "tests/sim/csv_test_util.h"
#include "tests/sim/hardening_fixtures.h"

namespace fs = std::filesystem;

namespace {

const std::string kHome = BLSIM_SOURCE_DIR;
const std::string kLittle = kHome + "/workloads/nets/mnist-little.onnx";
const std::string kBig = kHome + "/workloads/nets/mnist-big.onnx";

using blsim::testing::Outcome;
using blsim::testing::read_all;

// Runs blsim with `args` (already shell-quoted where needed) in a scratch folder.
Outcome run_blsim(const std::string& args, const std::string& dir) {
  return blsim::testing::run_blsim_captured(args, dir);
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Every regular file below dir (recursively), so leftovers are visible.
std::vector<std::string> files_below(const std::string& dir) {
  std::vector<std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct BadInput {
  const char* name;
  // Prepares files in the scratch folder and returns the arguments.
  std::string (*setup)(const std::string& dir);
  const char* culprit;  // must appear in the one stderr line
};

std::string real_mnist_copy(const std::string& dir) {
  fs::create_directories(dir + "/mnist");
  for (const char* f : {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
    fs::copy_file(kHome + "/data/mnist/" + f, dir + "/mnist/" + f);
  }
  return dir + "/mnist";
}

std::string fashion_copy(const std::string& dir) {
  fs::create_directories(dir + "/fashion");
  for (const char* f : {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
    fs::copy_file(std::string("/usr/share/datasets/fashion-mnist/") + f, dir + "/fashion/" + f);
  }
  return dir + "/fashion";
}

const BadInput kTable[] = {
    // Command line.
    {"unknown_command", [](const std::string&) { return std::string("frobnicate"); }, "frobnicate"},
    {"unknown_option", [](const std::string&) { return std::string("run --bogus 3 --out o"); }, "bogus"},
    {"threshold_above_one", [](const std::string&) { return std::string("run --threshold 1.5 --out o"); },
     "cascade.threshold"},
    {"threshold_not_a_number", [](const std::string&) { return std::string("run --threshold high --out o"); },
     "cascade.threshold"},
    {"negative_accuracy_budget",
     [](const std::string&) { return std::string("run --max-accuracy-loss -1 --out o"); },
     "cascade.max_accuracy_loss"},
    {"controller_rate_above_one",
     [](const std::string&) { return std::string("run --controller rate:2 --out o"); }, "cascade.controller"},
    {"controller_unknown_kind",
     [](const std::string&) { return std::string("run --controller speed:1 --out o"); }, "cascade.controller"},
    {"profile_unknown_cluster",
     [](const std::string&) { return "profile --net '" + kBig + "' --cluster medium --out o"; }, "medium"},
    {"train_unknown_arch",
     [](const std::string&) { return std::string("train --dataset mnist --arch resnet999 --out o/x.onnx"); },
     "resnet999"},
    {"train_zero_epochs",
     [](const std::string&) { return std::string("train --dataset mnist --arch mlp-tiny --epochs 0 --out o/x.onnx"); },
     "epochs"},
    {"eval_unknown_dataset",
     [](const std::string&) { return "eval --net '" + kLittle + "' --dataset cifar --split test --out o"; },
     "cifar"},
    {"eval_unknown_split",
     [](const std::string&) { return "eval --net '" + kLittle + "' --dataset mnist --split holdout --out o"; },
     "holdout"},
    // Config files and values.
    {"set_unknown_key", [](const std::string&) { return std::string("run --set cluster.big.frq_mhz=5 --out o"); },
     "cluster.big.frq_mhz"},
    {"set_negative_frequency",
     [](const std::string&) { return std::string("run --set cluster.big.freq_mhz=-5 --out o"); }, "cluster.big.freq_mhz"},
    {"set_fractional_cores", [](const std::string&) { return std::string("run --set cluster.big.cores=2.5 --out o"); },
     "cluster.big.cores"},
    {"set_without_equals", [](const std::string&) { return std::string("run --set cluster.big.cores --out o"); },
     "cluster.big.cores"},
    // The SoC's shape: clusters and shared caches are named lists.
    {"soc_cluster_named_twice",
     [](const std::string&) { return std::string("run --set 'soc.clusters=big, big' --out o"); },
     "soc.clusters"},
    {"soc_without_clusters",
     [](const std::string&) { return std::string("run --set soc.clusters= --out o"); },
     "soc.clusters"},
    {"soc_with_nine_clusters",
     [](const std::string&) { return std::string("run --set soc.clusters=a,b,c,d,e,f,g,h,i --out o"); },
     "soc.clusters"},
    {"stage_on_a_missing_cluster",
     [](const std::string&) { return std::string("run --set stage2.cluster=prime --out o"); },
     "stage2.cluster"},
    {"cache_shared_by_a_missing_cluster",
     [](const std::string&) {
       return "run --config '" + kHome + "/configs/soc/gs101.ini' --set cache.l3.shared_by=gpu --out o";
     },
     "cache.l3.shared_by"},
    {"profile_on_a_missing_cluster",
     [](const std::string&) { return "profile --net '" + kBig + "' --cluster prime --out o"; },
     "prime"},
    {"config_key_given_twice",
     [](const std::string& d) {
       write_text(d + "/soc.ini", "[cluster.big]\ncores = 4\ncores = 2\n");
       return std::string("run --config soc.ini --out o");
     },
     "soc.ini:3"},
    // Keys bounded where they are declared: no value can exhaust memory or overflow a report.
    {"controller_window_of_2_63",
     [](const std::string&) {
       return std::string("run --set cascade.controller_window=9223372036854775807 --out o");
     },
     "cascade.controller_window"},
    {"controller_window_of_2_31",
     [](const std::string&) { return std::string("run --set cascade.controller_window=2147483648 --out o"); },
     "cascade.controller_window"},
    {"batch_of_2_40",
     [](const std::string&) { return std::string("run --set cascade.batch=1099511627776 --out o"); },
     "cascade.batch"},
    {"leakage_exponent_of_400",
     [](const std::string&) { return std::string("run --set cluster.big.leak_v_exponent=400 --out o"); },
     "cluster.big.leak_v_exponent"},
    {"wake_latency_of_a_year",
     [](const std::string&) { return std::string("run --set cluster.little.wake_off_us=3.2e13 --out o"); },
     "cluster.little.wake_off_us"},
    {"gate_cycles_of_1e300",
     [](const std::string&) { return std::string("run --set cascade.gate_cycles=1e300 --out o"); },
     "cascade.gate_cycles"},
    // One INI file says each thing once; OPP tables are physical.
    {"config_section_given_twice",
     [](const std::string& d) {
       write_text(d + "/soc.ini", "[cluster.big]\ncores = 4\n[noc]\nlatency_ns = 5\n[cluster.big]\nwake_idle_us = 2\n");
       return std::string("run --config soc.ini --out o");
     },
     "soc.ini:5"},
    {"opp_voltage_falls",
     [](const std::string&) {
       return std::string("run --set cluster.little.opp_volts_v=0.9,0.9,1.0,1.0,1.0,1.0,1.1,1.1,1.1,1.25,1.25,1.2,1.275 --out o");
     },
     "cluster.little.opp_volts_v"},
    {"opp_voltage_falls_in_a_sweep",
     [](const std::string&) {
       return std::string("sweep --vary 'cluster.little.opp_volts_v=0.9,0.9,1.0,1.0,1.0,1.0,1.1,1.1,1.1,1.25,1.25,1.25,1.275;0.9,0.9,1.0,1.0,1.0,1.0,1.1,1.1,1.1,1.25,1.25,1.25,1.0' --out o");
     },
     "cluster.little.opp_volts_v"},
    {"sweep_unknown_key",
     [](const std::string&) { return std::string("sweep --vary cluster.big.frq_mhz=1400,2000 --out o"); },
     "cluster.big.frq_mhz"},
    {"sweep_value_not_an_opp",
     [](const std::string&) { return std::string("sweep --vary cluster.big.freq_mhz=1400,1234 --out o"); },
     "cluster.big.freq_mhz"},
    {"sweep_without_values",
     [](const std::string&) { return std::string("sweep --vary cascade.threshold --out o"); },
     "cascade.threshold"},
    {"config_missing", [](const std::string&) { return std::string("run --config nowhere.ini --out o"); },
     "nowhere.ini"},
    {"config_unknown_key",
     [](const std::string& d) {
       write_text(d + "/soc.ini", "[cluster.big]\ncores = 4\nfreq_mhx = 1000\n");
       return std::string("run --config soc.ini --out o");
     },
     "soc.ini:3"},
    {"config_negative_value",
     [](const std::string& d) {
       write_text(d + "/soc.ini", "# variant\n[cluster.little]\nfreq_mhz = -1400\n");
       return std::string("run --config soc.ini --out o");
     },
     "soc.ini:3"},
    {"config_bad_syntax",
     [](const std::string& d) {
       write_text(d + "/soc.ini", "[cluster.big]\ncores = 4\nthis is not a key value line\n");
       return std::string("run --config soc.ini --out o");
     },
     "soc.ini:3"},
    {"cascade_missing_network",
     [](const std::string& d) {
       write_text(d + "/c.ini", "[stage1]\nnet = nothere.onnx\ncluster = little\n[stage2]\nnet = " +
                                    kBig + "\ncluster = big\n");
       return std::string("run --cascade c.ini --out o");
     },
     "stage1.net"},
    {"cascade_single_stage",
     [](const std::string& d) {
       write_text(d + "/c.ini", "[stage1]\nnet = " + kLittle + "\ncluster = little\n[stage2]\nnet =\ncluster =\n");
       return std::string("run --cascade c.ini --out o");
     },
     "stage2.net"},
    {"cascade_bad_metric", [](const std::string&) { return std::string("run --set cascade.metric=vibes --out o"); },
     "cascade.metric"},
    {"memspec_missing",
     [](const std::string&) { return std::string("run --set dram.memspec=/nonexistent/lpddr9.ini --out o"); },
     "lpddr9.ini"},
    // Models.
    {"model_missing", [](const std::string&) { return std::string("inspect --net absent.onnx"); }, "absent.onnx"},
    {"model_empty",
     [](const std::string& d) {
       write_text(d + "/empty.onnx", "");
       return std::string("inspect --net empty.onnx");
     },
     "empty.onnx"},
    {"model_garbage",
     [](const std::string& d) {
       static const char kBytes[] = "\x08\xff\xff\xff\xff\x0f garbage \x12\x99";
       write_text(d + "/garbage.onnx", std::string(kBytes, sizeof kBytes - 1));
       return std::string("inspect --net garbage.onnx");
     },
     "garbage.onnx"},
    {"model_truncated",
     [](const std::string& d) {
       const std::string bytes = read_all(kBig);
       write_text(d + "/half.onnx", bytes.substr(0, bytes.size() / 2));
       return std::string("inspect --net half.onnx --csv o/cost.csv");
     },
     "half.onnx"},
    {"profile_truncated_model",
     [](const std::string& d) {
       const std::string bytes = read_all(kBig);
       write_text(d + "/half.onnx", bytes.substr(0, bytes.size() / 3));
       return std::string("profile --net half.onnx --cluster big --out o");
     },
     "half.onnx"},
    // Tensors.
    {"tensor_missing",
     [](const std::string&) { return "infer --net '" + kLittle + "' --input nothere.pb --output-dir o"; },
     "nothere.pb"},
    {"tensor_garbage",
     [](const std::string& d) {
       static const char kBytes[] = "\x0a\xff\xff\xff\xff\xff junk";
       write_text(d + "/t.pb", std::string(kBytes, sizeof kBytes - 1));
       return "infer --net '" + kLittle + "' --input t.pb --output-dir o";
     },
     "t.pb"},
    // Datasets.
    {"mnist_dir_missing",
     [](const std::string&) {
       return "eval --net '" + kLittle + "' --dataset mnist --split test --set data.mnist_dir=/nonexistent/mnist --out o";
     },
     "/nonexistent/mnist"},
    {"mnist_images_truncated",
     [](const std::string& d) {
       const std::string dir = real_mnist_copy(d);
       const std::string bytes = read_all(dir + "/t10k-images-idx3-ubyte.gz");
       write_text(dir + "/t10k-images-idx3-ubyte.gz", bytes.substr(0, bytes.size() / 2));
       return "eval --net '" + kLittle + "' --dataset mnist --split test --set data.mnist_dir=" + dir + " --out o";
     },
     "t10k-images-idx3-ubyte.gz"},
    {"fashion_labels_truncated",
     [](const std::string& d) {
       const std::string dir = fashion_copy(d);
       const std::string bytes = read_all(dir + "/t10k-labels-idx1-ubyte.gz");
       write_text(dir + "/t10k-labels-idx1-ubyte.gz", bytes.substr(0, bytes.size() / 2));
       return "eval --net '" + kLittle + "' --dataset fashion --split test --set data.fashion_dir=" + dir + " --out o";
     },
     "t10k-labels-idx1-ubyte.gz"},
    {"fashion_images_not_gzip",
     [](const std::string& d) {
       const std::string dir = fashion_copy(d);
       write_text(dir + "/t10k-images-idx3-ubyte.gz", "this is not an IDX file at all");
       return "eval --net '" + kLittle + "' --dataset fashion --split test --set data.fashion_dir=" + dir + " --out o";
     },
     "t10k-images-idx3-ubyte.gz"},
    // Output.
    {"output_folder_is_a_file",
     [](const std::string& d) {
       write_text(d + "/o", "a file where the output folder should go");
       return "eval --net '" + kLittle + "' --dataset mnist --split test --out o/sub";
     },
     "o/sub"},
    // Hardening (issue #11). Class 1: silent wrong or non-finite results.
    {"run_network_with_seven_classes",
     [](const std::string& d) {
       blsim::fixtures::write_linear_classifier(d + "/seven.onnx", 28, 7);
       write_text(d + "/c.ini", blsim::fixtures::cascade_ini("seven.onnx", kBig));
       return std::string("run --cascade c.ini --samples 20 --out o");
     },
     "seven.onnx: output output is float32 [1,7]"},
    {"run_network_for_other_images",
     [](const std::string& d) {
       blsim::fixtures::write_linear_classifier(d + "/small.onnx", 14, 10);
       write_text(d + "/c.ini", blsim::fixtures::cascade_ini("small.onnx", kBig));
       return std::string("run --cascade c.ini --samples 20 --out o");
     },
     "small.onnx: input input [?,1,14,14] does not take mnist images"},
    {"sweep_network_with_seven_classes",
     [](const std::string& d) {
       blsim::fixtures::write_linear_classifier(d + "/seven.onnx", 28, 7);
       write_text(d + "/c.ini", blsim::fixtures::cascade_ini(kLittle, "seven.onnx"));
       return std::string("sweep --cascade c.ini --vary cascade.threshold=0.3,0.5 --samples 20 --out o");
     },
     "seven.onnx: output output"},
    {"eval_network_with_seven_classes",
     [](const std::string& d) {
       blsim::fixtures::write_linear_classifier(d + "/seven.onnx", 28, 7);
       return std::string("eval --net seven.onnx --dataset mnist --split val --out o");
     },
     "seven.onnx: output output"},
    {"model_nan_weight",
     [](const std::string& d) {
       blsim::fixtures::write_linear_classifier(d + "/nan.onnx", 28, 10, std::nanf(""));
       return std::string("inspect --net nan.onnx --csv cost.csv");
     },
     "nan.onnx: initializer W: element 0 is NaN"},
    {"infer_infinite_weight",
     [](const std::string& d) {
       blsim::fixtures::write_linear_classifier(d + "/inf.onnx", 28, 10,
                                                std::numeric_limits<float>::infinity());
       return "infer --net inf.onnx --input '" + kHome + "/README.md' --output-dir o";
     },
     "inf.onnx: initializer W: element 0 is +inf"},
    {"run_stage_with_nan_weight",
     [](const std::string& d) {
       blsim::fixtures::write_linear_classifier(d + "/nan.onnx", 28, 10, -std::nanf(""));
       write_text(d + "/c.ini", blsim::fixtures::cascade_ini("nan.onnx", kBig));
       return std::string("run --cascade c.ini --samples 20 --out o");
     },
     "initializer W: element 0 is NaN"},
    {"train_diverges",
     [](const std::string&) {
       return std::string("train --dataset mnist --arch mlp-tiny --epochs 2 --max-train 300 "
                          "--set train.optimizer=sgd --set train.learning_rate=1e9 --out x.onnx");
     },
     "training diverged"},
    // Class 2: overflowing shape and cost arithmetic.
    {"model_conv_outputs_overflow",
     [](const std::string& d) {
       blsim::fixtures::write_huge_conv(d + "/huge.onnx");
       return std::string("inspect --net huge.onnx");
     },
     "node huge_conv (Conv): tensor shape: the product of [1,16,2147483648,2147483648]"},
    {"model_matmul_macs_overflow",
     [](const std::string& d) {
       blsim::fixtures::write_huge_matmul(d + "/huge.onnx");
       return std::string("inspect --net huge.onnx --csv cost.csv");
     },
     "node huge_matmul (MatMul): MACs: "},
    {"model_relu_elements_overflow",
     [](const std::string& d) {
       blsim::fixtures::write_huge_relu(d + "/huge.onnx");
       return std::string("inspect --net huge.onnx");
     },
     "node huge_relu (Relu): tensor shape: the product of [1,2097152,2097152,2097152]"},
    {"profile_matmul_macs_overflow",
     [](const std::string& d) {
       blsim::fixtures::write_huge_matmul(d + "/huge.onnx");
       return std::string("profile --net huge.onnx --cluster big --out o");
     },
     "node huge_matmul (MatMul): MACs: "},
    // Class 3: inputs that are not regular files.
    {"net_is_a_fifo",
     [](const std::string& d) {
       ::mkfifo((d + "/net.onnx").c_str(), 0600);
       return std::string("inspect --net net.onnx");
     },
     "net.onnx: ONNX model is a FIFO, expected a regular file"},
    {"config_is_a_fifo",
     [](const std::string& d) {
       ::mkfifo((d + "/soc.ini").c_str(), 0600);
       return std::string("run --config soc.ini --out o");
     },
     "soc.ini: config file is a FIFO"},
    {"config_is_dev_zero", [](const std::string&) { return std::string("run --config /dev/zero --out o"); },
     "/dev/zero: config file is a character device"},
    {"config_is_a_directory",
     [](const std::string& d) {
       fs::create_directories(d + "/soc.ini");
       return std::string("run --config soc.ini --out o");
     },
     "soc.ini: config file is a directory"},
    {"dram_queue_of_no_bursts",
     [](const std::string&) { return std::string("dram --memspec " + kHome + "/configs/dram/lpddr4-3200.ini --trace t --set dram.queue_bursts=0"); },
     "dram.queue_bursts"},
    {"memspec_is_dev_urandom",
     [](const std::string&) { return std::string("run --set dram.memspec=/dev/urandom --out o"); },
     "dram.memspec"},
    {"net_is_dev_zero", [](const std::string&) { return std::string("inspect --net /dev/zero"); },
     "/dev/zero: ONNX model is a character device"},
    {"net_is_a_directory",
     [](const std::string& d) {
       fs::create_directories(d + "/dir.onnx");
       return std::string("profile --net dir.onnx --cluster big --out o");
     },
     "dir.onnx: ONNX model is a directory"},
    {"input_is_dev_urandom",
     [](const std::string&) { return "infer --net '" + kLittle + "' --input /dev/urandom --output-dir o"; },
     "/dev/urandom: tensor file is a character device"},
    {"input_is_a_fifo",
     [](const std::string& d) {
       ::mkfifo((d + "/in.pb").c_str(), 0600);
       return "infer --net '" + kLittle + "' --input in.pb --output-dir o";
     },
     "in.pb: tensor file is a FIFO"},
    {"mnist_file_is_a_fifo",
     [](const std::string& d) {
       const std::string dir = real_mnist_copy(d);
       fs::remove(dir + "/t10k-labels-idx1-ubyte.gz");
       ::mkfifo((dir + "/t10k-labels-idx1-ubyte.gz").c_str(), 0600);
       return "eval --net '" + kLittle + "' --dataset mnist --split test --set data.mnist_dir=" + dir + " --out o";
     },
     "t10k-labels-idx1-ubyte.gz: IDX file is a FIFO"},
    {"mnist_file_is_a_directory",
     [](const std::string& d) {
       const std::string dir = real_mnist_copy(d);
       fs::remove(dir + "/t10k-images-idx3-ubyte.gz");
       fs::create_directories(dir + "/t10k-images-idx3-ubyte.gz");
       return "eval --net '" + kLittle + "' --dataset mnist --split test --set data.mnist_dir=" + dir + " --out o";
     },
     "t10k-images-idx3-ubyte.gz: IDX file is a directory"},
    {"fashion_file_is_dev_urandom",
     [](const std::string& d) {
       const std::string dir = fashion_copy(d);
       fs::remove(dir + "/t10k-images-idx3-ubyte.gz");
       fs::create_symlink("/dev/urandom", dir + "/t10k-images-idx3-ubyte.gz");
       return "eval --net '" + kLittle + "' --dataset fashion --split test --set data.fashion_dir=" + dir + " --out o";
     },
     "t10k-images-idx3-ubyte.gz: IDX file is a character device"},
    // Class 4: unsafe writes. /dev/null must survive (hardening_cli_test checks its type).
    {"csv_is_dev_null",
     [](const std::string&) { return "inspect --net '" + kLittle + "' --csv /dev/null"; },
     "/dev/null: output exists and is a character device"},
    {"csv_is_a_symlink",
     [](const std::string& d) {
       write_text(d + "/victim.txt", "precious");
       fs::create_symlink(d + "/victim.txt", d + "/link.csv");
       return "inspect --net '" + kLittle + "' --csv link.csv";
     },
     "link.csv: output exists and is a symbolic link"},
    {"run_output_member_is_a_symlink",
     [](const std::string& d) {
       write_text(d + "/victim.txt", "precious");
       fs::create_directories(d + "/o");
       fs::create_symlink(d + "/victim.txt", d + "/o/summary.csv");
       return std::string("run --samples 20 --out o");
     },
     "o/summary.csv: output exists and is a symbolic link"},
    {"eval_output_member_is_a_fifo",
     [](const std::string& d) {
       fs::create_directories(d + "/o");
       ::mkfifo((d + "/o/predictions.csv").c_str(), 0600);
       return "eval --net '" + kLittle + "' --dataset mnist --split val --out o";
     },
     "o/predictions.csv: output exists and is a FIFO"},
    {"profile_out_is_a_file",
     [](const std::string& d) {
       write_text(d + "/outfile", "not a folder");
       return "profile --net '" + kBig + "' --cluster big --out outfile";
     },
     "outfile: outfile is a regular file, not a folder"},
    {"train_out_folder_missing",
     [](const std::string&) {
       return std::string("train --dataset mnist --arch mlp-tiny --epochs 1 --max-train 100 --out nowhere/x.onnx");
     },
     "nowhere/x.onnx: folder nowhere does not exist"},
    // Class 7: one line, whatever names and values hold.
    {"net_name_with_newline",
     [](const std::string&) { return std::string("inspect --net \"$(printf 'a\\nb.onnx')\""); },
     "a\\nb.onnx: cannot open ONNX model"},
    {"set_key_with_escape",
     [](const std::string&) { return std::string("run --set \"$(printf 'big.\\033[31mcores')=2\" --out o"); },
     "big.\\x1b[31mcores"},
    {"operator_name_with_control_bytes",
     [](const std::string& d) {
       blsim::fixtures::write_control_byte_op(d + "/evil.onnx");
       return std::string("inspect --net evil.onnx");
     },
     "operator Evil\\n\\x1b[2J\\x00Op is not supported"},
    // Class 9: negative sample counts.
    {"run_samples_minus_one", [](const std::string&) { return std::string("run --samples -1 --out o"); },
     "--samples -1"},
    {"sweep_samples_negative",
     [](const std::string&) { return std::string("sweep --vary cascade.threshold=0.5 --samples -7 --out o"); },
     "--samples -7"},
    {"run_samples_equals_negative",
     [](const std::string&) { return std::string("run --samples=-2 --out o"); }, "--samples -2"},
    // Streams, reports, validation, DRAM traces, re-splits.
    {"run_arrival_negative_rate",
     [](const std::string&) { return std::string("run --arrival periodic:-3 --out o"); },
     "cascade.arrival"},
    {"run_dvfs_governor_unknown",
     [](const std::string&) { return std::string("run --dvfs-governor turbo --out o"); },
     "cascade.dvfs_governor"},
    {"run_timeline_folder_missing",
     [](const std::string& d) { return "run --timeline " + d + "/no/such/t.json --out o"; },
     "/no/such"},
    {"run_vcd_over_its_own_summary",
     [](const std::string&) { return std::string("run --out o --vcd o/summary.csv"); },
     "--vcd"},
    {"validate_cases_missing",
     [](const std::string& d) { return "validate --cases " + d + "/none.csv --out o"; },
     "none.csv"},
    {"dram_trace_bad_address",
     [](const std::string& d) {
       write_text(d + "/t.trace", "0x40 READ 5\nzz READ 7\n");
       return "dram --memspec '" + kHome + "/configs/dram/lpddr4-3200.ini' --trace " + d +
              "/t.trace --out o";
     },
     "t.trace:2"},
    {"report_not_an_output_folder",
     [](const std::string& d) { return "report " + d + "/empty"; }, "no summary.csv"},
    {"resplit_zero_resplits",
     [](const std::string&) { return std::string("resplit --resplits 0 --out o"); },
     "--resplits"},
};

void PrintTo(const BadInput& c, std::ostream* os) { *os << c.name; }

class BadInputTable : public ::testing::TestWithParam<BadInput> {};

TEST_P(BadInputTable, ExitsTwoWithOneLineNamingTheCulprit) {
  const BadInput& c = GetParam();
  const std::string dir = ::testing::TempDir() + "blsim-bad-" + c.name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string args = c.setup(dir);
  const auto before = files_below(dir);
  const Outcome o = run_blsim(args, dir);
  EXPECT_EQ(o.status, 2) << "blsim " << args << "\nstderr: " << o.err;
  ASSERT_FALSE(o.err.empty()) << "blsim " << args;
  EXPECT_EQ(o.err.find('\n'), o.err.size() - 1) << "more than one line: " << o.err;
  EXPECT_EQ(o.err.rfind("blsim: ", 0), 0u) << o.err;
  EXPECT_NE(o.err.find(c.culprit), std::string::npos) << "stderr does not name " << c.culprit << ": " << o.err;
  EXPECT_EQ(files_below(dir), before) << "blsim " << args << " left files behind";
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Cli, BadInputTable, ::testing::ValuesIn(kTable),
                         [](const ::testing::TestParamInfo<BadInput>& info) {
                           return std::string(info.param.name);
                         });

TEST(BadInputTable, HasAtLeastThirtyRows) { EXPECT_GE(std::size(kTable), 30u); }

}  // namespace
