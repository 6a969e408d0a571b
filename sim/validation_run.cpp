// SPDX-License-Identifier: MIT
#include "sim/validation_run.h"

#include <cmath>
#include <string>

#include "common/number_text.h"
#include "common/user_error.h"
#include "energy/cluster_power.h"
#include "models/network_estimate.h"
#include "models/power_states.h"
#include "sim/validation_nets.h"

namespace blsim {
namespace {

std::string mhz_text(double mhz) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", mhz);
  return buf;
}

double cluster_power_w(const ClusterSpec& cluster, const OperatingPoint& opp, int busy_cores,
                       bool above_idle) {
  ClusterActivity a;
  a.busy_cores = busy_cores;
  a.powered_cores = cluster.cores;
  a.freq_mhz = opp.freq_mhz;
  a.volt_v = opp.volt_v;
  a.compute_s = 1.0;
  a.span_s = 1.0;
  const double busy_w = cluster_energy_of(a, cluster.power).total_j();
  if (!above_idle) return busy_w;
  return busy_w - rest_power_w(cluster, cluster.opps.front(), PowerState::kIdle);
}

NetworkCost stream_layer(const std::string& workload, uint64_t bytes) {
  LayerCost l;
  l.name = "stream_" + workload;
  l.op_type = "Copy";
  l.kind = OpKind::kDataMove;
  l.input_bytes = workload == "write" ? 0 : bytes;
  l.output_bytes = workload == "read" ? 0 : bytes;
  l.output_shape = {static_cast<int64_t>(bytes / 4)};
  NetworkCost net;
  net.layers.push_back(l);
  return net;
}

}  // namespace

ClusterIndex case_cluster(const SocSpec& soc, const ValidationCase& c, size_t* opp_index) {
  const ClusterIndex id = soc.find_cluster(c.cluster);
  if (id == soc.clusters.size()) {
    throw UserError(c.where + ": cluster: the preset " + c.preset + " has no cluster \"" +
                    c.cluster + "\" (its clusters: " + soc.cluster_names() + ")");
  }
  const ClusterSpec& cluster = soc.cluster(id);
  if (c.busy_cores > cluster.cores) {
    throw UserError(c.where + ": busy_cores: " + std::to_string(c.busy_cores) + " but cluster " +
                    c.cluster + " of " + c.preset + " has " + std::to_string(cluster.cores));
  }
  for (size_t i = 0; i < cluster.opps.size(); ++i) {
    if (std::fabs(cluster.opps[i].freq_mhz - c.freq_mhz) <= 0.5) {
      *opp_index = i;
      return id;
    }
  }
  std::string list;
  for (const auto& o : cluster.opps) list += (list.empty() ? "" : ", ") + mhz_text(o.freq_mhz);
  throw UserError(c.where + ": freq_mhz: cluster " + c.cluster + " of " + c.preset +
                  " has no " + mhz_text(c.freq_mhz) + " MHz operating point (it has " + list +
                  ")");
}

double run_case(const SocSpec& preset, const ValidationCase& c) {
  size_t opp = 0;
  const ClusterIndex id = case_cluster(preset, c, &opp);
  SocSpec soc = preset;
  ClusterSpec& cluster = soc.clusters[id];
  cluster.initial_opp = opp;
  if (c.kind == CaseKind::kPower) {
    return cluster_power_w(cluster, cluster.opps[opp], c.busy_cores,
                           c.workload == "busy_above_idle");
  }
  // The workload runs on busy_cores cores; the model spreads a layer over all of a cluster's
  // cores, so the cluster is reduced to those.
  cluster.cores = c.busy_cores;
  if (c.kind == CaseKind::kBandwidth) {
    const NetworkEstimate est =
        estimate_network(soc, id, stream_layer(c.workload, c.size_bytes), "stream");
    return static_cast<double>(c.size_bytes) / est.warm.time_s;
  }
  const NetworkEstimate est = estimate_network(soc, id, validation_net_cost(c.workload), c.workload);
  return est.warm.time_s;
}

}  // namespace blsim
