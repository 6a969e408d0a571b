// SPDX-License-Identifier: MIT
// blsim merge: joins the sweep.csv files of the shards of one sweep (blsim sweep --shard K/N)
// into DIR/sweep.csv and DIR/pareto.csv, recomputing the Pareto front over all points. Shards of
// different sweeps (another sweep_hash or blsim version, other columns) are refused, and so is a
// point given twice with different results.
#include <iostream>
#include <string>
#include <vector>

#include "common/output_set.h"
#include "common/regular_file.h"
#include "common/user_error.h"
#include "sim/command_line.h"
#include "sim/commands.h"
#include "sim/sweep_table.h"

namespace blsim {

int cmd_merge(const Args& args) {
  CommandLine cl("merge",
                 "join the sweep.csv files of a sharded sweep into one sweep.csv and pareto.csv",
                 "blsim merge out/shard1/sweep.csv out/shard2/sweep.csv --out out/sweep");
  cl.options().add_options()
      ("sweeps", po::value<std::vector<std::string>>()->composing(), "the shards' sweep.csv files")
      ("out", po::value<std::string>()->default_value("out"), "output folder")
      ("objectives", po::value<std::string>()->default_value("energy,accuracy,latency"),
       "Pareto objectives, as for blsim sweep");
  cl.positional("sweeps");
  if (!cl.parse(args)) return 0;
  if (!cl.has("sweeps")) throw UserError("merge: give the sweep.csv of every shard");
  const std::vector<Objective> objectives = parse_objectives(cl.get<std::string>("objectives"));
  const std::string out_dir = cl.get<std::string>("out");
  OutputSet outputs(out_dir, {"sweep.csv", "pareto.csv"});
  SweepRows rows;
  std::string hash, version;
  for (const auto& path : cl.get<std::vector<std::string>>("sweeps")) {
    const std::string text = read_regular_file(path, "sweep file", uint64_t{1} << 34);
    const CsvTable table = parse_csv(text, path);
    if (table.torn_tail) {
      throw UserError(path + ": its last row is cut short (an interrupted shard: run it again "
                      "with --resume)");
    }
    // A finished shard has every row's pareto flag; an interrupted one has rows without.
    const size_t pareto = table.column("pareto");
    for (const auto& row : table.rows) {
      if (pareto < row.size() && row[pareto].empty()) {
        throw UserError(path + ": an unfinished shard (rows without a pareto flag): finish it "
                        "with blsim sweep ... --resume");
      }
    }
    if (!table.rows.empty() && hash.empty()) {
      hash = table.rows[0][table.column("sweep_hash")];
      version = table.rows[0][table.column("version")];
    }
    read_sweep_rows(path, text, hash, version, rows);
  }
  if (rows.by_point.empty()) throw UserError("merge: the shards hold no rows");
  const size_t front = write_sweep_results(rows, objectives, outputs.path("sweep.csv"),
                                           outputs.path("pareto.csv"));
  outputs.commit();
  std::cout << "wrote " << out_dir << "/sweep.csv (" << rows.by_point.size() << " points), "
            << out_dir << "/pareto.csv (" << front << " on the front)\n";
  return 0;
}

}  // namespace blsim
