// SPDX-License-Identifier: MIT
// Rows of the bad-input table (bad_input_test.cpp) about the files blsim reads and writes: models,
// tensors, datasets, traces and output folders, and files that are not regular files.
#include <cmath>
#include <filesystem>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include <sys/stat.h>

#include "tests/sim/bad_input_table.h"
#include "tests/sim/csv_test_util.h"
#include "tests/sim/hardening_fixtures.h"

namespace fs = std::filesystem;

namespace blsim::bad_input_table {
namespace {

using blsim::testing::read_all;

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
const BadInput kRows[] = {
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
    // Hardening class 1: silent wrong or non-finite results.
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
    {"operator_name_with_control_bytes",
     [](const std::string& d) {
       blsim::fixtures::write_control_byte_op(d + "/evil.onnx");
       return std::string("inspect --net evil.onnx");
     },
     "operator Evil\\n\\x1b[2J\\x00Op is not supported"},
    // Timelines and VCD traces of runs, reports, validation cases, DRAM traces.
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
};

}  // namespace

std::vector<BadInput> file_rows() { return {std::begin(kRows), std::end(kRows)}; }

}  // namespace blsim::bad_input_table
