// SPDX-License-Identifier: MIT
// blsim dram: replays a memory request trace through the DRAM model alone (DramTiming and the
// IDD energy model) and reports requests, simulated time, bandwidth, row hits / misses /
// conflicts, commands by kind and energy by component. The trace has one request a line,
// `ADDRESS OP CYCLE`: the address in hexadecimal (0x optional), READ or WRITE, and the DRAM clock
// cycle at which the request reaches the controller (non-decreasing). The memspec gives the
// device; the SoC preset (default or --config) gives channels, ranks and the controller's
// power-down and self-refresh timeouts, which --set dram.KEY=VALUE overrides.
#include <cstdint>
#include <cstdio>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "common/csv_writer.h"
#include "common/output_set.h"
#include "common/regular_file.h"
#include "common/user_error.h"
#include "energy/dram_power.h"
#include "models/dram_scheduler.h"
#include "models/dram_timing.h"
#include "sim/command_line.h"
#include "sim/commands.h"
#include "sim/dram_trace.h"
#include "sim/progress_line.h"
#include "sim/soc_config.h"

namespace blsim {

int cmd_dram(const Args& args) {
  CommandLine cl("dram",
                 "replay a memory request trace (ADDRESS READ|WRITE CYCLE a line) through the "
                 "DRAM model alone",
                 "blsim dram --memspec configs/dram/lpddr4-3200.ini --trace reads.trace "
                 "--set dram.channels=1 --set dram.ranks=1 --out out/dram");
  cl.options().add_options()
      ("trace", po::value<std::string>(), "the request trace")
      ("request-bytes", po::value<int64_t>(), "bytes per request (default: one burst)")
      ("out", po::value<std::string>(), "folder for dram.csv and dram_requests.csv");
  cl.add_base_file(default_soc_preset());
  cl.shortcut("memspec", "dram.memspec", "memspec INI of the DRAM device");
  if (!cl.parse(args)) return 0;
  if (!cl.has("trace")) throw UserError("dram: give the request trace (--trace FILE)");
  const SocSpec soc = soc_spec_from(cl.config());
  const DramSpec& spec = soc.dram;
  int64_t request_bytes = static_cast<int64_t>(spec.burst_bytes());
  if (cl.has("request-bytes")) {
    request_bytes = cl.get<int64_t>("request-bytes");
    if (request_bytes <= 0 || request_bytes > (int64_t{1} << 30)) {
      throw UserError("--request-bytes: " + std::to_string(request_bytes) +
                      " is not a request size in 1 .. 2^30 bytes");
    }
  }
  const std::string trace_path = cl.get<std::string>("trace");
  std::unique_ptr<OutputSet> outputs;
  if (cl.has("out")) {
    outputs = std::make_unique<OutputSet>(cl.get<std::string>("out"),
                                          std::vector<std::string>{"dram.csv", "dram_requests.csv"});
  }
  const std::vector<DramRequest> trace =
      parse_dram_trace(trace_path, read_regular_file(trace_path, "trace file", uint64_t{1} << 34),
                       static_cast<uint64_t>(request_bytes));

  DramTiming dram(spec);
  const double tck = spec.tck_s();
  // A progress line on stderr when it is a terminal.
  std::function<void(size_t)> progress;
  if (ProgressLine::on_terminal()) {
    progress = [line = ProgressLine("dram", "requests", trace.size()),
                total = trace.size()](size_t booked) mutable { line.update(booked, booked == total); };
  }
  const std::vector<DramRequestTimes> results = schedule_fr_fcfs(dram, trace, progress);
  int64_t end_ck = trace.back().arrival_ck;
  for (const auto& r : results) end_ck = std::max(end_ck, r.end_ck);
  const double seconds = static_cast<double>(end_ck) * tck;
  const DramBackground bg = dram.background_until(seconds);
  const DramCommandCounts& c = dram.commands();
  const DramPowerParams& p = spec.power;
  // Refreshes entering self-refresh are all-bank ones whatever the controller's mode.
  const uint64_t refreshes = bg.refreshes + bg.entry_refreshes;
  const double e_act = static_cast<double>(c.act) * dram_act_energy_j(p);
  const double e_pre = static_cast<double>(c.pre) * dram_pre_energy_j(p);
  const double e_rd = static_cast<double>(c.rd) * dram_read_energy_j(p);
  const double e_wr = static_cast<double>(c.wr) * dram_write_energy_j(p);
  const double e_ref = static_cast<double>(bg.refreshes) * (p.per_bank_refresh
                                                               ? dram_per_bank_refresh_energy_j(p)
                                                               : dram_refresh_energy_j(p)) +
                       static_cast<double>(bg.entry_refreshes) * dram_refresh_energy_j(p);
  const double e_bg = dram_background_energy_j(bg.states, 0, p);
  const double e_io = static_cast<double>(dram.data_bytes()) * 8.0 * p.io_pj_per_bit * 1e-12;
  const double e_total = e_act + e_pre + e_rd + e_wr + e_ref + e_bg + e_io;
  const double bandwidth = seconds > 0 ? static_cast<double>(dram.data_bytes()) / seconds : 0;

  std::cout << "dram " << spec.type << ": " << spec.channels << " channel(s) x " << spec.ranks
            << " rank(s), tCK " << format_number(tck * 1e9) << " ns, " << request_bytes
            << " B requests\n"
            << "requests   " << trace.size() << "\n"
            << "cycles     " << end_ck << " (" << format_number(seconds * 1e6) << " us)\n"
            << "bandwidth  " << format_number(bandwidth / 1e9) << " GB/s ("
            << format_number(100 * bandwidth / spec.peak_bandwidth_bytes_per_s()) << "% of peak)\n"
            << "rows       " << dram.row_hits() << " hits, " << dram.row_misses() << " misses, "
            << dram.row_conflicts() << " conflicts\n"
            << "commands   ACT " << c.act << ", PRE " << c.pre << ", RD " << c.rd << ", WR " << c.wr
            << ", " << (p.per_bank_refresh ? "REFpb " : "REFab ") << refreshes << "\n"
            << "energy     " << format_number(e_total * 1e9) << " nJ: ACT "
            << format_number(e_act * 1e9) << ", PRE " << format_number(e_pre * 1e9) << ", RD "
            << format_number(e_rd * 1e9) << ", WR " << format_number(e_wr * 1e9) << ", refresh "
            << format_number(e_ref * 1e9) << ", background " << format_number(e_bg * 1e9)
            << ", I/O " << format_number(e_io * 1e9) << " (nJ)\n";

  if (outputs) {
    CsvWriter summary(outputs->path("dram.csv"),
                      {"memspec", "requests", "request_bytes", "cycles", "seconds",
                       "bandwidth_bytes_per_s", "row_hits", "row_misses", "row_conflicts", "act",
                       "pre", "rd", "wr", "ref", "energy_act_j", "energy_pre_j", "energy_rd_j",
                       "energy_wr_j", "energy_ref_j", "energy_background_j", "energy_io_j",
                       "energy_total_j"});
    summary << spec.type << static_cast<uint64_t>(trace.size()) << request_bytes << end_ck
            << seconds << bandwidth << dram.row_hits() << dram.row_misses() << dram.row_conflicts()
            << c.act << c.pre << c.rd << c.wr << refreshes << e_act << e_pre << e_rd << e_wr
            << e_ref << e_bg << e_io << e_total;
    summary.end_row();
    summary.commit();
    CsvWriter requests(outputs->path("dram_requests.csv"),
                       {"request", "address", "op", "arrival_cycle", "issue_cycle",
                        "data_end_cycle"});
    for (size_t i = 0; i < trace.size(); ++i) {
      char addr[24];
      std::snprintf(addr, sizeof addr, "0x%llx", static_cast<unsigned long long>(trace[i].addr));
      requests << static_cast<uint64_t>(i) << addr << (trace[i].write ? "WRITE" : "READ")
               << trace[i].arrival_ck << results[i].issue_ck << results[i].end_ck;
      requests.end_row();
    }
    requests.commit();
    outputs->commit();
    std::cout << "wrote " << outputs->final_path("dram.csv") << ", dram_requests.csv\n";
  }
  return 0;
}

}  // namespace blsim
