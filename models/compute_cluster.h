// SPDX-License-Identifier: MIT
// A CPU cluster (every cluster of a preset is this one model with its own spec): cores at a DVFS
// operating point run each layer as tiles whose memory traffic goes out as loosely-timed TLM
// transactions (tlm_quantumkeeper, one sync per quantum, no per-cycle clock). Its spec is
// constant; the operating point and power state are its state. Between runs the cluster rests
// in a power state (models/power_states.h): active (awake), idle (clock-gated, short wake-up),
// parked (clock-gated at the lowest operating point's voltage, a DVFS transition to wake) or off
// (power-gated: no leakage, long wake-up, L2 contents lost). It books every span in the ledger,
// with leakage at the junction temperature of its thermal RC model (models/cluster_thermal.h).
#pragma once

#include <functional>
#include <string>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/tlm_quantumkeeper.h>

#include "energy/energy_breakdown.h"
#include "models/memory_port.h"
#include "models/cluster_thermal.h"
#include "models/soc_accounts.h"
#include "models/soc_spec.h"
#include "workloads/layer_cost.h"

namespace blsim {

class ComputeCluster : public sc_core::sc_module, private MemoryPort {
 public:
  tlm_utils::simple_initiator_socket<ComputeCluster> socket;

  // `soc` must outlive the cluster (SocTop owns both).
  ComputeCluster(sc_core::sc_module_name name, ClusterIndex index, const SocSpec& soc,
                 SocAccounts& accounts);

  // From an SC_THREAD: wakes the cluster if needed, runs every layer (rows (stage, net_name,
  // cluster, layer)), returns to its resting state and the time taken (simulated time advanced).
  sc_core::sc_time run_network(const NetworkCost& net, const std::string& net_name,
                               const std::string& stage);
  // `cycles` on one core at the active OPP (the cascade gate): row (stage, net_name, cluster,
  // row_label).
  sc_core::sc_time run_cycles(double cycles, const std::string& stage, const std::string& net_name,
                              const std::string& row_label);
  // From idle or off to active; books a wake-up row; zero when already active.
  sc_core::sc_time wake_up(const std::string& stage);
  // The state to rest in while not computing (kActive keeps it awake: no wake-up cost).
  void enter(PowerState state);
  PowerState state() const { return state_; }

  // DVFS: selects spec().opps[index] for the following runs.
  void set_opp(size_t index);
  const OperatingPoint& opp() const { return spec().opps.at(opp_index_); }

  ClusterIndex index() const { return index_; }
  const ClusterSpec& spec() const { return soc_.cluster(index_); }
  // Whether a network's weights are in L2 now.
  bool holds_weights_of(const std::string& net_name) const { return resident_net_ == net_name; }

  // Core and SRAM energy booked so far plus the open resting span up to t_s.
  EnergyBreakdown energy_so_far(double t_s) const;
  // Books the resting span up to t_s (idle / off row).
  void close_rest(double t_s);

  // For power-over-time outputs: every booked span of the cluster, in time order, with the state
  // it was in ("active" for layers and gates, "wake", or the resting state's name), the operating
  // point, the ledger row and the cluster's own part of its energy. No observer: no cost.
  struct Span {
    double start_s;
    double end_s;
    const char* state;
    const OperatingPoint& opp;
    const LedgerRow& row;
    const EnergyBreakdown& own;
  };
  void set_span_observer(std::function<void(const Span&)> observer) {
    observer_ = std::move(observer);
  }

 private:
  TransferResult transfer(double issue_s, uint64_t addr, uint64_t bytes, bool write) override;
  double now_s();
  void advance_to(double t_s, bool force_sync);
  void observe(double start_s, double end_s, const char* state, const LedgerRow& row,
               const EnergyBreakdown& own) const {
    if (observer_) observer_(Span{start_s, end_s, state, opp(), row, own});
  }
  // Books a span [start_s, end_s] spent in `state` (leakage at the junction temperature) and
  // shows the booked row to the observer.
  void book(LedgerRow row, EnergyBreakdown own, double start_s, double end_s, const char* state);
  double rest_power_w() const;
  double wake_at(double t_s, const std::string& stage);  // returns the wake-up latency
  void rest_from(double t_s);  // back to the resting state after a run

  ClusterIndex index_;
  const SocSpec& soc_;
  size_t opp_index_;
  SocAccounts& accounts_;
  tlm_utils::tlm_quantumkeeper qk_;
  tlm::tlm_generic_payload trans_;
  PowerState state_ = PowerState::kIdle;
  PowerState rest_state_ = PowerState::kIdle;
  double rest_since_s_ = 0;
  std::string resident_net_;
  EnergyBreakdown spent_;
  std::function<void(const Span&)> observer_;
  double layer_start_s_ = 0;  // for the observer: where the layer being booked began
  ClusterThermal thermal_;
};

}  // namespace blsim
