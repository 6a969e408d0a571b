// SPDX-License-Identifier: MIT
// Speed of a streaming timing pass: the default cascade (configs/cascade/mnist.ini on the default
// SoC, threshold auto) on a camera stream, the test split's inputs cycled to fill one simulated
// hour at 30 fps (108,000 inputs), with overlapping stages. Prints the simulated and wall times,
// their ratio, and inputs per wall second; the target is one simulated hour in <= 60 s of wall time
// (ratio >= 60).
// Usage: stream_bench [--inputs N] [--fps F] [--dvfs-governor G] [--idle-governor G]
#include <systemc>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "sim/cascade_run.h"
#include "sim/command_line.h"
#include "sim/soc_config.h"
#include "sim/stream_sim.h"

int sc_main(int argc, char** argv) {
  size_t inputs = 108000;
  double fps = 30;
  blsim::GovernorSpec governor;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--inputs") inputs = std::strtoull(v.c_str(), nullptr, 10);
    if (a == "--fps") fps = std::strtod(v.c_str(), nullptr);
    if (a == "--dvfs-governor") blsim::dvfs_governor_names().parse(v, &governor.dvfs);
    if (a == "--idle-governor") blsim::idle_governor_names().parse(v, &governor.idle);
  }
  const std::string cascade = blsim::blsim_home() + "/configs/cascade/mnist.ini";
  const blsim::Config cfg = blsim::load_config(
      blsim::blsim_options(), {blsim::default_soc_preset(), cascade}, {}, blsim::blsim_home());
  blsim::FunctionalPassOptions fp;
  blsim::ScoreSource source(fp, 0);
  blsim::CascadeRunOptions options;
  options.simulate_val = false;
  const blsim::CascadeRun run = blsim::run_cascade(cfg, source, options);  // the plan, threshold
  const blsim::CascadeScores& test = source.scores(run.spec, cfg, "test");
  blsim::CascadeScores scores;
  scores.stages.resize(test.stages.size());
  for (size_t i = 0; i < inputs; ++i) {
    const size_t k = i % test.samples();
    scores.labels.push_back(test.labels[k]);
    for (size_t s = 0; s < test.stages.size(); ++s) {
      scores.stages[s].prediction.push_back(test.stages[s].prediction[k]);
      scores.stages[s].confidence.push_back(test.stages[s].confidence[k]);
    }
  }
  blsim::StreamPlan sp;
  sp.arrivals_s.resize(inputs);
  for (size_t i = 0; i < inputs; ++i) sp.arrivals_s[i] = static_cast<double>(i) / fps;
  sp.arrival_rate_hz = fps;
  sp.governor = governor;
  const auto t0 = std::chrono::steady_clock::now();
  const blsim::CascadeSimResult r = blsim::simulate_stream(run.soc, run.plan, scores, sp);
  const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("stream %zu inputs at %.4g fps (governors %s/%s): simulated %.1f s in %.2f s of wall "
              "time: simulated/wall = %.1f (target >= 60), %.0f inputs per wall second; escalation "
              "rate %.2f%%, energy per input %.4g mJ, dropped %zu\n",
              inputs, fps, blsim::dvfs_governor_names().name(governor.dvfs),
              blsim::idle_governor_names().name(governor.idle), r.time_s, wall_s,
              r.time_s / wall_s, inputs / wall_s, 100 * r.escalation_rate(),
              1e3 * r.energy_per_inference_j(), r.dropped());
  return 0;
}
