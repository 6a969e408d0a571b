// SPDX-License-Identifier: MIT
// Configuration keys of a cascade run: the stages (network file, cluster), the gate and its
// threshold, runtime control and the functional-pass cache. Numbers with a hardware meaning
// (gate cycles) are given, with their source, by the cascade specs in configs/cascade/.
#include "sim/cascade_spec.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "sim/command_line.h"
#include "sim/config_fields.h"

namespace blsim {

const EnumNames<GateMetric>& gate_metric_names() {
  static const EnumNames<GateMetric> names = {{GateMetric::kMargin, "margin"},
                                              {GateMetric::kMaxProb, "maxprob"},
                                              {GateMetric::kEntropy, "entropy"}};
  return names;
}

const char* gate_metric_name(GateMetric metric) { return gate_metric_names().name(metric); }

namespace {

template <typename V>
void cascade_fields(V& v, CascadeSpec& c) {
  v.one_of({"dataset", "", "dataset the cascade classifies"}, c.dataset, {"mnist", "fashion"});
  v.choice({"metric", "",
            "gate confidence: margin = top-1 minus top-2 softmax probability (Park et al. 2015), "
            "maxprob = top-1 probability, entropy = 1 - H(p)/ln(classes)"},
           c.metric, gate_metric_names());
  v.text({"threshold", "",
          "gate threshold in [0, 1] (a stage answers when its confidence >= threshold), or auto: "
          "chosen on the validation split as the least energy within max_accuracy_loss"},
         c.threshold_text);
  v.real({"max_accuracy_loss", "fraction",
          "accuracy loss budget against big-only for threshold = auto (0.002 = 0.2 points)",
          Bound::kFraction},
         c.max_accuracy_loss);
  v.real({"loss_confidence", "probability",
          "threshold = auto keeps the accuracy loss within budget with this confidence: the "
          "loss's upper bound mean + z*sd/sqrt(n) on the validation split must fit (0.5: the "
          "plain validation estimate; below 1)",
          Bound::kFraction},
         c.loss_confidence);
  v.integer({"loss_unseen_samples", "inputs",
             "threshold = auto: the loss is promised on an unseen set of this many inputs (a test "
             "split), so the bound adds that set's own sampling spread: z*sd*sqrt(1/n + 1/m) "
             "(0: the population's loss, z*sd/sqrt(n))",
             Bound::kNonNegative, 1e9},
            c.loss_unseen_samples);
  v.text({"gate_temperature", "",
          "temperature T of the gate: each non-final stage's probabilities become softmax(logits "
          "/ T) before its confidence is computed; a number, or fit: the T with the least "
          "negative log-likelihood on the validation split, per network"},
         c.gate_temperature_text);
  v.real({"gate_cycles", "cycles",
          "cycles the gate check (softmax, top-2, compare) costs on the stage's cluster",
          Bound::kNonNegative, 1e9},
         c.gate_cycles);
  v.choice({"first_rest_state", "",
            "power state of the first stage's cluster between inputs: active, idle (clock-gated), "
            "parked (clock-gated at the lowest operating point's voltage) or off (power-gated)"},
           c.first_rest, power_state_names());
  v.choice({"escalation_rest_state", "",
            "power state, between their runs, of clusters that only later stages use (a cluster "
            "no stage uses is off)"},
           c.escalation_rest, power_state_names());
  v.text({"controller", "",
          "runtime threshold control: none, rate:FRACTION (escalation rate) or energy:J "
          "(energy per inference)"},
         c.controller_text);
  v.integer({"controller_window", "inputs", "moving-average window of the runtime controller",
             Bound::kPositive, 1e6},
            c.controller.window);
  v.real({"controller_gain", "threshold per unit error",
          "integral gain of the runtime controller (threshold change per input per unit of "
          "escalation-rate error)",
          Bound::kPositive, 1e3},
         c.controller.gain);
  v.integer({"batch", "images", "batch size of the functional pass", Bound::kPositive, 65536},
            c.batch);
  v.path({"cache_dir", "", "folder of cached network outputs (keyed by network and dataset hashes)"},
         c.cache_dir);
  // Streaming: see sim/stream_sim.h and sim/governor.h.
  v.text({"arrival", "",
          "when inputs arrive: back-to-back (each as soon as the previous is answered), "
          "periodic:FPS, poisson:RATE (inputs per second) or trace:FILE (CSV of arrival times in "
          "seconds, one per input)"},
         c.arrival_text);
  v.integer({"arrival_seed", "", "seed of poisson arrivals", Bound::kNonNegative},
            c.arrival.seed);
  v.integer({"queue", "inputs",
             "inputs that may wait for the first stage in a stream; one arriving to a full queue "
             "is dropped (estimate: a camera pipeline's few frame buffers)",
             Bound::kNonNegative, 1e9},
            c.queue);
  v.real({"deadline", "s",
          "a stream input misses its deadline when its answer comes later than this after its "
          "arrival (0: no deadline)",
          Bound::kNonNegative, 1e6},
         c.deadline_s);
  v.flag({"overlap", "",
          "in a stream, each stage runs on its own cluster as its own process: the first stage "
          "takes the next input while later stages work (off: one input at a time)"},
         c.overlap);
  v.choice({"dvfs_governor", "",
            "operating point of each cluster in a stream: userspace = the configured one, "
            "performance = highest, powersave = lowest, schedutil = utilization-driven"},
           c.governor.dvfs, dvfs_governor_names());
  v.real({"schedutil_rate_limit", "us",
          "schedutil: least time between frequency changes (Linux rate_limit_us; 2000 us is the "
          "cpufreq core's default transition delay since Linux commit e13aa799c2a6, 2024)",
          Bound::kNonNegative, 1e9, 1e-6},
         c.governor.rate_limit_s);
  v.real({"schedutil_headroom", "",
          "schedutil: target frequency = headroom * max frequency * utilization (Linux 1.25, "
          "Documentation/scheduler/schedutil.rst)",
          Bound::kPositive, 100},
         c.governor.headroom);
  v.real({"util_half_life", "ms",
          "schedutil: half-life of the utilization average (Linux PELT, 32 ms)", Bound::kPositive,
          1e6, 1e-3},
         c.governor.util_half_life_s);
  v.choice({"idle_governor", "",
            "rest state of each cluster in a stream: fixed = first_rest_state / "
            "escalation_rest_state, menu = per gap from the predicted idle time"},
           c.governor.idle, idle_governor_names());
  v.integer({"menu_intervals", "gaps",
             "menu: idle gaps averaged to predict the next (Linux menu governor: 8)",
             Bound::kPositive, 1e6},
            c.governor.menu_intervals);
  v.real({"latency_limit", "us",
          "menu: deepest exit latency allowed (PM QoS resume latency; 0: no limit)",
          Bound::kNonNegative, 1e9, 1e-6},
         c.governor.latency_limit_s);
}

template <typename V>
void stage_fields(V& v, StageSpec& s, int index) {
  static const std::vector<std::string> helps = [] {
    std::vector<std::string> h;
    for (int i = 1; i <= kMaxStages; ++i) {
      h.push_back("ONNX network of stage " + std::to_string(i) + " (empty: no such stage)");
      h.push_back("the cluster (a name from soc.clusters) that runs stage " + std::to_string(i));
    }
    return h;
  }();
  const size_t b = static_cast<size_t>(index - 1) * 2;
  v.path({"net", "", helps[b].c_str()}, s.net_path);
  v.optional_text({"cluster", "", helps[b + 1].c_str()}, s.cluster);
}

std::string stage_prefix(int s) { return "stage" + std::to_string(s) + "."; }

// The number `text` spells, in [lo, hi]; else a UserError naming `key` and what was `expected`.
double number_in(const Config& cfg, const std::string& key, const std::string& text, double lo,
                 double hi, const std::string& expected) {
  char* end = nullptr;
  errno = 0;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || errno != 0 || end != text.c_str() + text.size() || !std::isfinite(value) ||
      value < lo || value > hi) {
    cfg.fail(key, "expected " + expected + ", got \"" + text + "\"");
  }
  return value;
}

}  // namespace

void declare_cascade_options(OptionTable& t) {
  declare_fields<CascadeSpec>(t, "cascade.", false, [](auto& v, auto& c) { cascade_fields(v, c); });
  for (int s = 1; s <= kMaxStages; ++s) {
    declare_fields<StageSpec>(t, stage_prefix(s), false,
                              [s](auto& v, auto& stage) { stage_fields(v, stage, s); });
  }
}

CascadeSpec cascade_spec_from(const Config& cfg) {
  CascadeSpec spec =
      read_fields<CascadeSpec>(cfg, "cascade.", [](auto& v, auto& c) { cascade_fields(v, c); });
  spec.metric_name = gate_metric_name(spec.metric);
  spec.auto_threshold = spec.threshold_text == "auto";
  if (!spec.auto_threshold) {
    spec.threshold = number_in(cfg, "cascade.threshold", spec.threshold_text, 0, 1,
                               "auto or a number between 0 and 1");
  }
  spec.fit_gate_temperature = spec.gate_temperature_text == "fit";
  if (!spec.fit_gate_temperature) {
    spec.gate_temperature = number_in(cfg, "cascade.gate_temperature", spec.gate_temperature_text,
                                      1e-3, 1e3, "fit or a number between 0.001 and 1000");
  }
  if (spec.loss_confidence < 0.5 || spec.loss_confidence >= 1) {
    cfg.fail("cascade.loss_confidence", "expected a probability in [0.5, 1), got \"" +
                                            cfg.text("cascade.loss_confidence") + "\"");
  }
  const size_t window = spec.controller.window;
  const double gain = spec.controller.gain;
  spec.controller = parse_controller(spec.controller_text,
                                     cfg.origin("cascade.controller") + ": cascade.controller");
  spec.controller.window = window;
  spec.controller.gain = gain;
  const uint64_t arrival_seed = spec.arrival.seed;
  spec.arrival = parse_arrival(spec.arrival_text, cfg.origin("cascade.arrival") + ": cascade.arrival");
  spec.arrival.seed = arrival_seed;

  bool ended = false;
  for (int s = 1; s <= kMaxStages; ++s) {
    const std::string p = "stage" + std::to_string(s);
    const bool has_net = !cfg.text(p + ".net").empty();
    const bool has_cluster = !cfg.text(p + ".cluster").empty();
    if (!has_net && !has_cluster) {
      ended = true;
      continue;
    }
    if (ended) cfg.fail(p + ".net", "stage " + std::to_string(s) + " follows a missing stage " +
                                        std::to_string(s - 1));
    if (!has_net) cfg.fail(p + ".cluster", "stage " + std::to_string(s) + " has a cluster but no " + p + ".net");
    if (!has_cluster) cfg.fail(p + ".net", "stage " + std::to_string(s) + " has a network but no " + p + ".cluster");
    StageSpec stage =
        read_fields<StageSpec>(cfg, stage_prefix(s), [s](auto& v, auto& st) { stage_fields(v, st, s); });
    if (!std::filesystem::is_regular_file(stage.net_path)) {
      cfg.fail(p + ".net", "no such file: " + stage.net_path);
    }
    stage.net_name = std::filesystem::path(stage.net_path).stem().string();
    spec.stages.push_back(stage);
  }
  if (spec.stages.size() < 2) {
    cfg.fail("stage2.net", "a cascade needs at least two stages (stage1.net, stage2.net, ...)");
  }
  return spec;
}

std::vector<ClusterIndex> stage_clusters(const CascadeSpec& spec, const SocSpec& soc,
                                         const Config& cfg) {
  std::vector<ClusterIndex> out;
  for (size_t s = 0; s < spec.stages.size(); ++s) {
    const ClusterIndex c = soc.find_cluster(spec.stages[s].cluster);
    if (c == soc.clusters.size()) {
      cfg.fail("stage" + std::to_string(s + 1) + ".cluster",
               "the SoC " + soc.name + " has no cluster " + spec.stages[s].cluster +
                   " (its clusters: " + soc.cluster_names() + ")");
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace blsim
