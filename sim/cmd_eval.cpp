// SPDX-License-Identifier: MIT
// blsim eval: runs an ONNX network over a dataset split through the inference engine, prints the
// accuracy and (with --out) writes predictions.csv with each sample's top-2 probabilities and
// score margin.
#include <cstdio>
#include <iostream>
#include <memory>

#include "common/csv_writer.h"
#include "common/output_set.h"
#include "sim/command_line.h"
#include "sim/commands.h"
#include "sim/train_options.h"
#include "workloads/datasets/dataset.h"
#include "workloads/graph.h"
#include "workloads/scores.h"
#include "workloads/train/graph_evaluation.h"
#include "common/user_error.h"

namespace blsim {

int cmd_eval(const Args& args) {
  CommandLine cl("eval",
                 "evaluate an ONNX network on a dataset split (accuracy, predictions.csv)",
                 "blsim eval --net workloads/nets/mnist-big.onnx --dataset mnist --split test "
                 "--out out/eval");
  cl.options().add_options()
      ("net", po::value<std::string>()->required(), "ONNX network file")
      ("dataset", po::value<std::string>()->required(), "mnist or fashion")
      ("split", po::value<std::string>()->default_value("test"), "train, val or test")
      ("out", po::value<std::string>(), "folder for predictions.csv (created if missing)")
      ("batch", po::value<int64_t>()->default_value(256), "samples per engine run");
  if (!cl.parse(args)) return 0;
  const Config& cfg = cl.config();
  const std::string dataset = cl.get<std::string>("dataset");
  const Split split = parse_split(cl.get<std::string>("split"));
  const int64_t batch = cl.get<int64_t>("batch");
  if (batch <= 0) throw UserError("eval: --batch must be positive");

  // The output folder is checked before the work whose result goes there.
  std::unique_ptr<OutputSet> outputs;
  if (cl.has("out")) {
    outputs = std::make_unique<OutputSet>(cl.get<std::string>("out"),
                                          std::vector<std::string>{"predictions.csv"});
  }
  const Graph graph = Graph::load(cl.get<std::string>("net"));
  const std::string dir = dataset_dir(cfg, dataset);
  const Dataset data = load_dataset(dataset, split, dir);
  const Evaluation ev = evaluate_graph(graph, data, static_cast<size_t>(batch));

  if (outputs) {
    CsvWriter csv(outputs->path("predictions.csv"),
                  {"index", "label", "prediction", "top1", "top2", "margin"});
    for (size_t i = 0; i < data.size(); ++i) {
      const TopScores s = top_scores(ev.probabilities.data() + i * ev.classes, ev.classes);
      csv << static_cast<int64_t>(i) << data.labels[i] << ev.predictions[i]
          << static_cast<double>(s.top1) << static_cast<double>(s.top2)
          << static_cast<double>(s.margin());
      csv.end_row();
    }
    csv.commit();
    outputs->commit();
  }
  char line[160];
  std::snprintf(line, sizeof line, "accuracy %.2f%% (%zu/%zu)", 100.0 * ev.accuracy(),
                ev.correct, data.size());
  std::cout << "eval: " << cl.get<std::string>("net") << " on " << dataset << " "
            << split_name(split) << ": " << line << "\n";
  return 0;
}

}  // namespace blsim
