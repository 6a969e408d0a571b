#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The DRAM model's speed target read on this host, whatever its speed. The issue set the target
# (>= 10 M requests/s) when the in-order model of commit 9ceeed7 ran 14 M random and 43 M
# sequential 64-byte requests a second: 0.71 and 0.23 of that model's rates. This script builds
# that model from git history (bench/experiments/inorder_model_speed.cpp), runs it and
# build/bench/dram_bench in turn, ROUNDS times (default 3), and prints each round's medians and
# the model's rate as a fraction of the in-order one's, beside those fractions.
# Usage: bash bench/dram_target_ratio.sh [build-dir]   (needs git history, g++, a built bench)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build}"
rounds="${ROUNDS:-3}"
bench="$build/bench/dram_bench"
if [[ ! -x "$bench" ]]; then
  echo "dram_target_ratio: $bench is missing: build the benchmarks first (scripts/setup.sh)" >&2
  exit 2
fi
if ! git -C "$here" cat-file -e 9ceeed7 2>/dev/null; then
  echo "dram_target_ratio: commit 9ceeed7 is not in $here's git history: run it in a clone" >&2
  exit 2
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
git -C "$here" archive 9ceeed7 models/dram_timing.h models/dram_timing.cpp models/soc_spec.h \
  energy/dram_power.h energy/dram_power.cpp energy/cluster_power.h energy/energy_breakdown.h \
  workloads/layer_cost.h | tar -x -C "$tmp"
g++ -O3 -DNDEBUG -std=c++17 -I"$tmp" "$here/bench/experiments/inorder_model_speed.cpp" \
  "$tmp/models/dram_timing.cpp" "$tmp/energy/dram_power.cpp" -o "$tmp/inorder"

median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
printf '%-5s  %-28s  %-28s\n' round "random: in-order  this  ratio" "sequential: in-order  this  ratio"
ratios_rand=() ratios_seq=()
for ((r = 1; r <= rounds; ++r)); do
  inorder="$("$tmp/inorder")"
  in_rand="$(awk '$1 == "rand64" {print $2}' <<<"$inorder" | median)"
  in_seq="$(awk '$1 == "seq64" {print $2}' <<<"$inorder" | median)"
  ours="$("$bench" --benchmark_filter='BM_Rand64$|BM_Seq64$' --benchmark_repetitions=5 \
           2>/dev/null)"
  our_rand="$(sed -n 's/^BM_Rand64 *median *\([0-9.]*\) M.*/\1/p' <<<"$ours")"
  our_seq="$(sed -n 's/^BM_Seq64 *median *\([0-9.]*\) M.*/\1/p' <<<"$ours")"
  rr="$(awk -v a="$our_rand" -v b="$in_rand" 'BEGIN {printf "%.2f", a / b}')"
  rs="$(awk -v a="$our_seq" -v b="$in_seq" 'BEGIN {printf "%.2f", a / b}')"
  ratios_rand+=("$rr") ratios_seq+=("$rs")
  printf '%-5s  %8.2f M %6.2f M %5s     %8.2f M %6.2f M %5s\n' "$r" "$in_rand" "$our_rand" "$rr" \
    "$in_seq" "$our_seq" "$rs"
done
mr="$(printf '%s\n' "${ratios_rand[@]}" | median)"
ms="$(printf '%s\n' "${ratios_seq[@]}" | median)"
verdict() { awk -v x="$1" -v t="$2" 'BEGIN {print (x >= t ? "met" : "NOT met")}'; }
echo "random:     median ratio $mr, target 0.71 (10 M where the in-order model ran 14 M): $(verdict "$mr" 0.714)"
echo "sequential: median ratio $ms, target 0.23 (10 M where the in-order model ran 43 M): $(verdict "$ms" 0.233)"
