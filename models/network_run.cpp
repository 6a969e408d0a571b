// SPDX-License-Identifier: MIT
#include "models/network_run.h"

#include <algorithm>

#include "models/core_model.h"
#include "models/layer_plan.h"
#include "models/layer_pricing.h"
#include "models/tile_schedule.h"

namespace blsim {

NetworkRunResult run_network_layers(const NetworkRunContext& ctx, const NetworkCost& net,
                                    const std::string& net_name, const std::string& stage,
                                    double start_s, bool weights_in_l2) {
  const ClusterSpec& spec = ctx.soc.cluster(ctx.cluster);
  uint64_t largest_working_set = 1;
  for (const auto& l : net.layers) {
    largest_working_set = std::max(largest_working_set, l.input_bytes + l.output_bytes);
  }
  // Weights live once per network; each cluster has its own activation buffers.
  const uint64_t weight_base = ctx.accounts.region("weights:" + net_name, net.total_param_bytes());
  const uint64_t act_base =
      ctx.accounts.region("act:" + spec.name + ":" + net_name, 2 * largest_working_set);
  const NetworkPlan plan = plan_network(net, spec, weights_in_l2, weight_base, act_base);
  double t = start_s;
  for (size_t i = 0; i < net.layers.size(); ++i) {
    const LayerCost& layer = net.layers[i];
    LayerWork work;
    work.compute_s = layer_compute_time_s(layer, spec, ctx.opp);
    work.core_s = std::max(work.compute_s,
                           l2_time_s(layer_l2_bytes(layer, plan.layers[i]), spec, ctx.opp)) +
                  layer_fork_join_s(layer, spec);
    work.ceiling_bytes_per_s = mlp_bytes_per_s(spec, ctx.soc, cores_used(layer, spec));
    const LayerRun run =
        run_layer_tiles(t, work, plan.layers[i], ctx.soc.sim.tile_bytes, ctx.port);
    t = run.end_s;
    if (ctx.after_layer) ctx.after_layer(t);
    PricedLayer priced = price_layer(layer, plan.layers[i], run, ctx.soc, ctx.opp,
                                     RowLabel{stage, net_name, ctx.cluster, layer.name, layer.op_type});
    const EnergyBreakdown background = ctx.accounts.claim_background(run.start_s, run.end_s);
    priced.row.energy.dram_static_j += background.dram_static_j;
    priced.row.energy.sram_j += background.sram_j;
    ctx.book(priced.row, priced.cluster);
  }
  return NetworkRunResult{t, plan.weights_fit};
}

}  // namespace blsim
