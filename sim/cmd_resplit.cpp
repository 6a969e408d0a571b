// SPDX-License-Identifier: MIT
// blsim resplit: how often a design-time threshold breaks its accuracy-loss promise on unseen
// data. Pools the validation and test samples of the cascade, deals them R times into parts of
// the original sizes, chooses the threshold on each validation part as `run` does, and measures
// the loss on each test part (workloads/cascade/resplit.h). Writes resplit.csv, prints a summary.
#include <cstdio>
#include <iostream>

#include "common/csv_writer.h"
#include "common/output_set.h"
#include "common/user_error.h"
#include "sim/cascade_run.h"
#include "sim/command_line.h"
#include "sim/commands.h"
#include "workloads/cascade/resplit.h"

namespace blsim {

int cmd_resplit(const Args& args) {
  CommandLine cl("resplit",
                 "re-split the validation and test samples R times, choose the threshold on each "
                 "validation part and report how often the test part's accuracy loss exceeds the "
                 "budget",
                 "blsim resplit --cascade configs/cascade/fashion.ini --resplits 20 --out out/rs");
  declare_run_inputs(cl);
  cl.options().add_options()
      ("resplits", po::value<size_t>()->default_value(20), "how many random re-splits")
      ("seed", po::value<uint64_t>()->default_value(1), "seed of the re-splits");
  cl.shortcut("max-accuracy-loss", "cascade.max_accuracy_loss",
              "accuracy loss budget (fraction)");
  if (!cl.parse(args)) return 0;
  const size_t resplits = cl.get<size_t>("resplits");
  if (resplits == 0 || resplits > 100000) throw UserError("resplit: --resplits must be 1 to 100000");
  const std::string out_dir = cl.get<std::string>("out");
  OutputSet outputs(out_dir, {"resplit.csv"});
  ScoreSource scores = score_source_of(cl);
  CascadeRunOptions options;
  options.simulate_val = false;
  options.fast_path = true;
  const CascadeRun run = run_cascade(cl.config(), scores, options);
  if (!run.spec.auto_threshold) {
    throw UserError("resplit: cascade.threshold is fixed; re-splits study threshold = auto");
  }
  const CascadeScores& val = scores.scores(run.spec, cl.config(), "val");
  const CascadeScores& test = scores.scores(run.spec, cl.config(), "test");
  ThresholdRule rule;
  rule.max_accuracy_loss = run.spec.max_accuracy_loss;
  rule.z = normal_quantile(run.spec.loss_confidence);
  rule.unseen_samples = static_cast<size_t>(run.spec.loss_unseen_samples);
  const std::vector<ResplitOutcome> outcomes = resplit_study(
      val, test, run.stage_energy_j, rule, resplits, cl.get<uint64_t>("seed"));
  const double big_only_j = run.splits.back().big_only.energy_per_inference_j();

  CsvWriter csv(outputs.path("resplit.csv"),
                {"resplit", "threshold", "val_loss", "test_loss", "test_escalation_rate",
                 "test_energy_per_inference_j", "test_energy_reduction", "exceeded"});
  size_t exceeded = 0;
  double loss_sum = 0, saved_sum = 0, worst = -1;
  for (size_t r = 0; r < outcomes.size(); ++r) {
    const ResplitOutcome& o = outcomes[r];
    const double saved = 1.0 - o.test_energy_j / big_only_j;
    csv << static_cast<uint64_t>(r + 1) << o.thresholds.front() << o.val_loss << o.test_loss
        << o.test_escalation << o.test_energy_j << saved << (o.exceeded ? 1 : 0);
    csv.end_row();
    exceeded += o.exceeded ? 1 : 0;
    loss_sum += o.test_loss;
    saved_sum += saved;
    worst = r == 0 ? o.test_loss : std::max(worst, o.test_loss);
  }
  csv.commit();
  outputs.commit();
  const double n = static_cast<double>(outcomes.size());
  std::printf("cascade   %s, %zu + %zu samples re-split %zu times (seed %llu)\n",
              run.spec.dataset.c_str(), val.samples(), test.samples(), outcomes.size(),
              static_cast<unsigned long long>(cl.get<uint64_t>("seed")));
  std::printf("rule      loss within %.2f points, %.0f%% bound, unseen set %lld inputs%s\n",
              100 * rule.max_accuracy_loss, 100 * run.spec.loss_confidence,
              static_cast<long long>(run.spec.loss_unseen_samples),
              run.spec.loss_unseen_samples == 0 ? " (population)" : "");
  for (size_t s = 0; s + 1 < run.spec.stages.size(); ++s) {
    std::printf("gate      stage %zu temperature %.4g\n", s + 1,
                scores.gate_temperature(run.spec, cl.config(), s));
  }
  std::printf("test loss above budget in %zu of %zu re-splits (%.1f%%); mean test loss %.3f points, "
              "worst %.3f points; mean energy saved %.1f%% (expected, against big-only)\n",
              exceeded, outcomes.size(), 100.0 * exceeded / n, 100 * loss_sum / n, 100 * worst,
              100 * saved_sum / n);
  std::cout << "wrote " << out_dir << "/resplit.csv\n";
  return 0;
}

}  // namespace blsim
