#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The merge job of scripts/slurm-sweep.sh: checks that every shard of array job ARRAY finished,
# naming each one that did not (with its Slurm state and its log's last line), then joins the
# shards into OUT/sweep.csv and OUT/pareto.csv. Usage: slurm-merge.sh OUT SHARDS ARRAY BLSIM
set -euo pipefail

if (($# != 4)) || [[ ! "$2" =~ ^[1-9][0-9]*$ || ! "$3" =~ ^[0-9]+$ ]]; then
  echo "slurm-merge: usage: slurm-merge.sh OUT SHARDS ARRAY-JOB-ID BLSIM (run by slurm-sweep.sh)" >&2
  exit 2
fi
out="$1" shards="$2" array_job="$3" blsim="$4"

failed=0
files=()
for ((k = 1; k <= shards; k++)); do
  # A task writes its array job id here only after its blsim sweep succeeded, so a file left by
  # an earlier submission does not count.
  done_id="$(cat "$out/slurm/shard-$k.done" 2>/dev/null || true)"
  if [[ "$done_id" != "$array_job" ]]; then
    state="$(scontrol -o show job "${array_job}_$k" 2>/dev/null |
      grep -o 'JobState=[^ ]*\|ExitCode=[^ ]*' | paste -sd ' ' || true)"
    last="$(tail -n 1 "$out/logs/${array_job}_$k.log" 2>/dev/null || true)"
    echo "slurm-merge: shard $k of $shards did not finish (job ${array_job}_$k ${state:-state unknown})${last:+; its log ends: $last}; submit the same slurm-sweep.sh command again to run its missing points" >&2
    failed=$((failed + 1))
  fi
  files+=("$out/shard-$k/sweep.csv")
done
((failed == 0)) || exit 1
exec "$blsim" merge "${files[@]}" --out "$out"
