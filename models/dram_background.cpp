// SPDX-License-Identifier: MIT
// DramTiming's background residency: how long each rank spends in active and precharge standby,
// the two power-downs and self-refresh, with the refreshes it wakes for, between and around the
// requests (see models/dram_timing.h).
#include <algorithm>

#include "models/dram_timing.h"

namespace blsim {

// ---- background residency --------------------------------------------------------------------

void DramTiming::add_idle(Rank& rank, int64_t from, int64_t to, int64_t pd_from) {
  if (to <= from) return;
  const int64_t split = std::clamp(pd_from, from, to);
  rank.state_ck[rank.open ? kActStandby : kPreStandby] += split - from;
  rank.state_ck[rank.open ? kActPowerDown : kPrePowerDown] += to - split;
}

void DramTiming::integrate_idle(Rank& rank, int64_t until) {
  const int64_t P = ck_.refi;
  const int64_t D = ck_.rfc;
  const int64_t sr_from = ck_.sr_idle > 0 ? rank.last_data + ck_.sr_idle : kForever;
  const int64_t S = rank.refresh_shift;  // the rank's refreshes start at S + k P, k >= 1
  int64_t t = rank.cursor;
  auto starts_before = [&](int64_t x) { return x <= S ? 0 : (x - S - 1) / P; };  // S + k P < x
  while (t < until) {
    if (t >= sr_from) {  // self-refresh: the device refreshes itself
      if (rank.sr_entry != sr_from) {
        // Entering, an LPDDR device first refreshes all banks (JESD209-4 self-refresh entry;
        // DRAMPower prices it the same way): one refresh and tRFC at active standby, then IDD6.
        rank.sr_entry = sr_from;
        ++rank.entry_refreshes;
      }
      if (t < sr_from + D) {
        const int64_t e = std::min(until, sr_from + D);
        rank.skipped_refreshes += static_cast<uint64_t>(starts_before(e) - starts_before(t));
        rank.state_ck[kActStandby] += e - t;
        rank.open = false;
        t = e;
        continue;
      }
      rank.skipped_refreshes += static_cast<uint64_t>(starts_before(until) - starts_before(t));
      rank.state_ck[kSelfRefresh] += until - t;
      rank.open = false;
      t = until;
      break;
    }
    const int64_t k = (t - S) / P;  // t - S > -P: 0 before the first refresh
    if (k >= 1 && t < S + k * P + D) {  // refreshing: all banks precharged, active standby current
      const int64_t e = std::min(until, S + k * P + D);
      rank.state_ck[kActStandby] += e - t;
      rank.open = false;
      rank.refresh_end = S + k * P + D;
      t = e;
      continue;
    }
    const int64_t next = S + (k + 1) * P;
    const int64_t e = std::min({until, next, sr_from});
    add_idle(rank, t, e, std::max(rank.last_data, rank.refresh_end) + ck_.pd_idle);
    t = e;
    if (t == next) {  // whole refresh periods at once: refresh, standby, then power-down
      const int64_t n = (std::min(until, sr_from) - next) / P - 1;
      if (n > 0) {
        const int64_t standby = std::min(ck_.pd_idle, P - D);
        rank.state_ck[kActStandby] += n * D;
        rank.state_ck[kPreStandby] += n * standby;
        rank.state_ck[kPrePowerDown] += n * (P - D - standby);
        rank.open = false;
        rank.refresh_end = next + (n - 1) * P + D;
        t = next + n * P;
      }
    }
  }
  rank.cursor = std::max(rank.cursor, until);
  // The rank's rest state at the cursor (what a request arriving now must wake it from).
  const int64_t c = rank.cursor;
  const int64_t k = (c - S) / P;
  if (c >= sr_from) {
    rank.rest = Rest::kSelfRefresh;
  } else if (k >= 1 && c < S + k * P + D) {
    rank.rest = Rest::kAwake;
  } else {
    rank.rest = c > std::max(rank.last_data, rank.refresh_end) + ck_.pd_idle ? Rest::kPowerDown
                                                                          : Rest::kAwake;
  }
}

DramBackground DramTiming::background_until(double t_s) {
  DramBackground bg;
  const int64_t t = std::max<int64_t>(0, to_ck(t_s));
  for (auto& rank : ranks_) {
    integrate_idle(rank, t);
    bg.states.act_standby_s += static_cast<double>(rank.state_ck[kActStandby]) * tck_s_;
    bg.states.pre_standby_s += static_cast<double>(rank.state_ck[kPreStandby]) * tck_s_;
    bg.states.act_powerdown_s += static_cast<double>(rank.state_ck[kActPowerDown]) * tck_s_;
    bg.states.pre_powerdown_s += static_cast<double>(rank.state_ck[kPrePowerDown]) * tck_s_;
    bg.states.self_refresh_s += static_cast<double>(rank.state_ck[kSelfRefresh]) * tck_s_;
    const int64_t S = rank.refresh_shift;
    const auto scheduled = static_cast<uint64_t>(t <= S ? 0 : (t - S - 1) / ck_.refi);
    bg.refreshes += scheduled - std::min(scheduled, rank.skipped_refreshes);
    bg.entry_refreshes += rank.entry_refreshes;
  }
  return bg;
}

}  // namespace blsim
