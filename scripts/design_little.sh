#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Designs the little network of a cascade with blsim's own tools: trains a small set of candidate
# networks (fixed seeds, so the same build gives the same bytes), sweeps them as stage1.net of the
# cascade, at the little cluster's operating points and with both rest states of the big cluster,
# on the VALIDATION split, and names the point with the least energy per inference whose threshold
# met the loss budget there. The test split
# is not looked at; `blsim run --cascade ... --set stage1.net=CHOSEN` reports it afterwards.
#
#   scripts/design_little.sh mnist|fashion [OUT_DIR]      (default OUT_DIR: out/design-DATASET)
#
# LITTLE_MHZ (default 300,700,1000,1400: the fastest operating point of each of the Exynos 5422
# A7's voltage levels, 0.9 / 1.0 / 1.1 / 1.25-1.275 V) lists the little cluster's clocks to try.
# Runs from the repository root (OUT_DIR, when relative, is taken from there), so the teacher is
# named by a relative path in the trained networks' recipes.
# Candidates already trained in OUT_DIR/nets are kept (delete them to retrain). Training runs under
# `nice -n 10`, one network at a time (run the script itself without nice).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
blsim="${BLSIM:-$here/build/blsim}"
dataset="${1:-}"
case "$dataset" in
  mnist | fashion) ;;
  *) echo "usage: $0 mnist|fashion [OUT_DIR]" >&2; exit 2 ;;
esac
out="${2:-out/design-$dataset}"
cd "$here"
cascade="configs/cascade/$dataset.ini"
teacher="workloads/nets/$dataset-big.onnx"
mkdir -p "$out/nets"

# name | arch | epochs | max shift (px) | distilled (T alpha, or -). Most distilled candidates
# train without shifts: the teacher runs once per distinct (image, shift), so 9 shifts cost 9
# passes of the big network over the training split.
if [ "$dataset" = mnist ]; then
  candidates=(
    "mlp128|mlp-128|20|1|-"
    "mlp128-kd|mlp-128|20|0|3 0.7"
    "mlp128-kd-shift|mlp-128|20|1|3 0.7"
    "mlp256|mlp-256|20|1|-"
    "mlp64-kd|mlp-64|20|0|3 0.7"
    "mlp32-kd|mlp-32|20|0|3 0.7"
    "cnntiny-kd|cnn-tiny|8|0|3 0.7"
    "cnndws-kd|cnn-dws|8|0|3 0.7"
  )
else
  candidates=(
    "mlp64|mlp-64|20|0|-"
    "mlp64-kd|mlp-64|20|0|3 0.7"
    "mlp128-kd|mlp-128|20|0|3 0.7"
    "cnntiny-kd|cnn-tiny|6|0|3 0.7"
    "cnndws-kd|cnn-dws|6|0|3 0.7"
  )
fi

nets=()
for c in "${candidates[@]}"; do
  IFS='|' read -r name arch epochs shift kd <<<"$c"
  file="$out/nets/$dataset-$name.onnx"
  nets+=("$file")
  [ -f "$file" ] && continue
  args=(train --dataset "$dataset" --arch "$arch" --epochs "$epochs" --seed 1
        --set "train.max_shift_px=$shift" --out "$file")
  if [ "$kd" != - ]; then
    read -r temperature alpha <<<"$kd"
    args+=(--teacher "$teacher" --temperature "$temperature" --alpha "$alpha")
  fi
  echo "== $name: blsim ${args[*]}"
  nice -n 10 "$blsim" "${args[@]}" | tail -n 2
done

list="$(IFS=,; echo "${nets[*]}")"
nice -n 10 "$blsim" sweep --cascade "$cascade" --split val --jobs 1 --out "$out/sweep" \
  --vary "stage1.net=$list" --vary "cluster.little.freq_mhz=${LITTLE_MHZ:-300,700,1000,1400}" \
  --vary cascade.escalation_rest_state=idle,parked >/dev/null

# The least validation energy per inference among points whose loss bound met the budget
# (a point whose threshold could not meet it escalates everything and is never the cheapest).
awk -F, '
  NR == 1 { for (i = 1; i <= NF; ++i) col[$i] = i; next }
  {
    printf "%-40s %4s MHz %-7s val E %.4f mJ  escalated %5.1f%%  loss %5.2f pt  saved %5.1f%%  " \
      "latency %.3f ms\n", $col["stage1.net"], $col["cluster.little.freq_mhz"],
      $col["cascade.escalation_rest_state"], 1e3 * $col["energy_per_inference_j"],
      100 * $col["escalation_rate"], 100 * $col["accuracy_loss"], 100 * $col["energy_reduction"],
      1e3 * $col["latency_mean_s"]
    if ($col["accuracy_loss"] <= $col["max_accuracy_loss"] + 1e-12 &&
        (best == "" || $col["energy_per_inference_j"] < best_e)) {
      best = $col["stage1.net"] " at " $col["cluster.little.freq_mhz"] " MHz, big cluster " \
        $col["cascade.escalation_rest_state"]
      best_e = $col["energy_per_inference_j"]
    }
  }
  END { if (best == "") { print "no candidate met the budget"; exit 1 }
        printf "chosen: %s (%.4f mJ per inference on the validation split)\n", best, 1e3 * best_e }
' "$out/sweep/sweep.csv"
