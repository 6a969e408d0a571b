// SPDX-License-Identifier: MIT
// Power over time: a recorder that fills a RunTrace (sim/run_trace.h) from what each cluster
// books during a timing pass, and states.csv written from it (cluster, start_s, end_s, state,
// freq_mhz, volt_v, power_w), one row per interval of power state and operating point. A
// cluster's intervals tile the pass's simulated time. freq_mhz and volt_v are the operating point
// the cluster is set to (its clock is gated while idle); parked: the lowest operating point's;
// off: 0. power_w is the cluster's own average power over the interval (cores and L2).
#pragma once

#include <string>
#include <vector>

#include "sim/run_trace.h"

namespace blsim {

class SocTop;

class StateRecorder {
 public:
  // Observes every cluster of `soc` (which must outlive the recording) into `trace`.
  StateRecorder(SocTop& soc, RunTrace& trace);
  // The input the cluster's next slices serve.
  void set_input(size_t cluster, size_t input) { input_[cluster] = input; }
  // Closes every cluster's last interval at end_s (after SocTop::finish()).
  void finish(double end_s);

 private:
  struct Open {
    bool open = false;
    StateInterval interval;
    double energy_j = 0;
  };
  void close(Open& o);

  RunTrace& trace_;
  std::vector<Open> open_;
  std::vector<size_t> input_;
  std::vector<double> slice_end_;  // end of each cluster's last slice
  std::vector<std::vector<StateInterval>> per_cluster_;
};

void write_states_csv(const std::string& path, const RunTrace& trace);

}  // namespace blsim
