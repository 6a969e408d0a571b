#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs a blsim sweep on a Slurm cluster: a job array with one task per shard (blsim sweep --shard
# K/N --resume), then a merge job (scripts/slurm-merge.sh) after all of them. Submitting the same
# command again resumes: finished points are kept. Usage: scripts/slurm-sweep.sh --help
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() {
  cat <<'EOF'
Usage: scripts/slurm-sweep.sh --out DIR [options] [--] SWEEP-OPTIONS...

Submits a blsim sweep to Slurm: a job array with one task per shard, each running
  blsim sweep SWEEP-OPTIONS --shard K/N --resume --jobs CPUS --out DIR/shard-K
and a merge job, after the whole array, that checks every shard finished and writes
DIR/sweep.csv and DIR/pareto.csv with blsim merge. Run it from the folder the sweep's relative
paths (data/, configs/) are relative to; on a cluster the build, data/ and DIR must be on a
filesystem every node sees. Submitting the same command again re-runs only missing points.

Options:
  --out DIR          output folder (required): shard-K/, logs/, slurm/, sweep.csv, pareto.csv
  --shards N         number of shards, one array task each (default 4)
  --cpus N           CPUs per task, passed to blsim sweep as --jobs (default 1)
  --partition NAME   Slurm partition (default: the cluster's default partition)
  --time LIMIT       time limit of each task, Slurm's format, e.g. 30 or 2:00:00 or 1-0
  --blsim PATH       the blsim binary (default: build/blsim beside this script)
  --help             this text
Every other argument (e.g. --vary KEY=V1,V2 --samples 300 --full) goes to blsim sweep.
EOF
}

die() {
  echo "slurm-sweep: $*" >&2
  exit 2
}

out="" shards=4 cpus=1 partition="" time_limit="" blsim="$here/build/blsim"
sweep_args=()
while (($#)); do
  arg="$1"
  shift
  # --opt=value and --opt value are both accepted for the script's own options.
  name="$arg" value="" inline=0
  if [[ "$arg" == --*=* ]]; then
    name="${arg%%=*}" value="${arg#*=}" inline=1
  fi
  case "$name" in
    --help | -h) usage; exit 0 ;;
    --out | --shards | --cpus | --partition | --time | --blsim)
      if ((!inline)); then
        (($#)) || die "$name needs a value"
        value="$1"
        shift
      fi
      case "$name" in
        --out) out="$value" ;;
        --shards) shards="$value" ;;
        --cpus) cpus="$value" ;;
        --partition) partition="$value" ;;
        --time) time_limit="$value" ;;
        --blsim) blsim="$value" ;;
      esac
      ;;
    --shard | --resume | --jobs)
      die "$name is set by this script (use --shards N, --cpus N)" ;;
    --)
      sweep_args+=("$@")
      break
      ;;
    *) sweep_args+=("$arg") ;;
  esac
done

[[ -n "$out" ]] || die "give the output folder: --out DIR (see --help)"
[[ "$out" != *%* ]] || die "--out $out: a '%' would be read by Slurm as a file name pattern"
[[ "$shards" =~ ^[1-9][0-9]{0,5}$ && $shards -le 100000 ]] ||
  die "--shards $shards: expected a whole number from 1 to 100000"
[[ "$cpus" =~ ^[1-9][0-9]{0,2}$ && $cpus -le 256 ]] ||
  die "--cpus $cpus: expected a whole number from 1 to 256"
[[ -z "$partition" || "$partition" =~ ^[A-Za-z0-9_.,-]+$ ]] ||
  die "--partition $partition: expected a partition name"
[[ -z "$time_limit" || "$time_limit" =~ ^([0-9]+-)?[0-9]+(:[0-9]+){0,2}$ ]] ||
  die "--time $time_limit: expected MINUTES, H:MM:SS or DAYS-HOURS"
((${#sweep_args[@]})) || die "give the sweep's options, e.g. --vary cascade.threshold=0:1:0.05"
[[ -x "$blsim" && -f "$blsim" ]] || die "$blsim: no blsim binary there (build it, or --blsim PATH)"
command -v sbatch >/dev/null 2>&1 || die "sbatch not found: run this on a Slurm submit host"

# Jobs run on other nodes, maybe in another folder: every path they get is absolute.
mkdir -p "$out/logs" "$out/slurm" || die "$out: cannot make the output folder"
out="$(cd "$out" && pwd)"
blsim="$(cd "$(dirname "$blsim")" && pwd)/$(basename "$blsim")"

# Two submissions at once would append to the same shard files.
if [[ -f "$out/slurm/jobs" ]]; then
  read -r -a previous <"$out/slurm/jobs" || true
  if ((${#previous[@]})) && [[ -n "$(squeue -h -j "$(IFS=,; echo "${previous[*]}")" 2>/dev/null)" ]]; then
    die "$out: jobs ${previous[*]} of an earlier submission are still queued or running (wait, or scancel them)"
  fi
fi

common=(--parsable --chdir="$PWD")
[[ -n "$partition" ]] && common+=(--partition="$partition")
[[ -n "$time_limit" ]] && common+=(--time="$time_limit")

# The task script is sent to sbatch whole, so the shard command needs no file on the nodes; a
# task records its array job id only once its shard has finished, for the merge job to check.
task_script="$out/slurm/shard.sbatch"
# shellcheck disable=SC2016  # the task script's $variables expand on the node
{
  echo '#!/bin/bash'
  echo '# One shard of a blsim sweep, written by scripts/slurm-sweep.sh.'
  echo 'set -euo pipefail'
  echo 'k="$SLURM_ARRAY_TASK_ID"'
  printf 'done_file=%q/slurm/shard-"$k".done\n' "$out"
  echo 'rm -f "$done_file"'
  printf '%q sweep' "$blsim"
  printf ' %q' "${sweep_args[@]}"
  printf ' --shard "$k"/%d --resume --jobs %d --out %q/shard-"$k"\n' "$shards" "$cpus" "$out"
  echo 'echo "$SLURM_ARRAY_JOB_ID" >"$done_file"'
} >"$task_script"

array_job="$(sbatch "${common[@]}" --job-name=blsim-sweep --array="1-$shards" \
  --cpus-per-task="$cpus" --output="$out/logs/%A_%a.log" "$task_script")" ||
  { echo "slurm-sweep: sbatch refused the shard array (its message is above)" >&2; exit 1; }
array_job="${array_job%%;*}"
# afterany, not afterok: the merge job runs even when a shard failed, to say which one.
if ! merge_job="$(sbatch "${common[@]}" --job-name=blsim-merge --dependency="afterany:$array_job" \
  --cpus-per-task=1 --output="$out/logs/%j-merge.log" \
  "$here/scripts/slurm-merge.sh" "$out" "$shards" "$array_job" "$blsim")"; then
  scancel "$array_job" || true
  echo "slurm-sweep: sbatch refused the merge job (its message is above); shard array $array_job cancelled" >&2
  exit 1
fi
merge_job="${merge_job%%;*}"
echo "$array_job $merge_job" >"$out/slurm/jobs"

echo "submitted: shard array job $array_job (tasks ${array_job}_1 to ${array_job}_$shards, $cpus CPU each), merge job $merge_job (after the array)"
echo "progress:  squeue -j $array_job,$merge_job    (afterwards, where accounting is on: sacct -j $array_job,$merge_job)"
echo "logs:      $out/logs/${array_job}_K.log (shard K), $out/logs/$merge_job-merge.log (merge: names any shard that did not finish)"
echo "result:    $out/sweep.csv and $out/pareto.csv; if a shard failed, submit the same command again to run only its missing points"
