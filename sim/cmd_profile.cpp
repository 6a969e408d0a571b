// SPDX-License-Identifier: MIT
// blsim profile: runs one network on one cluster of the simulated SoC (the other clusters power-
// gated), N inferences back to back after an optional warm-up, and reports per layer the time,
// throughput, energy by component and which bound held (compute, L2, DRAM bandwidth, or
// latency / memory-level parallelism: models/core_model.h).
// Writes DIR/layers.csv (the whole ledger) and DIR/summary.csv (one row).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <systemc>

#include "common/csv_writer.h"
#include "models/core_model.h"
#include "models/fresh_kernel.h"
#include "models/layer_plan.h"
#include "models/sim_time.h"
#include "models/soc_top.h"
#include "sim/command_line.h"
#include "sim/commands.h"
#include "sim/soc_config.h"
#include "sim/states_csv.h"
#include "sim/trace_files.h"
#include "common/output_set.h"
#include "workloads/graph.h"
#include "common/user_error.h"

namespace blsim {
namespace {

constexpr const char* kStage = "profile";

struct ProfileResult {
  double time_s = 0;
  EnergyBreakdown energy;  // of the profiled inferences, from the models' counters
  EnergyLedger ledger;
};

class ProfileDriver : public sc_core::sc_module {
 public:
  SC_HAS_PROCESS(ProfileDriver);
  ProfileDriver(sc_core::sc_module_name name, SocTop& soc, ClusterIndex id, const NetworkCost& net,
                const std::string& net_name, int inferences, bool warm_up, ProfileResult& out,
                StateRecorder* recorder)
      : sc_core::sc_module(name), soc_(soc), id_(id), net_(net), net_name_(net_name),
        inferences_(inferences), warm_up_(warm_up), out_(out), recorder_(recorder) {
    SC_THREAD(run);
  }

 private:
  void run() {
    for (ClusterIndex c = 0; c < soc_.cluster_count(); ++c) {
      if (c != id_) soc_.cluster(c).enter(PowerState::kOff);
    }
    ComputeCluster& cluster = soc_.cluster(id_);
    cluster.enter(PowerState::kActive);
    if (warm_up_) cluster.run_network(net_, net_name_, "warm-up");
    const sc_core::sc_time t0 = sc_core::sc_time_stamp();
    const EnergyBreakdown e0 = soc_.energy_so_far();
    for (int i = 0; i < inferences_; ++i) {
      if (recorder_ != nullptr) recorder_->set_input(id_, static_cast<size_t>(i));
      cluster.run_network(net_, net_name_, kStage);
    }
    out_.time_s = to_seconds(sc_core::sc_time_stamp() - t0);
    EnergyBreakdown e = soc_.energy_so_far();
    e += e0 * -1.0;
    out_.energy = e;
    soc_.finish();
    out_.ledger = soc_.ledger();
    if (recorder_ != nullptr) recorder_->finish(to_seconds(sc_core::sc_time_stamp()));
  }  // the kernel runs out of events and sc_start() returns

  SocTop& soc_;
  ClusterIndex id_;
  const NetworkCost& net_;
  std::string net_name_;
  int inferences_;
  bool warm_up_;
  ProfileResult& out_;
  StateRecorder* recorder_;  // records states and slices for --vcd / --timeline, when given
};

// Which bound held for each layer: the longest of its compute time (shape-aware, fork/join
// included), its L2 traffic at the L2 bandwidth, its DRAM traffic at the lowest of the DRAM
// peak, the interconnect and the cluster's port, and its DRAM traffic at the cores'
// memory-level-parallelism ceiling (line fills in flight x line / fill latency).
BoundTimes layer_bounds(const LedgerRow& row, const LayerCost& layer, const SocSpec& soc,
                        ClusterIndex id) {
  const ClusterSpec& c = soc.cluster(id);
  const OperatingPoint& opp = c.initial_point();
  const double calls = static_cast<double>(std::max<uint64_t>(row.calls, 1));
  const double dram_bytes = static_cast<double>(row.dram_read_bytes + row.dram_write_bytes) / calls;
  double bandwidth = std::min(soc.dram.peak_bandwidth_bytes_per_s(), soc.noc.bandwidth_bytes_per_s);
  if (c.port_bytes_per_s > 0) bandwidth = std::min(bandwidth, c.port_bytes_per_s);
  BoundTimes b;
  b.compute_s = layer_compute_time_s(layer, c, opp) + layer_fork_join_s(layer, c);
  b.l2_s = l2_time_s(static_cast<uint64_t>(static_cast<double>(row.l2_bytes) / calls), c, opp);
  b.dram_s = dram_bytes / bandwidth;
  const double latency_s = line_fill_latency_s(c, soc);
  const int cores = std::max(cores_used(layer, c), 1);
  if (c.mshrs > 0 && latency_s > 0) {
    b.mlp_s = dram_bytes * latency_s / (cores * c.mshrs * static_cast<double>(c.line_bytes));
  }
  return b;
}

void print_table(const ProfileResult& r, const NetworkCost& net, const std::string& net_name,
                 const SocSpec& soc, ClusterIndex id, int inferences) {
  const ClusterSpec& c = soc.cluster(id);
  const OperatingPoint& opp = c.initial_point();
  double bandwidth = std::min(soc.dram.peak_bandwidth_bytes_per_s(), soc.noc.bandwidth_bytes_per_s);
  if (c.port_bytes_per_s > 0) bandwidth = std::min(bandwidth, c.port_bytes_per_s);
  std::map<std::string, const LayerCost*> by_name;
  for (const auto& l : net.layers) by_name[l.name] = &l;
  size_t name_w = 5;
  for (const auto& l : net.layers) name_w = std::max(name_w, l.name.size());
  const int nw = static_cast<int>(name_w);
  std::printf("%s on %s cluster (%d x %s at %.0f MHz, %.4g V), %d inference%s; per inference:\n",
              net_name.c_str(), c.name.c_str(), c.cores, c.core.c_str(),
              opp.freq_mhz, opp.volt_v, inferences, inferences == 1 ? "" : "s");
  std::printf("%-*s  %-10s %10s %8s  %9s %9s %9s %9s %9s %10s %9s  %-7s %10s %10s %10s %10s\n",
              nw, "layer", "op", "time_us", "GFLOP/s", "core_uJ", "leak_uJ", "sram_uJ", "noc_uJ",
              "dram_uJ", "dram_bg_uJ", "total_uJ", "bound", "comp_us", "l2_us", "dram_us",
              "mlp_us");
  for (const auto& row : r.ledger.rows()) {
    if (row.stage != kStage) continue;
    const auto it = by_name.find(row.layer);
    if (it == by_name.end()) continue;
    const double calls = static_cast<double>(std::max<uint64_t>(row.calls, 1));
    const double t_s = row.time_s / calls;
    const BoundTimes b = layer_bounds(row, *it->second, soc, id);
    const double gflops = t_s > 0 ? static_cast<double>(it->second->flops) / t_s * 1e-9 : 0;
    const EnergyBreakdown e = row.energy * (1e6 / calls);
    std::printf("%-*s  %-10s %10.3f %8.3f  %9.3f %9.3f %9.3f %9.3f %9.3f %10.3f %9.3f  %-7s "
                "%10.3f %10.3f %10.3f %10.3f\n",
                nw, row.layer.c_str(), row.op.c_str(), t_s * 1e6, gflops, e.core_dyn_j,
                e.core_static_j, e.sram_j, e.noc_j, e.dram_dyn_j, e.dram_static_j, e.total_j(),
                layer_bound_name(b.bound()), b.compute_s * 1e6, b.l2_s * 1e6, b.dram_s * 1e6,
                b.mlp_s * 1e6);
  }
  const EnergyBreakdown per = r.energy * (1.0 / inferences);
  std::printf("per inference: %.3f us, %.3f uJ (core %.3f, leakage %.3f, SRAM %.3f, NoC %.3f, "
              "DRAM %.3f, DRAM background %.3f)\n",
              r.time_s / inferences * 1e6, per.total_j() * 1e6, per.core_dyn_j * 1e6,
              per.core_static_j * 1e6, per.sram_j * 1e6, per.noc_j * 1e6, per.dram_dyn_j * 1e6,
              per.dram_static_j * 1e6);
  const double mlp = mlp_bytes_per_s(c, soc, 1);
  std::printf("roofline: compute %.3f GMAC/s peak (%d cores x %.0f MAC/cycle x %.0f MHz), "
              "memory %.3f GB/s (min of DRAM peak, interconnect and cluster port), "
              "L2 %.3f GB/s, one core's line fills %.3f GB/s (%.0f x %llu B / %.1f ns)\n",
              c.cores * c.macs_per_cycle * opp.freq_mhz * 1e-3, c.cores, c.macs_per_cycle,
              opp.freq_mhz, bandwidth * 1e-9, c.l2_bytes_per_cycle * opp.freq_mhz * 1e-3,
              mlp * 1e-9, c.mshrs, static_cast<unsigned long long>(c.line_bytes),
              line_fill_latency_s(c, soc) * 1e9);
}

void write_summary(const std::string& path, const ProfileResult& r, const NetworkCost& net,
                   const std::string& net_name, const SocSpec& soc, ClusterIndex id, int inferences,
                   bool warm_up) {
  uint64_t read_bytes = 0, write_bytes = 0;
  for (const auto& row : r.ledger.rows()) {
    if (row.stage != kStage) continue;
    read_bytes += row.dram_read_bytes;
    write_bytes += row.dram_write_bytes;
  }
  const double n = inferences;
  const EnergyBreakdown& e = r.energy;
  CsvWriter csv(path, {"net", "cluster", "soc", "freq_mhz", "inferences", "warm_up", "time_s",
                       "time_per_inference_s", "energy_core_dyn_j", "energy_core_static_j",
                       "energy_sram_j", "energy_noc_j", "energy_dram_dyn_j",
                       "energy_dram_static_j", "energy_total_j", "energy_per_inference_j",
                       "macs_per_inference", "gflops_per_s", "dram_read_bytes_per_inference",
                       "dram_write_bytes_per_inference"});
  csv << net_name << soc.cluster(id).name << soc.name << soc.cluster(id).initial_point().freq_mhz
      << inferences
      << (warm_up ? 1 : 0) << r.time_s << r.time_s / n << e.core_dyn_j << e.core_static_j
      << e.sram_j << e.noc_j << e.dram_dyn_j << e.dram_static_j << e.total_j() << e.total_j() / n
      << net.total_macs()
      << (r.time_s > 0 ? static_cast<double>(net.total_flops()) * n / r.time_s * 1e-9 : 0.0)
      << static_cast<double>(read_bytes) / n << static_cast<double>(write_bytes) / n;
  csv.end_row();
  csv.commit();
}

}  // namespace

int cmd_profile(const Args& args) {
  CommandLine cl("profile",
                 "run one network on one cluster of the SoC and report per-layer time and energy",
                 "blsim profile --net workloads/nets/mnist-big.onnx --cluster big --inferences 10");
  cl.add_base_file(default_soc_preset());
  cl.options().add_options()
      ("net", po::value<std::string>()->required(), "ONNX model file")
      ("cluster", po::value<std::string>()->default_value("big"),
       "the cluster that runs it: a name from the SoC's soc.clusters")
      ("inferences", po::value<int>()->default_value(1), "inferences to profile, back to back")
      ("warm-up", "run one inference first (weights then start in L2 if they fit)")
      ("out", po::value<std::string>()->default_value("out"), "folder for layers.csv, summary.csv")
      ("vcd", po::value<std::string>(),
       "also write the clusters' power over time as a Value Change Dump (GTKWave) to FILE")
      ("timeline", po::value<std::string>(),
       "also write the timeline as Trace Event JSON (ui.perfetto.dev) to FILE");
  if (!cl.parse(args)) return 0;
  const int inferences = cl.get<int>("inferences");
  if (inferences < 1) {
    throw UserError("profile: --inferences: expected a positive integer, got " +
                    std::to_string(inferences));
  }
  const bool warm_up = cl.has("warm-up");
  const SocSpec soc = soc_spec_from(cl.config());
  const std::string cluster_text = cl.get<std::string>("cluster");
  const ClusterIndex id = soc.find_cluster(cluster_text);
  if (id == soc.clusters.size()) {
    throw UserError("profile: --cluster: the SoC " + soc.name + " has no cluster \"" +
                    cluster_text + "\" (its clusters: " + soc.cluster_names() + ")");
  }
  const std::string net_path = cl.get<std::string>("net");
  const Graph graph = Graph::load(net_path);
  const NetworkCost net = graph.cost();
  const std::string net_name = std::filesystem::path(net_path).stem().string();
  const std::string out_dir = cl.get<std::string>("out");
  const std::vector<std::string> own = {"layers.csv", "summary.csv"};
  const TraceFiles traces(cl.has("vcd") ? cl.get<std::string>("vcd") : "",
                          cl.has("timeline") ? cl.get<std::string>("timeline") : "", out_dir,
                          own);
  OutputSet outputs(out_dir, traces.output_names(own));
  const bool traced = traces.wanted();
  RunTrace trace;

  ProfileResult result;
  fresh_simulation_kernel();
  {
    SocTop top("soc", soc);
    std::unique_ptr<StateRecorder> recorder;
    if (traced) recorder = std::make_unique<StateRecorder>(top, trace);
    ProfileDriver driver("profile", top, id, net, net_name, inferences, warm_up, result,
                         recorder.get());
    sc_core::sc_start();
  }
  print_table(result, net, net_name, soc, id, inferences);
  result.ledger.write_layers_csv(outputs.path("layers.csv"));
  write_summary(outputs.path("summary.csv"), result, net, net_name, soc, id, inferences, warm_up);
  traces.write(trace, outputs);
  outputs.commit();
  std::printf("wrote %s and %s\n", outputs.final_path("layers.csv").c_str(),
              outputs.final_path("summary.csv").c_str());
  traces.print(std::cout, "profile");
  return 0;
}

}  // namespace blsim
