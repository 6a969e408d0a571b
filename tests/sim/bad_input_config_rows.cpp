// SPDX-License-Identifier: MIT
// Rows of the bad-input table (bad_input_test.cpp) about the command line and the configuration:
// options, config files and keys, the SoC's shape, cascades and memspecs.
#include <filesystem>
#include <iterator>
#include <string>
#include <vector>

#include <sys/stat.h>

#include "tests/sim/bad_input_table.h"

namespace fs = std::filesystem;

namespace blsim::bad_input_table {
namespace {

const BadInput kRows[] = {
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
    // Hardening class 3: config files and memspecs that are not regular files.
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
    {"memspec_is_dev_urandom",
     [](const std::string&) { return std::string("run --set dram.memspec=/dev/urandom --out o"); },
     "dram.memspec"},
    // Hardening class 7: one line, whatever names and values hold.
    {"set_key_with_escape",
     [](const std::string&) { return std::string("run --set \"$(printf 'big.\\033[31mcores')=2\" --out o"); },
     "big.\\x1b[31mcores"},
    // Hardening class 9: negative sample counts.
    {"run_samples_minus_one", [](const std::string&) { return std::string("run --samples -1 --out o"); },
     "--samples -1"},
    {"sweep_samples_negative",
     [](const std::string&) { return std::string("sweep --vary cascade.threshold=0.5 --samples -7 --out o"); },
     "--samples -7"},
    {"run_samples_equals_negative",
     [](const std::string&) { return std::string("run --samples=-2 --out o"); }, "--samples -2"},
    // Streams, DVFS governors, DRAM queues, re-splits.
    {"run_arrival_negative_rate",
     [](const std::string&) { return std::string("run --arrival periodic:-3 --out o"); },
     "cascade.arrival"},
    {"run_dvfs_governor_unknown",
     [](const std::string&) { return std::string("run --dvfs-governor turbo --out o"); },
     "cascade.dvfs_governor"},
    {"dram_queue_of_no_bursts",
     [](const std::string&) { return std::string("dram --memspec " + kHome + "/configs/dram/lpddr4-3200.ini --trace t --set dram.queue_bursts=0"); },
     "dram.queue_bursts"},
    {"dram_refresh_groups_not_dividing_banks",
     [](const std::string&) { return std::string("dram --memspec " + kHome + "/configs/dram/lpddr4-3200.ini --trace t --set dram.banks_per_refresh=3"); },
     "dram.banks_per_refresh"},
    {"resplit_zero_resplits",
     [](const std::string&) { return std::string("resplit --resplits 0 --out o"); },
     "--resplits"},
};

}  // namespace

std::vector<BadInput> config_rows() { return {std::begin(kRows), std::end(kRows)}; }

}  // namespace blsim::bad_input_table
