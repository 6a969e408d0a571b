// SPDX-License-Identifier: MIT
// blsim run: the main job. A big/little cascade classifies a dataset on the simulated SoC; the
// threshold is chosen on the validation split (or given, or steered at run time); the same test
// inputs also run big-only and little-only for comparison. Writes summary.csv, layers.csv and
// inferences.csv, and prints a short table.
#include <cstdio>
#include <iostream>
#include <memory>
#include <unistd.h>

#include "sim/cascade_report.h"
#include "sim/cascade_run.h"
#include "sim/command_line.h"
#include "sim/commands.h"
#include "sim/report/report_writer.h"
#include "sim/soc_config.h"
#include "sim/states_csv.h"
#include "sim/trace_files.h"
#include "common/output_set.h"

namespace blsim {

int cmd_run(const Args& args) {
  CommandLine cl("run",
                 "run a big/little cascade on the simulated SoC: accuracy, energy and latency of "
                 "the cascade against big-only and little-only on the same inputs",
                 "blsim run --cascade configs/cascade/fashion.ini --threshold auto "
                 "--max-accuracy-loss 0.005 --out out/fashion");
  declare_run_inputs(cl);
  cl.shortcut("threshold", "cascade.threshold", "gate threshold in [0, 1], or auto");
  cl.shortcut("max-accuracy-loss", "cascade.max_accuracy_loss",
              "accuracy loss budget for --threshold auto (fraction)");
  cl.shortcut("controller", "cascade.controller",
              "runtime control: none, rate:FRACTION or energy:J_PER_INFERENCE");
  cl.shortcut("arrival", "cascade.arrival",
              "when inputs arrive: back-to-back (default), periodic:FPS, poisson:RATE or "
              "trace:FILE (CSV of arrival times in seconds)");
  cl.shortcut("queue", "cascade.queue", "inputs that may wait in a stream (more are dropped)");
  cl.shortcut("deadline", "cascade.deadline", "seconds from arrival to answer (0: none)");
  cl.shortcut("dvfs-governor", "cascade.dvfs_governor",
              "userspace, performance, powersave or schedutil");
  cl.shortcut("idle-governor", "cascade.idle_governor", "fixed or menu");
  cl.options().add_options()
      ("report", "also draw OUT/report.html and its charts (blsim report)")
      ("vcd", po::value<std::string>(),
       "also write the test split's power over time as a Value Change Dump (GTKWave) to FILE")
      ("timeline", po::value<std::string>(),
       "also write the test split's timeline as Trace Event JSON (ui.perfetto.dev) to FILE");
  if (!cl.parse(args)) return 0;
  const std::string out_dir = cl.get<std::string>("out");
  // Checked before the run; the files appear together at the end, or none of them.
  const std::vector<std::string> own = {"summary.csv", "layers.csv", "inferences.csv",
                                        "states.csv"};
  const TraceFiles traces(cl.has("vcd") ? cl.get<std::string>("vcd") : "",
                          cl.has("timeline") ? cl.get<std::string>("timeline") : "", out_dir,
                          own);
  OutputSet outputs(out_dir, traces.output_names(own));
  ScoreSource scores = score_source_of(cl);
  CascadeRunOptions options;
  options.progress = ::isatty(STDERR_FILENO) != 0;
  options.trace = true;
  const CascadeRun run = run_cascade(cl.config(), scores, options);

  const RunReport report = run.report();
  write_summary_csv(outputs.path("summary.csv"), report);
  const SplitOutcome& test = run.splits.back();
  test.cascade.ledger.write_layers_csv(outputs.path("layers.csv"));
  write_inferences_csv(outputs.path("inferences.csv"), test.cascade);
  write_states_csv(outputs.path("states.csv"), test.trace);
  traces.write(test.trace, outputs);
  outputs.commit();
  print_run_table(std::cout, report);
  std::cout << "wrote " << out_dir
            << "/summary.csv, layers.csv, inferences.csv and states.csv (test split)\n";
  traces.print(std::cout, "test split");
  if (cl.has("report")) {
    std::cout << "wrote " << out_dir << "/" << write_report(out_dir).front() << " and its charts\n";
  }
  return 0;
}

}  // namespace blsim
