// SPDX-License-Identifier: MIT
#include "models/dram_timing.h"

#include <algorithm>
#include <cmath>

namespace blsim {
namespace {

// Idle clocks on the data bus between read data and the following write data (DQ turnaround;
// estimate: JEDEC specifies it through RL, WL, tDQSCK and the preambles).
constexpr int64_t kReadToWriteGap = 2;

}  // namespace

// The clock at or after t_s (within 1e-6 of a clock counts as that clock): by the reciprocal and
// an integer ceiling, as every request asks it.
int64_t DramTiming::to_ck(double t_s) const {
  const double x = t_s * per_tck_ - 1e-6;
  const auto k = static_cast<int64_t>(x);
  return k + (static_cast<double>(k) < x ? 1 : 0);
}

DramTiming::DramTiming(const DramSpec& spec)
    : spec_(spec),
      tck_s_(spec.tck_s()),
      per_tck_(1.0 / spec.tck_s()),
      banks_(static_cast<size_t>(spec.channels) * spec.ranks * spec.banks),
      ranks_(static_cast<size_t>(spec.channels) * spec.ranks),
      channels_(static_cast<size_t>(spec.channels)) {
  auto ck = [&](double s) { return std::max<int64_t>(0, to_ck(s)); };
  const DramPowerParams& p = spec.power;
  ck_.rcd = ck(spec.trcd_s);
  ck_.rp = ck(p.trp_s);
  ck_.ras = ck(p.tras_s);
  ck_.rtp = ck(spec.trtp_s);
  ck_.wr = ck(spec.twr_s);
  ck_.rrd = ck(spec.trrd_s);
  ck_.faw = ck(spec.tfaw_s);
  ck_.wtr = ck(spec.twtr_s);
  ck_.xp = ck(spec.txp_s);
  ck_.xsr = ck(spec.txsr_s);
  ck_.ccd = spec.tccd_ck;
  ck_.rl = spec.cl_ck;
  ck_.wl = spec.wl_ck;
  ck_.burst = spec.burst_length() / 2;
  ck_.cmd = std::max(1, spec.cmd_ck);
  ck_.rtw_gap = kReadToWriteGap;
  // Bursts of a row run back to back when a command and a data burst fit in tCCD.
  batch_columns_ = ck_.cmd <= ck_.ccd && ck_.burst <= ck_.ccd;
  // ACTs are tRRD apart, so with tFAW <= 4 tRRD a window of tFAW around an ACT that keeps
  // tRRD holds at most three others: tFAW binds (and ACTs need counting) only beyond that.
  faw_binds_ = ck_.faw > 4 * ck_.rrd;
  ck_.pd_idle = ck(spec.powerdown_idle_s);
  ck_.sr_idle = ck(spec.selfrefresh_idle_s);
  const int64_t refi = std::max<int64_t>(1, static_cast<int64_t>(std::floor(spec.trefi_s / tck_s_ + 1e-6)));
  // Per-bank refresh takes the banks in turn, banks_per_refresh at once (bank b with b + groups,
  // b + 2 groups, ...), one such group every tREFI / groups.
  const int groups = std::max(1, spec.banks / std::max(1, p.banks_per_refresh));
  if (p.per_bank_refresh) {
    ck_.refi = std::max<int64_t>(1, refi / groups);
    ck_.bank_refi = ck_.refi * groups;
    ck_.rfc = ck(p.trfcpb_s);
  } else {
    ck_.refi = refi;
    ck_.bank_refi = refi;
    ck_.rfc = ck(p.trfc_s);
  }
  // The ranks of a channel take turns, as DRAMsim3's RANK_LEVEL_STAGGERED refresh: rank r first
  // refreshes at (r + 1) / ranks of a refresh interval, so that no two ranks refresh at once.
  for (size_t r = 0; r < ranks_.size(); ++r) {
    const auto in_channel = static_cast<int64_t>(r % static_cast<size_t>(spec.ranks));
    ranks_[r].refresh_shift = (in_channel + 1) * ck_.refi / spec.ranks - ck_.refi;
  }
  for (size_t i = 0; i < banks_.size(); ++i) {
    const auto g = static_cast<int64_t>(i % static_cast<size_t>(spec.banks) % static_cast<size_t>(groups));
    banks_[i].refresh_offset = (p.per_bank_refresh ? (g + 1) * ck_.refi : ck_.refi) +
                               ranks_[i / static_cast<size_t>(spec.banks)].refresh_shift;
  }
  queue_capacity_ = static_cast<uint64_t>(std::max(1, spec.queue_bursts)) * static_cast<uint64_t>(spec.channels);
  auto log2_exact = [](uint64_t v, int& shift) {
    if (v == 0 || (v & (v - 1)) != 0) return false;
    shift = __builtin_ctzll(v);
    return true;
  };
  int rows_shift = 0;
  map_shifts_ = log2_exact(spec.row_bytes(), row_shift_) &&
                log2_exact(static_cast<uint64_t>(spec.channels), channel_shift_) &&
                log2_exact(static_cast<uint64_t>(spec.banks), bank_shift_) &&
                log2_exact(static_cast<uint64_t>(spec.ranks), rank_shift_);
  rows_pow2_ = log2_exact(static_cast<uint64_t>(spec.rows), rows_shift);
  row_bytes_ = spec.row_bytes();
  burst_bytes_ = spec.burst_bytes();
  if (!log2_exact(burst_bytes_, burst_shift_)) burst_shift_ = -1;
  for (auto& ch : channels_) {
    ch.slot_free.assign(static_cast<size_t>(std::max(0, spec.write_queue_high_bursts)), 0);
  }
}

// ---- slots of the command bus, the data bus and a rank's ACTs ------------------------------

int64_t DramTiming::reserve_command(Channel& ch, int64_t t) {
  t = ch.cmd_starts.first_free(t);
  take_command(ch, t);
  return t;
}

// A command at c holds the bus [c, c + cmd): no other may start within cmd clocks of it.
void DramTiming::take_command(Channel& ch, int64_t c) {
  ch.cmd_starts.mark(c - ck_.cmd + 1, c + ck_.cmd);
}

// Data bursts starting at d, d + tCCD, ..., last (each occupying max(burst, tCCD) clocks, so the
// ones of a run are back to back) block data of either direction that would overlap them; read
// data blocks write data that would end less than tRL + tWTR before it, or start less than the
// turnaround gap after it; write data blocks read data that would start less than tRL + tWTR
// after it (tWTR is applied per channel) or end less than the gap before it.
inline void DramTiming::take_data(Channel& ch, int64_t d, int64_t last, bool write) {
  const int64_t occupy = std::max(ck_.burst, ck_.ccd);
  if (write) {
    ch.write_starts.mark(d - occupy + 1, last + occupy);
    ch.read_starts.mark(d - occupy - ck_.rtw_gap + 1, last + occupy + ck_.rl + ck_.wtr);
  } else {
    ch.read_starts.mark(d - occupy + 1, last + occupy);
    ch.write_starts.mark(d - occupy - ck_.wtr - ck_.rl + 1, last + occupy + ck_.rtw_gap);
  }
}

// The first column command at or after `earliest` whose command slot and data burst are free,
// with the bus turnarounds.
int64_t DramTiming::place_column(Channel& ch, int64_t earliest, bool write) const {
  return DramSlotRing::first_free_both(ch.cmd_starts, write ? ch.write_starts : ch.read_starts,
                                       write ? ck_.wl : ck_.rl, earliest);
}

// ---- refresh schedule ------------------------------------------------------------------------

void DramTiming::find_period(const Bank& bank, int64_t t) const {
  Period& p = bank.period;
  if (t < bank.refresh_offset) {  // before its first refresh
    p = Period{kNever, kNever, bank.refresh_offset, 0};
    return;
  }
  const int64_t e = (t - bank.refresh_offset) / ck_.bank_refi;
  p.start = bank.refresh_offset + e * ck_.bank_refi;
  p.usable_from = p.start + ck_.rfc;
  p.end = p.start + ck_.bank_refi;
  p.epoch = e + 1;
}

// ---- requests --------------------------------------------------------------------------------

DramAccessResult DramTiming::access(double arrival_s, uint64_t addr, uint64_t bytes, bool write) {
  const int64_t arrival = std::max({int64_t{0}, to_ck(arrival_s), queue_entry()});
  Tally result;
  result.end_ck = arrival;
  const bool posted = spec_.write_queue_high_bursts > 0;
  if (posted) drain_idle(arrival, result);
  bool posted_part = false;
  uint64_t request_bursts = 0;
  while (bytes > 0) {
    const uint64_t part = std::min(bytes, row_bytes_ - offset_in_row(addr));
    Channel& ch = channels_[channel_of(addr)];
    const uint64_t bursts = bursts_of(part);
    request_bursts += bursts;
    if (posted && write && bursts < ch.slot_free.size()) {
      // Accepted once the slots it takes are free (they held the writes `size` bursts ago). If
      // the queued writes leave too few, the oldest of them are issued first, to free theirs.
      if (ch.queued_bursts + bursts > ch.slot_free.size()) {
        drain(ch, arrival, ch.slot_free.size() - bursts, 0, result);
      }
      int64_t accept = arrival;
      for (uint64_t k = 0; k < bursts; ++k) {
        accept = std::max(accept, ch.slot_free[(ch.slot_next + k) % ch.slot_free.size()]);
      }
      ch.writes.push_back(PendingWrite{accept, addr, part, bursts, ch.slot_next});
      for (uint64_t b = addr / kFilterBlock; b <= (addr + part - 1) / kFilterBlock; ++b) {
        const size_t bit = filter_bit(b * kFilterBlock);
        ch.filter[bit >> 6] |= uint64_t{1} << (bit & 63);
      }
      for (uint64_t k = 0; k < bursts; ++k) {
        ch.slot_free[(ch.slot_next + k) % ch.slot_free.size()] = kForever;
      }
      ch.slot_next = (ch.slot_next + bursts) % ch.slot_free.size();
      ch.queued_bursts += bursts;
      data_bytes_ += part;
      result.end_ck = std::max(result.end_ck, accept);
      posted_part = true;
    } else if (posted && write) {  // larger than the queue: issued directly, after the queue
      drain(ch, arrival, 0, 0, result);
      result.end_ck = std::max(result.end_ck, piece(arrival, addr, bursts, write, result));
      data_bytes_ += part;
    } else if (!posted || !queued_write_may_touch(ch, addr, part) ||
               !read_from_queue(ch, arrival, addr, part, result)) {
      result.end_ck = std::max(result.end_ck, piece(arrival, addr, bursts, write, result));
      data_bytes_ += part;
    }
    addr += part;
    bytes -= part;
  }
  if (posted_part) {  // done once queued; a full queue drains ahead of the reads
    const auto high = static_cast<uint64_t>(spec_.write_queue_high_bursts);
    const auto low = static_cast<uint64_t>(spec_.write_queue_low_bursts);
    for (auto& ch : channels_) {
      if (ch.queued_bursts >= high) drain(ch, result.end_ck, low, 0, result);
    }
    result.issue_ck = std::min(result.issue_ck, result.end_ck);
  }
  if (result.issue_ck == kForever) result.issue_ck = arrival;
  if (request_bursts > 0) hold(Held{result.end_ck, request_bursts});
  commands_.act += result.act;
  commands_.pre += result.pre;
  commands_.rd += result.rd;
  commands_.wr += result.wr;
  row_hits_ += result.row_hits;
  row_misses_ += result.row_misses;
  row_conflicts_ += result.row_conflicts;
  return DramAccessResult{std::max(arrival_s, static_cast<double>(result.end_ck) * tck_s_),
                          result.issue_ck,
                          result.end_ck,
                          DramCommandCounts{result.act, result.pre, result.rd, result.wr, 0, 0},
                          result.row_hits,
                          result.row_misses,
                          result.row_conflicts};
}

int64_t DramTiming::wake(Rank& rank, int64_t t) {
  if (t > rank.cursor) integrate_idle(rank, t);
  int64_t exit = 0;
  if (t >= rank.last_data) {
    if (rank.rest == Rest::kSelfRefresh) exit = ck_.xsr;
    if (rank.rest == Rest::kPowerDown) exit = ck_.xp;
  }
  rank.rest = Rest::kAwake;
  return t + exit;
}

// a if an ACT at a keeps tFAW with the rank's ACTs booked before and after it, else the earliest
// clock an ACT could keep it with the four ACTs that it breaks it with. A window of tFAW that holds
// a and four booked ACTs holds four consecutive ones, which then span (with a) less than tFAW; the
// ACT must then come tFAW after the first of them (if it is before a) or after it.
int64_t DramTiming::faw_clear(const Rank& rank, int64_t a) const {
  // Booked ACTs within tFAW of a, in order: they keep tFAW, so at most four lie in [a - tFAW + 1, a]
  // and four in [a + 1, a + tFAW - 1].
  std::array<int64_t, 8> near{};
  size_t m = 0;
  for (int64_t c = rank.acts.first_taken(a - ck_.faw + 1, a + ck_.faw); c >= 0 && m < near.size();
       c = rank.acts.first_taken(c + 1, a + ck_.faw)) {
    near[m++] = c;
  }
  int64_t later = a;
  for (size_t i = 0; i + 3 < m; ++i) {
    if (std::max(a, near[i + 3]) - std::min(a, near[i]) < ck_.faw) {
      later = std::max(later, near[i] < a ? near[i] + ck_.faw : near[i] + 1);
    }
  }
  return later;
}

// Inline (as take_data): both run for nearly every request, and the calls cost more than a tenth
// of their work.
inline int64_t DramTiming::activate(Channel& ch, Rank& rank, Bank& bank, int64_t earliest,
                                    Tally& r) {
  int64_t a = earliest;
  for (;;) {  // the first clock outside the bank's refresh that keeps tRRD, tFAW and the bus
    a = DramSlotRing::first_free_both(rank.act_starts, ch.cmd_starts, 0, a);
    if (const int64_t after = after_refresh(bank, a); after != a) {
      a = after;
      continue;
    }
    if (faw_binds_) {
      if (const int64_t later = faw_clear(rank, a); later != a) {
        a = later;
        continue;
      }
    }
    break;
  }
  take_command(ch, a);
  if (faw_binds_) rank.acts.mark(a, a + 1);
  if (ck_.rrd > 0) rank.act_starts.mark(a - ck_.rrd + 1, a + ck_.rrd);
  bank.col_ready = a + ck_.rcd;
  bank.pre_ready = a + ck_.ras;
  bank.epoch = period_at(bank, a).epoch;
  ++r.act;
  r.issue_ck = std::min(r.issue_ck, a);
  return a;
}

int64_t DramTiming::piece(int64_t arrival, uint64_t addr, uint64_t bursts, bool write,
                          Tally& result) {
  const Place place = place_of(addr);
  const int64_t row = place.row;
  Channel& ch = channels_[place.channel];
  Rank& rank = ranks_[place.rank];
  Bank& bank = banks_[place.bank];

  const int64_t t = after_refresh(bank, wake(rank, arrival));
  // Requests are served in order: this one's column command comes after the channel's last.
  const int64_t now = after_refresh(bank, std::max(t, bank.last_col));
  if (period_at(bank, now).epoch != bank.epoch) {  // a refresh closed the row (its PRE billed here)
    if (bank.open_row >= 0) ++result.pre;
    bank.open_row = -1;
    bank.epoch = period_at(bank, now).epoch;
  }
  if (bank.open_row == row) {
    ++result.row_hits;
  } else {
    if (bank.open_row < 0) {
      ++result.row_misses;
    } else {
      ++result.row_conflicts;
      const int64_t pre = reserve_command(ch, std::max(t, bank.pre_ready));
      ++result.pre;
      result.issue_ck = std::min(result.issue_ck, pre);
      bank.act_ready = pre + ck_.rp;
    }
    activate(ch, rank, bank, std::max(t, bank.act_ready), result);
    bank.open_row = row;
  }

  const int64_t latency = write ? ck_.wl : ck_.rl;
  // Clocks from a column command until the bank can be precharged, then reopened after tRP.
  const int64_t to_precharged = (write ? latency + ck_.burst + ck_.wr : ck_.rtp) + ck_.rp;
  int64_t data_end = t;
  for (uint64_t done = 0; done < bursts;) {
    const int64_t c = place_column(ch, std::max({t, bank.col_ready, bank.last_col + ck_.ccd}), write);
    const Period& period = period_at(bank, c);
    const bool closed = period.epoch != bank.epoch;  // a refresh came since the ACT
    if (closed || c < period.usable_from || c + to_precharged > period.end) {
      // The bank's refresh comes first: it closes the row, which reopens after the refresh.
      ++result.pre;
      const int64_t window = closed ? period.end - ck_.bank_refi : period.end;
      activate(ch, rank, bank, std::max(window + ck_.rfc, bank.act_ready), result);
      continue;
    }
    // The bursts that follow go every tCCD while the command and data buses are free there and
    // the bank's next refresh stays clear (as the loop would place them one at a time); their
    // data bursts are one run of the data bus.
    uint64_t n = 1;
    if (batch_columns_) {
      const int64_t last_ok = period.end - to_precharged;  // latest column before the refresh
      const DramSlotRing& data = write ? ch.write_starts : ch.read_starts;
      for (int64_t cn = c + ck_.ccd; done + n < bursts && cn <= last_ok &&
                                     !ch.cmd_starts.taken(cn) && !data.taken(cn + latency);
           cn += ck_.ccd) {
        ++n;
      }
    }
    const int64_t last = c + static_cast<int64_t>(n - 1) * ck_.ccd;
    for (int64_t cn = c; cn <= last; cn += ck_.ccd) take_command(ch, cn);
    result.issue_ck = std::min(result.issue_ck, c);
    take_data(ch, c + latency, last + latency, write);
    const int64_t d = last + latency;
    data_end = std::max(data_end, d + ck_.burst);
    bank.last_col = last;
    bank.pre_ready = std::max(bank.pre_ready, write ? d + ck_.burst + ck_.wr : last + ck_.rtp);
    done += n;
  }
  (write ? result.wr : result.rd) += bursts;
  ch.busy_until = std::max(ch.busy_until, data_end);
  occupy(rank, arrival, data_end);
  return data_end;
}

}  // namespace blsim
