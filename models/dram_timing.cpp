// SPDX-License-Identifier: MIT
#include "models/dram_timing.h"

#include <algorithm>
#include <cmath>

namespace blsim {

DramTiming::DramTiming(const DramSpec& spec)
    : spec_(spec),
      banks_(static_cast<size_t>(spec.channels) * spec.ranks * spec.banks),
      ranks_(static_cast<size_t>(spec.channels) * spec.ranks),
      bus_free_s_(static_cast<size_t>(spec.channels), 0.0) {}

DramAccessResult DramTiming::access(double arrival_s, uint64_t addr, uint64_t bytes, bool write) {
  DramAccessResult result;
  result.done_s = arrival_s;
  const uint64_t row_bytes = spec_.row_bytes();
  while (bytes > 0) {
    const uint64_t piece = std::min(bytes, row_bytes - addr % row_bytes);
    result.done_s = std::max(result.done_s, access_piece(arrival_s, addr, piece, write, result));
    addr += piece;
    bytes -= piece;
  }
  commands_ += result.commands;
  row_hits_ += result.row_hits;
  row_misses_ += result.row_misses;
  row_conflicts_ += result.row_conflicts;
  return result;
}

double DramTiming::access_piece(double arrival_s, uint64_t addr, uint64_t bytes, bool write,
                                DramAccessResult& result) {
  const uint64_t chunk = addr / spec_.row_bytes();
  const auto channel = static_cast<size_t>(chunk % spec_.channels);
  const uint64_t rest = chunk / spec_.channels;
  const auto bank_index = static_cast<size_t>(rest % spec_.banks);
  const auto rank_index = static_cast<size_t>(rest / spec_.banks % spec_.ranks);
  const auto row = static_cast<int64_t>(rest / spec_.banks / spec_.ranks % spec_.rows);
  Rank& rank = ranks_[channel * spec_.ranks + rank_index];
  Bank& bank = banks_[(channel * spec_.ranks + rank_index) * spec_.banks + bank_index];

  const double tck = spec_.tck_s();
  const double trefi = spec_.trefi_s;
  const double trfc = spec_.power.trfc_s;
  auto epoch_of = [&](double t) { return static_cast<int64_t>(std::floor(t / trefi)); };
  // The end of the refresh that blocks the rank at t, or t when none does.
  auto after_refresh = [&](double t) {
    const int64_t k = epoch_of(t);
    return k >= 1 && t < k * trefi + trfc ? k * trefi + trfc : t;
  };
  const double start = after_refresh(std::max(arrival_s, bank.ready_s));
  if (epoch_of(start) != bank.refresh_epoch) bank.open_row = -1;  // a refresh closed the row

  double column_ready = start;
  if (bank.open_row == row) {
    ++result.row_hits;
  } else if (bank.open_row < 0) {
    ++result.row_misses;
    ++result.commands.act;
    bank.act_s = start;
    column_ready = start + spec_.trcd_s;
  } else {
    ++result.row_conflicts;
    ++result.commands.pre;
    ++result.commands.act;
    const double pre_s =
        std::max({start, bank.act_s + spec_.power.tras_s, bank.write_end_s + spec_.twr_s});
    bank.act_s = pre_s + spec_.power.trp_s;
    column_ready = bank.act_s + spec_.trcd_s;
  }
  const uint64_t bursts = (bytes + spec_.burst_bytes() - 1) / spec_.burst_bytes();
  const double burst_s = spec_.burst_length() / 2.0 * tck;
  const double spacing_s = std::max(burst_s, spec_.tccd_ck * tck);
  const double latency_s = (write ? spec_.wl_ck : spec_.cl_ck) * tck;
  const double transfer_s = static_cast<double>(bursts - 1) * spacing_s + burst_s;
  double data_start = std::max(column_ready + latency_s, bus_free_s_[channel]);
  // No data moves while the rank refreshes; the refresh closes the row, which must reopen.
  const double reopen_s = spec_.trcd_s + latency_s;
  if (after_refresh(data_start) != data_start) {
    data_start = after_refresh(data_start) + reopen_s;
    ++result.commands.act;
  }
  double data_end = data_start + transfer_s;
  if ((epoch_of(data_start) + 1) * trefi < data_end) {  // a refresh falls inside the burst train
    data_end += trfc + reopen_s;
    ++result.commands.act;
  }

  bus_free_s_[channel] = data_end;
  bank.ready_s = data_end;
  bank.open_row = row;
  bank.refresh_epoch = epoch_of(data_end);
  if (write) bank.write_end_s = data_end;
  (write ? result.commands.wr : result.commands.rd) += bursts;
  data_bytes_ += bytes;
  occupy(rank, start, data_end);
  return data_end;
}

void DramTiming::occupy(Rank& rank, double start_s, double end_s) {
  if (start_s > rank.cursor_s) integrate_idle(rank, start_s);
  if (end_s > rank.cursor_s) {
    rank.states.act_standby_s += end_s - rank.cursor_s;  // banks open while data moves
    rank.cursor_s = end_s;
  }
  rank.last_end_s = std::max(rank.last_end_s, end_s);
  rank.open = true;
}

void DramTiming::integrate_idle(Rank& rank, double until_s) {
  const double a = rank.cursor_s;
  if (until_s <= a) return;
  // Rows stay open until the next refresh; the rank powers down after the idle timeout.
  const double closes_s =
      rank.open ? (std::floor(rank.last_end_s / spec_.trefi_s) + 1) * spec_.trefi_s : a;
  const double powerdown_s = rank.last_end_s + spec_.powerdown_idle_s;
  auto overlap = [](double lo, double hi, double x, double y) {
    return std::max(0.0, std::min(hi, y) - std::max(lo, x));
  };
  const double b = until_s;
  rank.states.act_standby_s += overlap(a, b, a, std::min(closes_s, powerdown_s));
  rank.states.pre_standby_s += overlap(a, b, std::min(closes_s, powerdown_s), powerdown_s);
  rank.states.act_powerdown_s += overlap(a, b, powerdown_s, std::max(closes_s, powerdown_s));
  rank.states.pre_powerdown_s += overlap(a, b, std::max(closes_s, powerdown_s), b);
  if (b >= closes_s) rank.open = false;
  rank.cursor_s = b;
}

DramBackground DramTiming::background_until(double t_s) {
  DramBackground bg;
  for (auto& rank : ranks_) {
    integrate_idle(rank, t_s);
    bg.states += rank.states;
  }
  if (t_s > 0) {
    const auto per_rank = static_cast<uint64_t>(std::floor(t_s / spec_.trefi_s));
    bg.refreshes = per_rank * ranks_.size();
  }
  return bg;
}

}  // namespace blsim
