// SPDX-License-Identifier: MIT
// Streams: a periodic stream on one stage against its closed form (arrival spacing, rest power,
// wake-up cost), a stream faster than service dropping what a bounded queue cannot hold, overlap
// against one input at a time, states.csv intervals tiling each cluster's time, and the
// back-to-back pass unchanged by recording.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "../models/soc_fixtures.h"
#include "common/user_error.h"
#include "models/network_estimate.h"
#include "models/power_states.h"
#include "sim/arrival.h"
#include "sim/cascade_sim.h"
#include "sim/command_line.h"
#include "sim/soc_config.h"
#include "sim/stream_sim.h"

namespace blsim {
namespace {

SocSpec preset(const std::string& name) {
  const std::string path = std::string(BLSIM_SOURCE_DIR) + "/configs/soc/" + name + ".ini";
  return soc_spec_from(load_config(blsim_options(), {path}, {}, BLSIM_SOURCE_DIR));
}

NetworkCost small_cost() {
  NetworkCost small;
  small.layers = {testing::layer("fc1", "Gemm", OpKind::kGemm, 100000, 200000, 400000, 3136, 512),
                  testing::layer("fc2", "Gemm", OpKind::kGemm, 1280, 2560, 5160, 512, 40)};
  return small;
}

CascadePlan two_stage(const SocSpec& soc, double threshold) {
  CascadePlan plan;
  plan.stages.push_back(StagePlan{"stage1", "small", soc.find_cluster("little"), small_cost()});
  plan.stages.push_back(StagePlan{"stage2", "lenet", soc.find_cluster("big"), testing::lenet_cost()});
  plan.thresholds = {threshold};
  plan.gate_cycles = 500;
  plan.first_rest = PowerState::kIdle;
  plan.escalation_rest = PowerState::kIdle;
  return plan;
}

CascadePlan one_stage(const SocSpec& soc) {
  CascadePlan plan;
  plan.stages.push_back(StagePlan{"stage1", "small", soc.find_cluster("little"), small_cost()});
  plan.gate_cycles = 500;
  plan.first_rest = PowerState::kIdle;
  return plan;
}

// n inputs whose first-stage confidences spread over [0, 1).
CascadeScores scores_of(size_t n, size_t stages) {
  CascadeScores s;
  s.stages.resize(stages);
  for (size_t i = 0; i < n; ++i) {
    const double c = static_cast<double>((i * 37) % n) / n;
    s.labels.push_back(static_cast<int>(i % 10));
    s.stages[0].prediction.push_back(static_cast<int>(i % 10));
    s.stages[0].confidence.push_back(c);
    for (size_t k = 1; k < stages; ++k) {
      s.stages[k].prediction.push_back(static_cast<int>(i % 10));
      s.stages[k].confidence.push_back(1.0);
    }
  }
  return s;
}

StreamPlan periodic(size_t n, double fps, size_t queue) {
  StreamPlan sp;
  sp.arrivals_s = arrival_times(parse_arrival("periodic:" + std::to_string(fps), "test"), n);
  sp.queue = queue;
  sp.arrival_rate_hz = fps;
  return sp;
}

// The cluster's own energy (cores and L2) from the ledger rows the cluster booked.
double cluster_core_j(const EnergyLedger& ledger, const std::string& cluster) {
  double e = 0;
  for (const auto& row : ledger.rows()) {
    if (row.cluster == cluster) e += row.energy.core_dyn_j + row.energy.core_static_j;
  }
  return e;
}

double cluster_sram_j(const EnergyLedger& ledger, const std::string& cluster) {
  double e = 0;
  for (const auto& row : ledger.rows()) {
    if (row.cluster == cluster) e += row.energy.sram_j;
  }
  return e;
}

void expect_tiling(const RunTrace& trace, const CascadeSimResult& r) {
  ASSERT_FALSE(trace.states.empty());
  EXPECT_DOUBLE_EQ(trace.end_s, r.time_s);
  for (size_t c = 0; c < trace.clusters.size(); ++c) {
    double t = 0, energy_j = 0;
    size_t count = 0;
    for (const auto& s : trace.states) {
      if (s.cluster != c) continue;
      EXPECT_EQ(s.start_s, t) << trace.clusters[c] << " interval " << count << " leaves a gap or overlaps";
      EXPECT_GE(s.end_s, s.start_s);
      energy_j += s.power_w * (s.end_s - s.start_s);
      t = s.end_s;
      ++count;
    }
    EXPECT_GT(count, 0u) << trace.clusters[c];
    EXPECT_EQ(t, trace.end_s) << trace.clusters[c] << " does not reach the end";
    // The intervals' power integrates to the cluster's own energy in the ledger: its cores
    // exactly, plus its L2 (which the ledger books together with the shared caches' leakage).
    const double core = cluster_core_j(r.ledger, trace.clusters[c]);
    const double sram = cluster_sram_j(r.ledger, trace.clusters[c]);
    EXPECT_GE(energy_j, core * (1 - 1e-9)) << trace.clusters[c];
    EXPECT_LE(energy_j, (core + sram) * (1 + 1e-9)) << trace.clusters[c];
  }
}

TEST(StreamSim, PeriodicOneStageMatchesTheClosedForm) {
  const SocSpec soc = preset("exynos5422");
  const CascadePlan plan = one_stage(soc);
  const size_t n = 60;
  const double fps = 30, period = 1 / fps;
  RunTrace trace;
  const CascadeSimResult r =
      simulate_stream(soc, plan, scores_of(n, 1), periodic(n, fps, 4), &trace);
  const ClusterIndex little = soc.find_cluster("little");
  const ClusterSpec& spec = soc.cluster(little);
  const OperatingPoint& opp = spec.initial_point();
  const NetworkEstimate est = estimate_network(soc, little, small_cost(), "small");
  const WakeCost wake = wake_cost(spec, opp, PowerState::kIdle);
  const double wake_j = wake.switching_j + wake.leakage_j;
  const double service_s = wake.latency_s + est.warm.time_s;
  const double rest_w = rest_power_w(spec, opp, PowerState::kIdle);

  ASSERT_EQ(r.inferences.size(), n);
  EXPECT_EQ(r.dropped(), 0u);
  // The pass lasts n arrival periods: every input carries the rest after it.
  EXPECT_NEAR(r.time_s, n * period, 1e-9);
  EXPECT_NEAR(r.throughput_hz(), fps, 1e-6);
  for (size_t i = 1; i < n; ++i) {
    const InferenceRecord& x = r.inferences[i];
    EXPECT_NEAR(x.arrival_s, i * period, 1e-12);
    EXPECT_NEAR(x.start_s, x.arrival_s, 1e-12) << "input " << i << " waited";
    // Latency: the wake-up from idle and one warm inference, no queueing.
    EXPECT_NEAR(x.latency_s, service_s, 0.01 * service_s) << "input " << i;
  }
  // The cluster's core energy: per input a wake-up and a warm inference, and idle leakage for
  // the rest of every period.
  const double run_core_j = est.warm.energy.core_dyn_j + est.warm.energy.core_static_j;
  const double expected_j = n * (wake_j + run_core_j) + rest_w * (r.time_s - n * service_s);
  EXPECT_NEAR(cluster_core_j(r.ledger, spec.name), expected_j, 0.01 * expected_j);
  // The rest dominates at 30 fps: the energy per input is mostly the period's idle leakage.
  EXPECT_GT(r.energy_per_inference_j(), rest_w * (period - service_s));
  expect_tiling(trace, r);
}

TEST(StreamSim, AFullQueueDropsWhatAQueueReplayPredicts) {
  const SocSpec soc = preset("exynos5422");
  const CascadePlan plan = one_stage(soc);
  const ClusterIndex little = soc.find_cluster("little");
  const double service_s = estimate_network(soc, little, small_cost(), "small").warm.time_s;
  const size_t n = 90, queue = 2;
  // Three arrivals per service time.
  const StreamPlan sp = periodic(n, 3.0 / service_s, queue);
  const CascadeSimResult r = simulate_stream(soc, plan, scores_of(n, 1), sp);
  // Replay a first-come-first-served queue with the service times the run measured: an arrival
  // is dropped when `queue` accepted inputs are waiting (arrived, not yet started).
  std::vector<double> starts;  // of accepted inputs, in order
  size_t expected_drops = 0;
  double server_free = 0;
  for (size_t i = 0; i < n; ++i) {
    const InferenceRecord& x = r.inferences[i];
    size_t waiting = 0;
    for (double s : starts) waiting += s > x.arrival_s ? 1 : 0;
    const bool busy = server_free > x.arrival_s;
    const bool drop = busy && waiting >= queue;
    EXPECT_EQ(x.dropped, drop) << "input " << i;
    if (drop) {
      ++expected_drops;
      continue;
    }
    const double start = std::max(x.arrival_s, server_free);
    EXPECT_NEAR(x.start_s, start, 1e-9) << "input " << i;
    starts.push_back(start);
    server_free = x.finish_s;
  }
  EXPECT_EQ(r.dropped(), expected_drops);
  // About two in three are dropped once the queue is full.
  EXPECT_GT(r.dropped(), n / 2);
  EXPECT_LT(r.dropped(), n);
  EXPECT_EQ(r.inferences[n - 1].dropped || r.answered() > 0, true);
}

TEST(StreamSim, OverlapBeatsOneInputAtATimeWhenEscalationsAreFrequent) {
  const SocSpec soc = preset("exynos5422");
  const CascadePlan plan = two_stage(soc, 0.5);  // half the inputs escalate
  const size_t n = 80;
  const CascadeScores scores = scores_of(n, 2);
  StreamPlan sp = periodic(n, 1e6, n);  // all arrive at once, nobody dropped
  sp.overlap = true;
  RunTrace over_trace, serial_trace;
  const CascadeSimResult over = simulate_stream(soc, plan, scores, sp, &over_trace);
  sp.overlap = false;
  const CascadeSimResult serial = simulate_stream(soc, plan, scores, sp, &serial_trace);
  ASSERT_TRUE(over.overlap);
  ASSERT_FALSE(serial.overlap);
  EXPECT_EQ(over.dropped(), 0u);
  EXPECT_EQ(serial.dropped(), 0u);
  EXPECT_NEAR(over.escalation_rate(), 0.5, 0.05);
  for (size_t i = 0; i < n; ++i) {
    EXPECT_EQ(over.inferences[i].prediction, serial.inferences[i].prediction);
  }
  // One at a time, an input costs the little run plus half a big run; overlapped, the slower of
  // the two (here the big cluster's half), so the gain is 1 + little / (half a big run).
  EXPECT_GT(over.throughput_hz(), 1.05 * serial.throughput_hz())
      << "overlap " << over.throughput_hz() << "/s, serial " << serial.throughput_hz() << "/s";
  // While the big cluster works, the little one takes later inputs: some start before an
  // earlier input's answer.
  size_t overtaken = 0;
  for (size_t i = 1; i < n; ++i) {
    overtaken += over.inferences[i].start_s < over.inferences[i - 1].finish_s ? 1 : 0;
  }
  EXPECT_GT(overtaken, 0u);
  // The clusters share the interconnect and DRAM: the first stage's layers, run while the big
  // cluster works, take longer than the same layers run alone.
  auto stage1_layer_s = [](const RunTrace& t) {
    double sum = 0;
    for (const auto& x : t.slices) sum += x.kind == "layer" && x.stage == "stage1" ? x.end_s - x.start_s : 0;
    return sum;
  };
  const double over_s = stage1_layer_s(over_trace), serial_s = stage1_layer_s(serial_trace);
  std::printf("first stage's layers: %.6g s overlapped, %.6g s one input at a time\n", over_s,
              serial_s);
  EXPECT_GT(over_s, serial_s);
}

TEST(StreamSim, GovernorsChooseOperatingPointsAndRestStates) {
  const SocSpec soc = preset("exynos5422");
  const CascadePlan plan = two_stage(soc, 0.5);
  const size_t n = 60;
  const CascadeScores scores = scores_of(n, 2);
  StreamPlan sp = periodic(n, 30, 4);
  RunTrace fixed_trace, perf_trace, menu_trace, save_trace;
  const CascadeSimResult fixed = simulate_stream(soc, plan, scores, sp, &fixed_trace);
  sp.governor.dvfs = DvfsGovernor::kPowersave;
  const CascadeSimResult save = simulate_stream(soc, plan, scores, sp, &save_trace);
  sp.governor.dvfs = DvfsGovernor::kPerformance;
  sp.governor.idle = IdleGovernor::kMenu;
  const CascadeSimResult menu = simulate_stream(soc, plan, scores, sp, &menu_trace);
  // powersave runs slower; every active interval at the lowest frequency.
  EXPECT_GT(save.latency_mean_s(), fixed.latency_mean_s());
  for (const auto& s : save_trace.states) {
    if (s.state == "active") {
      EXPECT_EQ(s.freq_mhz, soc.cluster(s.cluster).opps.front().freq_mhz);
    }
  }
  // menu: 33 ms gaps outlast every state's target residency on this SoC: the clusters go deeper
  // than idle after the first gaps, and the energy per frame falls.
  size_t deep = 0;
  for (const auto& s : menu_trace.states) deep += s.state == "parked" || s.state == "off" ? 1 : 0;
  EXPECT_GT(deep, n / 2);
  EXPECT_LT(menu.energy_per_inference_j(), fixed.energy_per_inference_j());
  expect_tiling(menu_trace, menu);
  expect_tiling(save_trace, save);
}

TEST(StreamSim, SchedutilSlowsAnIdleStreamAndSpeedsABusyOne) {
  const SocSpec soc = preset("exynos5422");
  const CascadePlan plan = two_stage(soc, 0.5);
  const size_t n = 3000;
  const CascadeScores scores = scores_of(n, 2);
  const ClusterIndex little = soc.find_cluster("little");
  const std::vector<OperatingPoint>& opps = soc.cluster(little).opps;
  // The highest frequency of the little cluster's active intervals.
  auto fastest_mhz = [&](double fps) {
    StreamPlan sp = periodic(n, fps, n);
    sp.governor.dvfs = DvfsGovernor::kSchedutil;
    RunTrace trace;
    const CascadeSimResult r = simulate_stream(soc, plan, scores, sp, &trace);
    double f = 0;
    for (const auto& st : trace.states) {
      if (st.cluster == little && st.state == "active") f = std::max(f, st.freq_mhz);
    }
    expect_tiling(trace, r);
    return f;
  };
  // About 0.1% busy: the lowest point throughout.
  EXPECT_EQ(fastest_mhz(30), opps.front().freq_mhz);
  // Always busy: with frequency-invariant utilization each update may ask for 1.25 times the
  // current frequency, so the cluster climbs, by the averaging's pace, towards the top.
  EXPECT_GE(fastest_mhz(1e6), 0.75 * opps.back().freq_mhz);
}

TEST(StreamSim, SchedutilFollowsUtilization) {
  const SocSpec soc = preset("exynos5422");
  const ClusterSpec& little = soc.cluster(soc.find_cluster("little"));
  GovernorSpec g;
  g.dvfs = DvfsGovernor::kSchedutil;
  ClusterGovernor gov(little, g, PowerState::kIdle);
  // Busy all the time at the top: utilization rises towards 1 and the top point is chosen.
  double t = 0;
  for (int k = 0; k < 200; ++k, t += 1e-3) gov.busy(t, t + 1e-3, little.opps.size() - 1);
  EXPECT_GT(gov.util(), 0.95);
  EXPECT_EQ(gov.opp_at_start(t), little.opps.size() - 1);
  // Then idle for 10 half-lives: the lowest point.
  EXPECT_EQ(gov.opp_at_start(t + 0.32), 0u);

  // The rate limit: with a 1 ms half-life the utilization swings within the 2 ms limit.
  g.util_half_life_s = 1e-3;
  ClusterGovernor fast(little, g, PowerState::kIdle);
  ASSERT_NE(little.initial_opp, 0u);
  EXPECT_EQ(fast.opp_at_start(0), 0u);  // no utilization yet: the lowest point
  for (int k = 0; k < 50; ++k) fast.busy(k * 1e-3, (k + 1) * 1e-3, little.opps.size() - 1);
  EXPECT_EQ(fast.opp_at_start(0.05), little.opps.size() - 1);  // busy 50 ms: the highest
  // 1.5 ms idle: the utilization fell to a third, but the last change was under 2 ms ago.
  EXPECT_EQ(fast.opp_at_start(0.0515), little.opps.size() - 1);
  // 3 ms idle: past the limit, a lower point.
  EXPECT_LT(fast.opp_at_start(0.053), little.opps.size() - 1);
}

TEST(StreamSim, RecordingLeavesTheBackToBackPassUnchanged) {
  const SocSpec soc = preset("exynos5422");
  const CascadePlan plan = two_stage(soc, 0.4);
  const CascadeScores scores = scores_of(100, 2);
  RunTrace trace;
  const CascadeSimResult plain = simulate_cascade(soc, plan, scores);
  const CascadeSimResult traced = simulate_cascade(soc, plan, scores, &trace);
  EXPECT_EQ(plain.time_s, traced.time_s);
  EXPECT_EQ(plain.total.total_j(), traced.total.total_j());
  ASSERT_EQ(plain.inferences.size(), traced.inferences.size());
  for (size_t i = 0; i < plain.inferences.size(); ++i) {
    EXPECT_EQ(plain.inferences[i].latency_s, traced.inferences[i].latency_s);
    EXPECT_EQ(plain.inferences[i].energy_j, traced.inferences[i].energy_j);
    // Back to back: each input arrives as the previous one is answered.
    EXPECT_EQ(traced.inferences[i].arrival_s, traced.inferences[i].start_s);
    if (i > 0) {
      EXPECT_NEAR(traced.inferences[i].arrival_s, traced.inferences[i - 1].finish_s, 1e-12);
    }
  }
  expect_tiling(trace, traced);
  size_t wakes = 0, layers = 0;
  for (const auto& s : trace.slices) {
    wakes += s.kind == "wake" ? 1 : 0;
    layers += s.kind == "layer" ? 1 : 0;
  }
  EXPECT_GE(wakes, 100u);
  EXPECT_GE(layers, 200u);
}

TEST(StreamArrival, ParsesModesAndRejectsBadOnes) {
  EXPECT_FALSE(parse_arrival("back-to-back", "k").stream());
  EXPECT_EQ(parse_arrival("periodic:30", "k").rate_hz, 30);
  EXPECT_EQ(parse_arrival("poisson:2.5", "k").kind, ArrivalSpec::Kind::kPoisson);
  for (const char* bad : {"periodic", "periodic:", "periodic:-1", "periodic:0", "poisson:abc",
                          "trace:", "uniform:3", "periodic:inf"}) {
    EXPECT_THROW(parse_arrival(bad, "k"), UserError) << bad;
  }
  ArrivalSpec p = parse_arrival("poisson:100", "k");
  const std::vector<double> t = arrival_times(p, 20000);
  EXPECT_NEAR(t.back() / (t.size() - 1), 0.01, 0.0005);  // mean gap 1/rate
  EXPECT_EQ(t, arrival_times(p, 20000));                 // the seed fixes them
}

}  // namespace
}  // namespace blsim
