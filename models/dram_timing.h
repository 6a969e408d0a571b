// SPDX-License-Identifier: MIT
// Timing and state of an LPDDR memory as plain C++ (the TLM target, the fast-path estimator and
// `blsim dram` share it). One call resolves a whole transaction: it is cut at DRAM-row
// boundaries, each piece maps to (channel, rank, bank, row) and is served in arrival order by an
// open-page controller that issues PRE, ACT and one column command per burst, each at the first
// clock every JEDEC constraint allows:
//   bank:    tRCD (ACT to column), tRAS (ACT to PRE), tRTP (READ to PRE), tWR (write data to
//            PRE), tRP (PRE to ACT);
//   rank:    tRRD (ACT to ACT), tFAW (four ACTs), tWTR (write data to READ), tXP / tXSR (power-
//            down / self-refresh exit before the first command);
//   channel: tCCD between column commands, one data burst at a time on the data bus (reads
//            after writes and writes after reads wait for the bus to turn), one command per
//            cmd_ck clocks on the command bus.
// Row hits pipeline (a column command every tCCD). The controller reorders like FR-FCFS over a
// queue of dram.queue_bursts bursts per channel: each bank serves its requests in arrival order,
// but a request may take any command-bus, data-bus and ACT slot that earlier requests left free,
// so requests to ready banks pass one that waits for a conflict, and data may return out of
// order. A request enters the queue when it has a free slot: a slot frees when a burst finishes
// (the bursts of a request finish one every data-bus slot up to its last data). Calls come in
// arrival order; a stream known in advance (a trace) is booked in FR-FCFS order by
// schedule_fr_fcfs (models/dram_scheduler.h), which picks the call order. Refresh follows a fixed
// schedule: all-bank (every tREFI, tRFCab, the whole rank) or per-bank (tRFCpb, the banks in
// turn, banks_per_refresh at once: bank b with b + groups, ..., one group every tREFI / groups
// for groups = banks / banks_per_refresh); a refresh closes the rows it covers. The ranks of a
// channel refresh in turn (rank r first at (r + 1) / ranks of the interval). Idle ranks power down after
// dram.powerdown_idle_ns (waking for each refresh, which runs at active standby) and enter
// self-refresh after dram.selfrefresh_idle_ns (no external refresh, IDD6).
// Writes are posted (with dram.write_queue_high_bursts > 0): a write is done when the channel's
// write queue (write_queue_high_bursts burst slots, a slot free again once its write's data is
// written) takes it, and reads go first; a write that would fill the queue alone goes directly,
// and one the queued writes leave too few slots issues the oldest of them first. The queue
// drains, oldest write first, once it holds
// write_queue_high_bursts bursts (down to write_queue_low_bursts) and, whole, whenever the
// channel has no read left to serve (found at the next request after its last data, which
// is billed those writes' commands); a read of bytes a queued write holds is served from the
// queue, one that overlaps a queued write in part drains the queue up to that write first.
// Writes still queued when the requests end are never issued (nor billed).
// Address map, low to high bits: column, channel, bank, rank, row.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <vector>

#include "energy/dram_power.h"
#include "models/dram_slot_ring.h"
#include "models/soc_spec.h"

namespace blsim {

struct DramAccessResult {
  double done_s = 0;             // last data beat of the transaction
  int64_t issue_ck = 0;          // its first command, in DRAM clocks from time 0
  int64_t end_ck = 0;            // its last data beat, in DRAM clocks
  DramCommandCounts commands;    // ACT, PRE, RD and WR bursts it caused
  uint64_t row_hits = 0;
  uint64_t row_misses = 0;       // bank was closed
  uint64_t row_conflicts = 0;    // another row was open
};

struct DramBackground {
  DramStateTimes states;   // rank-seconds per background state, from time 0
  uint64_t refreshes = 0;  // refreshes (all-bank per rank, or per-bank), from time 0
  uint64_t entry_refreshes = 0;  // all-bank refreshes entering self-refresh, from time 0
};

class DramTiming {
 public:

  explicit DramTiming(const DramSpec& spec);

  // A read or write of `bytes` at `addr` that reaches the controller at arrival_s.
  DramAccessResult access(double arrival_s, uint64_t addr, uint64_t bytes, bool write);

  // Where addr lives: its channel, its rank over all channels (channel * ranks + rank), its bank
  // over all channels and ranks ((channel * ranks + rank) * banks + bank) and its row.
  struct Place {
    size_t channel, rank, bank;
    int64_t row;
  };
  Place place_of(uint64_t addr) const;
  // When a bank could take a request that arrives at `at`, from the bank's own state alone: its
  // open row (-1: none, or closed by a refresh before the request could use it) and the earliest
  // clock of a column command to that row (tRCD, tCCD) or of an ACT for another (tRP after a
  // PRE, which waits for tRAS, tRTP, tWR; not before `at` nor inside a refresh when the bank is
  // closed). An ordering hint for schedule_fr_fcfs (models/dram_scheduler.h).
  struct BankReady {
    int64_t open_row;
    int64_t hit_ck, miss_ck;
  };
  BankReady bank_ready(size_t bank, int64_t at) const;
  int64_t open_row(size_t bank) const { return banks_[bank].open_row; }  // as last booked (-1: none)
  uint64_t queue_capacity_bursts() const { return queue_capacity_; }  // over all channels
  uint64_t request_bursts(uint64_t bytes) const { return bursts_of(bytes); }
  bool crosses_row(uint64_t addr, uint64_t bytes) const {
    return offset_in_row(addr) + bytes > row_bytes_;
  }

  // Background residency up to t_s (closes every rank's idle time up to t_s). Later calls must
  // not go back in time; accesses that arrive before an earlier t_s are counted from t_s on.
  DramBackground background_until(double t_s);

  const DramSpec& spec() const { return spec_; }
  const DramCommandCounts& commands() const { return commands_; }  // cumulative
  uint64_t data_bytes() const { return data_bytes_; }              // cumulative
  uint64_t row_hits() const { return row_hits_; }
  uint64_t row_misses() const { return row_misses_; }
  uint64_t row_conflicts() const { return row_conflicts_; }
  // The memspec's constraints in whole clocks (rounded up), as the controller applies them.
  struct Clocks {
    int64_t rcd, rp, ras, rtp, wr, rrd, faw, wtr, xp, xsr, ccd, rl, wl, burst, cmd;
    int64_t refi, rfc;    // the rank's refresh period and duration (per-bank when so refreshed)
    int64_t bank_refi;    // each bank's refresh period
    int64_t rtw_gap;      // idle clocks on the data bus between read and write data
    int64_t pd_idle, sr_idle;  // idle clocks before power-down / self-refresh (sr 0: never)
  };
  const Clocks& clocks() const { return ck_; }

 private:
  static constexpr int64_t kNever = std::numeric_limits<int64_t>::min() / 4;
  static constexpr int64_t kForever = std::numeric_limits<int64_t>::max() / 4;
  enum class Rest { kAwake, kPowerDown, kSelfRefresh };
  // Indices of Rank::state_ck.
  enum StateIndex { kActStandby, kPreStandby, kActPowerDown, kPrePowerDown, kSelfRefresh };

  // A bank's refresh period: [start, end), refreshing until usable_from, and its number (0:
  // before the first refresh, from kNever; 1: the first).
  struct Period {
    int64_t start = kNever, usable_from = kNever, end = 0, epoch = 0;
  };
  struct Bank {
    int64_t open_row = -1;
    int64_t epoch = 0;             // refreshes of this bank before its last use
    int64_t act_ready = 0;         // earliest ACT (after tRP)
    int64_t col_ready = 0;         // earliest column command (after tRCD)
    int64_t pre_ready = 0;         // earliest PRE (tRAS, tRTP, tWR)
    int64_t last_col = kNever;     // its last column command (tCCD, in order within the bank)
    int64_t refresh_offset = 0;    // start of its first refresh
    mutable Period period;         // the refresh period last asked about
  };
  struct Rank {
    DramSlotRing acts;                 // clocks of its ACTs (tFAW; kept where it can bind)
    DramSlotRing act_starts;           // clocks a new ACT may not take (tRRD)
    int64_t cursor = 0;            // residency is integrated up to here
    int64_t last_data = 0;         // end of the rank's last data transfer
    int64_t refresh_end = 0;       // end of the last refresh the idle rank woke for
    bool open = false;             // some bank may hold an open row
    Rest rest = Rest::kAwake;      // state at the cursor
    std::array<int64_t, 5> state_ck{};  // act/pre standby, act/pre power-down, self-refresh
    uint64_t skipped_refreshes = 0;     // scheduled refreshes that fell in self-refresh
    uint64_t entry_refreshes = 0;       // all-bank refreshes done entering self-refresh
    int64_t sr_entry = -1;              // start of the self-refresh the rank last entered
    int64_t refresh_shift = 0;          // its refreshes start at refresh_shift + k refi, k >= 1
  };
  // What booking a request adds up: its DramAccessResult less the seconds and the refresh
  // counts. Kept apart, and small enough that GCC starts it with a few vector stores: it zeroes a
  // 96-byte DramAccessResult with `rep stosq`, whose start-up made every access about 4 % slower
  // (bench/dram_bench.cpp, BM_Rand64 and BM_Rand64Queued, on a 2-core AMD EPYC host).
  struct Tally {
    int64_t issue_ck = kForever;  // its first command
    int64_t end_ck = 0;           // its last data beat
    uint64_t act = 0, pre = 0, rd = 0, wr = 0;
    uint64_t row_hits = 0, row_misses = 0, row_conflicts = 0;
    void add_counts(const Tally& o) {  // commands and row outcomes, not the clocks
      act += o.act;
      pre += o.pre;
      rd += o.rd;
      wr += o.wr;
      row_hits += o.row_hits;
      row_misses += o.row_misses;
      row_conflicts += o.row_conflicts;
    }
  };
  struct PendingWrite {
    int64_t arrival;
    uint64_t addr, bytes, bursts;  // one row's piece of a posted write
    size_t first_slot;             // its bursts hold slots first_slot, ... of the queue
  };
  struct Channel {
    // Clocks at which a new command, read data or write data may not start (each taken
    // resource blocks the starts that would overlap it or break a bus turnaround), so that the
    // earliest legal start is the first free clock.
    DramSlotRing cmd_starts;       // command bus, cmd_ck clocks a command
    DramSlotRing read_starts;      // data bus for read data (tWTR after write data)
    DramSlotRing write_starts;     // data bus for write data (a gap after read data)
    int64_t busy_until = 0;        // end of the last data it has scheduled
    std::vector<PendingWrite> writes;  // posted writes not yet issued, oldest first
    size_t writes_head = 0;        // writes[0 .. head) are issued
    uint64_t queued_bursts = 0;
    std::array<uint64_t, 4> filter{};  // 1 KiB blocks queued writes may touch (hashed)
    std::vector<int64_t> slot_free;  // per burst slot of the queue: when it is free again
    size_t slot_next = 0;          // the slot the next queued burst takes
  };

  int64_t to_ck(double t_s) const;
  int64_t reserve_command(Channel& ch, int64_t earliest);
  int64_t place_column(Channel& ch, int64_t earliest, bool write) const;
  void take_command(Channel& ch, int64_t c);
  void take_data(Channel& ch, int64_t d, int64_t last, bool write);
  // The bank's refresh period holding t (cached in the bank: most questions about a bank fall
  // in the period asked about before, and then cost two comparisons).
  const Period& period_at(const Bank& bank, int64_t t) const {
    if (t < bank.period.start || t >= bank.period.end) find_period(bank, t);
    return bank.period;
  }
  void find_period(const Bank& bank, int64_t t) const;
  int64_t after_refresh(const Bank& bank, int64_t t) const {  // t, or the end of its refresh
    return std::max(t, period_at(bank, t).usable_from);
  }
  int64_t wake(Rank& rank, int64_t t);
  int64_t faw_clear(const Rank& rank, int64_t a) const;  // a, or a later clock to try (tFAW)
  int64_t activate(Channel& ch, Rank& rank, Bank& bank, int64_t earliest, Tally& r);
  void occupy(Rank& rank, int64_t start, int64_t end) {  // the rank moves commands and data
    if (start > rank.cursor) integrate_idle(rank, start);
    if (end > rank.cursor) {
      rank.state_ck[kActStandby] += end - rank.cursor;  // banks open while commands and data move
      rank.cursor = end;
    }
    rank.last_data = std::max(rank.last_data, end);
    rank.open = true;
    rank.rest = Rest::kAwake;
  }
  void integrate_idle(Rank& rank, int64_t until);
  void add_idle(Rank& rank, int64_t from, int64_t to, int64_t pd_from);
  // Books one row's piece of a request, `bursts` bursts from addr; returns its last data clock.
  int64_t piece(int64_t arrival, uint64_t addr, uint64_t bursts, bool write, Tally& result);
  size_t channel_of(uint64_t addr) const {
    return map_shifts_ ? static_cast<size_t>((addr >> row_shift_) & (static_cast<uint64_t>(spec_.channels) - 1))
                       : static_cast<size_t>(addr / row_bytes_ % static_cast<uint64_t>(spec_.channels));
  }
  uint64_t offset_in_row(uint64_t addr) const {
    return map_shifts_ ? addr & (row_bytes_ - 1) : addr % row_bytes_;
  }
  uint64_t bursts_of(uint64_t bytes) const {  // bursts that carry `bytes`
    return burst_shift_ >= 0 ? (bytes + burst_bytes_ - 1) >> burst_shift_
                             : (bytes + burst_bytes_ - 1) / burst_bytes_;
  }
  static constexpr uint64_t kFilterBlock = 1024;
  static size_t filter_bit(uint64_t addr) {  // of the block holding addr, one of 256
    return static_cast<size_t>((addr / kFilterBlock * 0x9E3779B97F4A7C15ULL) >> 56);
  }
  // Issues the channel's queued writes from `from` on, oldest first, until at most `keep`
  // bursts are queued (or through the entry before index `through_end`).
  void drain(Channel& ch, int64_t from, uint64_t keep, size_t through_end, Tally& result);
  void drain_idle(int64_t t, Tally& result) {  // channels idle before t drain whole
    for (auto& ch : channels_) {
      if (ch.queued_bursts > 0 && ch.busy_until < t) drain(ch, ch.busy_until, 0, 0, result);
    }
  }
  // Whether a queued write may touch the bytes [addr, addr + bytes): one of the channel's queued
  // writes touches a 1 KiB block of them (by the hashed filter; a read longer than a block may).
  bool queued_write_may_touch(const Channel& ch, uint64_t addr, uint64_t bytes) const {
    if (ch.writes_head == ch.writes.size()) return false;
    auto touched = [&](uint64_t a) {
      return ((ch.filter[filter_bit(a) >> 6] >> (filter_bit(a) & 63)) & 1) != 0;
    };
    return bytes > kFilterBlock || touched(addr) || touched(addr + bytes - 1);
  }
  // A read piece that a queued write may touch: 1 when a queued write holds all its bytes, else
  // drains up to the last queued write it overlaps and returns 0.
  bool read_from_queue(Channel& ch, int64_t t, uint64_t addr, uint64_t bytes, Tally& result);

  DramSpec spec_;
  Clocks ck_{};
  double tck_s_ = 0;
  double per_tck_ = 0;  // 1 / tck_s_
  std::vector<Bank> banks_;         // [channel][rank][bank]
  std::vector<Rank> ranks_;         // [channel][rank]
  std::vector<Channel> channels_;   // [channel]
  struct Held {       // a request in the queue
    int64_t end;      // its last data
    uint64_t bursts;  // its bursts not yet finished (they finish one a data-bus slot up to end)
  };
  int64_t queue_entry();          // when a full queue next frees a slot (0: not full)
  void hold(const Held& h);       // puts a request in the queue
  std::vector<Held> queue_held_;  // the requests the queue holds from queue_head_ on, by end
  size_t queue_head_ = 0;
  uint64_t queue_bursts_ = 0;     // their bursts not yet finished
  uint64_t queue_capacity_ = 0;   // in bursts, over all channels
  bool batch_columns_ = false;  // a row's bursts can be booked as one run (see piece)
  bool faw_binds_ = false;      // tFAW can bind beyond tRRD (> 4 tRRD): ACTs are counted
  uint64_t row_bytes_ = 0, burst_bytes_ = 0;  // of the spec
  int burst_shift_ = -1;                       // log2 of burst_bytes_, or -1
  bool map_shifts_ = false;  // row size, channels, banks and ranks are powers of two
  bool rows_pow2_ = false;
  int row_shift_ = 0, channel_shift_ = 0, bank_shift_ = 0, rank_shift_ = 0;
  DramCommandCounts commands_;
  uint64_t data_bytes_ = 0;
  uint64_t row_hits_ = 0;
  uint64_t row_misses_ = 0;
  uint64_t row_conflicts_ = 0;
};

// The address map (low to high bits: column, channel, bank, rank, row), with shifts and masks
// when row size, channels, banks and ranks are powers of two.
inline DramTiming::Place DramTiming::place_of(uint64_t addr) const {
  const uint64_t channels = static_cast<uint64_t>(spec_.channels);
  const uint64_t banks = static_cast<uint64_t>(spec_.banks);
  const uint64_t ranks = static_cast<uint64_t>(spec_.ranks);
  const uint64_t rows = static_cast<uint64_t>(spec_.rows);
  uint64_t channel, bank, rank, r;
  if (map_shifts_) {
    const uint64_t chunk = addr >> row_shift_;
    channel = chunk & (channels - 1);
    const uint64_t rest = chunk >> channel_shift_;
    bank = rest & (banks - 1);
    rank = (rest >> bank_shift_) & (ranks - 1);
    r = rest >> (bank_shift_ + rank_shift_);
  } else {
    const uint64_t chunk = addr / row_bytes_;
    channel = chunk % channels;
    const uint64_t rest = chunk / channels;
    bank = rest % banks;
    rank = rest / banks % ranks;
    r = rest / banks / ranks;
  }
  const uint64_t rank_index = channel * ranks + rank;
  return {static_cast<size_t>(channel), static_cast<size_t>(rank_index),
          static_cast<size_t>(rank_index * banks + bank),
          static_cast<int64_t>(rows_pow2_ ? r & (rows - 1) : r % rows)};
}

inline DramTiming::BankReady DramTiming::bank_ready(size_t bank_index, int64_t at) const {
  const Bank& bank = banks_[bank_index];
  const int64_t hit = std::max(bank.col_ready, bank.last_col + ck_.ccd);
  if (bank.open_row >= 0) {
    const Period& p = period_at(bank, std::max(hit, at));
    if (p.epoch == bank.epoch) {
      return {bank.open_row, hit, std::max(bank.act_ready, bank.pre_ready + ck_.rp)};
    }
    // A refresh closes the row first: the bank reopens after the refresh that holds `at`.
    return {-1, hit, std::max({bank.act_ready, at, p.usable_from})};
  }
  return {-1, hit, after_refresh(bank, std::max(bank.act_ready, at))};
}

}  // namespace blsim
