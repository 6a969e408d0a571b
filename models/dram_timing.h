// SPDX-License-Identifier: MIT
// Timing and state of an LPDDR memory as plain C++ (the TLM target and the fast-path estimator
// share it). One call resolves a whole transaction: it is cut at DRAM-row boundaries, each piece
// maps to (channel, rank, bank, row) and costs a row hit, miss or conflict (open-page policy)
// plus its bursts at max(tCCD, BL/2) spacing on the channel's data bus. All-bank refresh every
// tREFI blocks the rank for tRFC and closes its rows. Ranks idle longer than the power-down
// timeout are in power-down. Address map, low to high bits: column, channel, bank, rank, row.
#pragma once

#include <cstdint>
#include <vector>

#include "energy/dram_power.h"
#include "models/soc_spec.h"

namespace blsim {

struct DramAccessResult {
  double done_s = 0;             // last data beat of the transaction
  DramCommandCounts commands;    // ACT, PRE, RD and WR bursts it caused
  uint64_t row_hits = 0;
  uint64_t row_misses = 0;       // bank was closed
  uint64_t row_conflicts = 0;    // another row was open
};

struct DramBackground {
  DramStateTimes states;   // rank-seconds per background state, from time 0
  uint64_t refreshes = 0;  // all-bank refreshes, summed over ranks, from time 0
};

class DramTiming {
 public:
  explicit DramTiming(const DramSpec& spec);

  // A read or write of `bytes` at `addr` that reaches the controller at arrival_s.
  DramAccessResult access(double arrival_s, uint64_t addr, uint64_t bytes, bool write);

  // Background residency up to t_s (closes every rank's idle time up to t_s). Later calls must
  // not go back in time; accesses that arrive before an earlier t_s are counted from t_s on.
  DramBackground background_until(double t_s);

  const DramSpec& spec() const { return spec_; }
  const DramCommandCounts& commands() const { return commands_; }  // cumulative
  uint64_t data_bytes() const { return data_bytes_; }              // cumulative
  uint64_t row_hits() const { return row_hits_; }
  uint64_t row_misses() const { return row_misses_; }
  uint64_t row_conflicts() const { return row_conflicts_; }

 private:
  struct Bank {
    int64_t open_row = -1;
    int64_t refresh_epoch = 0;     // tREFI interval of its last use; a later one closed the row
    double ready_s = 0;            // bank free for its next command
    double act_s = -1;             // time of its last ACT (tRAS)
    double write_end_s = -1;       // end of its last write burst (tWR)
  };
  struct Rank {
    double cursor_s = 0;           // residency is integrated up to here
    double last_end_s = 0;         // end of the rank's last data transfer
    bool open = false;             // some bank holds an open row
    DramStateTimes states;
  };

  void occupy(Rank& rank, double start_s, double end_s);
  void integrate_idle(Rank& rank, double until_s);
  double access_piece(double arrival_s, uint64_t addr, uint64_t bytes, bool write,
                      DramAccessResult& result);

  DramSpec spec_;
  std::vector<Bank> banks_;         // [channel][rank][bank]
  std::vector<Rank> ranks_;         // [channel][rank]
  std::vector<double> bus_free_s_;  // [channel]
  DramCommandCounts commands_;
  uint64_t data_bytes_ = 0;
  uint64_t row_hits_ = 0;
  uint64_t row_misses_ = 0;
  uint64_t row_conflicts_ = 0;
};

}  // namespace blsim
