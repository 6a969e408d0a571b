// SPDX-License-Identifier: MIT
#include "models/compute_cluster.h"

#include <algorithm>
#include <stdexcept>

#include "models/layer_pricing.h"
#include "models/network_run.h"
#include "models/power_states.h"
#include "models/sim_time.h"
#include "models/transfer_extension.h"

namespace blsim {

ComputeCluster::ComputeCluster(sc_core::sc_module_name name, ClusterIndex index,
                               const SocSpec& soc, SocAccounts& accounts)
    : sc_core::sc_module(name),
      socket("socket"),
      index_(index),
      soc_(soc),
      opp_index_(soc.cluster(index).initial_opp),
      accounts_(accounts),
      thermal_(soc.cluster(index).thermal) {
  prepare_transfer_payload(trans_);
}

double ComputeCluster::now_s() { return to_seconds(qk_.get_current_time()); }

void ComputeCluster::advance_to(double t_s, bool force_sync) {
  const sc_core::sc_time target = from_seconds(t_s);
  const sc_core::sc_time now = sc_core::sc_time_stamp();
  qk_.set(target > now ? target - now : sc_core::SC_ZERO_TIME);
  if (force_sync || qk_.need_sync()) qk_.sync();
}

TransferResult ComputeCluster::transfer(double issue_s, uint64_t addr, uint64_t bytes,
                                        bool write) {
  // Keep issue times within one quantum of the kernel's time, so that the other cluster's
  // transactions meet the shared interconnect and DRAM in nearly their simulated order.
  const sc_core::sc_time issue = from_seconds(issue_s);
  if (issue > sc_core::sc_time_stamp()) {
    qk_.set(issue - sc_core::sc_time_stamp());
    if (qk_.need_sync()) qk_.sync();
  }
  const sc_core::sc_time now = sc_core::sc_time_stamp();
  // The interconnect stamps the cluster from the port; index_ is what it will find.
  return send_transfer(socket, trans_, index_, issue > now ? issue - now : sc_core::SC_ZERO_TIME,
                       addr, bytes, write, name());
}

void ComputeCluster::book(LedgerRow row, EnergyBreakdown own, double start_s, double end_s,
                          const char* state) {
  // Rows come priced at the leakage reference temperature: leakage follows the junction's mean
  // temperature over the row, which the cores' power heats (or lets cool).
  const double factor = thermal_.span(row.time_s, own.core_dyn_j, own.core_static_j, spec().power);
  row.energy.core_static_j += own.core_static_j * (factor - 1);
  own.core_static_j *= factor;
  // Only the cluster's own parts (cores, L2): SocTop counts the interconnect, the shared caches
  // and DRAM from their own models.
  spent_.core_dyn_j += own.core_dyn_j;
  spent_.core_static_j += own.core_static_j;
  spent_.sram_j += own.sram_j;
  observe(start_s, end_s, state, row, own);
  accounts_.ledger().add(row);
}

double ComputeCluster::rest_power_w() const {
  return blsim::rest_power_w(spec(), opp(), state_);
}

void ComputeCluster::close_rest(double t_s) {
  // Spans below the kernel's 1 ps resolution are rounding between sc_time and seconds.
  if (t_s <= rest_since_s_ + 0.5e-12) return;
  LedgerRow row;
  row.stage = "idle";
  row.cluster = spec().name;
  row.layer = power_state_name(state_);
  row.op = "idle";
  row.calls = 1;
  row.time_s = t_s - rest_since_s_;
  row.energy.core_static_j = rest_power_w() * row.time_s;
  book(row, row.energy, rest_since_s_, t_s, power_state_name(state_));
  rest_since_s_ = t_s;
}

EnergyBreakdown ComputeCluster::energy_so_far(double t_s) const {
  EnergyBreakdown e = spent_;
  if (t_s > rest_since_s_) {
    const double span_s = t_s - rest_since_s_;
    const double leak_j = rest_power_w() * span_s;
    e.core_static_j += leak_j * thermal_.span_factor(span_s, 0, leak_j, spec().power);
  }
  return e;
}

double ComputeCluster::wake_at(double t_s, const std::string& stage) {
  if (state_ == PowerState::kActive) return 0;
  const WakeCost cost = wake_cost(spec(), opp(), state_);
  LedgerRow row;
  row.stage = stage;
  row.cluster = spec().name;
  row.layer = std::string("wake_from_") + power_state_name(state_);
  row.op = "wake";
  row.calls = 1;
  row.time_s = cost.latency_s;
  row.cycles = row.time_s * opp().freq_mhz * 1e6;
  // Restoring power and state is switching energy; the cluster leaks while it wakes.
  row.energy.core_dyn_j = cost.switching_j;
  row.energy.core_static_j = cost.leakage_j;
  book(row, row.energy, t_s, t_s + row.time_s, "wake");
  state_ = PowerState::kActive;
  rest_since_s_ = t_s + row.time_s;
  return row.time_s;
}

sc_core::sc_time ComputeCluster::wake_up(const std::string& stage) {
  const double t0 = now_s();
  close_rest(t0);
  const double latency_s = wake_at(t0, stage);
  advance_to(t0 + latency_s, true);
  return from_seconds(latency_s);
}

void ComputeCluster::enter(PowerState state) {
  const double t = now_s();
  close_rest(t);
  rest_state_ = state;
  if (state == PowerState::kActive) {
    advance_to(t + wake_at(t, "wake"), true);
    return;
  }
  state_ = state;
  if (state == PowerState::kOff) resident_net_.clear();  // power-gated L2 loses its contents
}

void ComputeCluster::rest_from(double t_s) {
  state_ = rest_state_;
  rest_since_s_ = t_s;
  if (state_ == PowerState::kOff) resident_net_.clear();  // power-gated L2 loses its contents
}

void ComputeCluster::set_opp(size_t index) {
  if (index >= spec().opps.size()) {
    throw std::out_of_range(std::string(name()) + ": no operating point " + std::to_string(index));
  }
  close_rest(now_s());  // the resting span so far leaked at the old voltage
  opp_index_ = index;
}

sc_core::sc_time ComputeCluster::run_network(const NetworkCost& net, const std::string& net_name,
                                             const std::string& stage) {
  const double t0 = now_s();
  close_rest(t0);
  const double start_s = t0 + wake_at(t0, stage);
  layer_start_s_ = start_s;
  const NetworkRunContext ctx{soc_, index_, opp(), accounts_, *this,
                              [this](double t_s) { advance_to(t_s, false); },
                              [this](const LedgerRow& row, const EnergyBreakdown& own) {
                                book(row, own, layer_start_s_, layer_start_s_ + row.time_s,
                                     "active");
                                layer_start_s_ += row.time_s;
                              }};
  const NetworkRunResult r =
      run_network_layers(ctx, net, net_name, stage, start_s, resident_net_ == net_name);
  resident_net_ = r.weights_fit ? net_name : std::string();
  advance_to(r.end_s, true);
  rest_from(r.end_s);
  return from_seconds(r.end_s - t0);
}

sc_core::sc_time ComputeCluster::run_cycles(double cycles, const std::string& stage,
                                            const std::string& net_name,
                                            const std::string& row_label) {
  const double t0 = now_s();
  close_rest(t0);
  const double start_s = t0 + wake_at(t0, stage);
  LedgerRow row =
      price_cycles(cycles, soc_, opp(), RowLabel{stage, net_name, index_, row_label, "gate"});
  const double end_s = start_s + row.time_s;
  advance_to(end_s, true);
  const EnergyBreakdown own = row.energy;
  const EnergyBreakdown background = accounts_.claim_background(start_s, end_s);
  row.energy.dram_static_j += background.dram_static_j;
  row.energy.sram_j += background.sram_j;
  book(row, own, start_s, end_s, "active");
  rest_from(end_s);
  return from_seconds(end_s - t0);
}

}  // namespace blsim
