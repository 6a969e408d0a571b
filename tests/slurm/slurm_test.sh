#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Tests scripts/slurm-sweep.sh against a real single-node Slurm (munged, slurmctld, slurmd on
# loopback, started here from a generated slurm.conf in a temporary folder and stopped on exit):
# a sharded sweep merges to the bytes of the local sweep; a cancelled shard fails the merge job
# naming it, and the same command again runs only its missing points. Needs root and build/blsim.
# shellcheck disable=SC2015  # pass cannot fail, so "A && pass || fail" is an if-else here
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
blsim="$here/build/blsim"
submit="$here/scripts/slurm-sweep.sh"
started_s=$SECONDS

passed=0 failed=0
pass() { passed=$((passed + 1)); echo "ok: $*"; }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
# A missing prerequisite fails the run: this test never passes without a real Slurm.
abort() {
  echo "slurm: cannot run: $*" >&2
  show_logs=1
  echo "slurm: $passed passed, $((failed + 1)) failed"
  exit 1
}

tmp="$(mktemp -d /tmp/blsim-slurm.XXXXXX)"
# munged runs as the munge user and must reach its folder below this one.
chmod 755 "$tmp"
pids=()
ctld_pid=""
show_logs=0
cleanup() {
  local rc=$?
  # Nothing here may stop the daemons from being stopped: not a failing command, nor a reader
  # of our output that went away.
  set +e
  trap '' PIPE
  if ((show_logs || rc != 0 || failed)); then
    for log in "$tmp"/log/* "$tmp"/munge/munged.log; do
      [[ -f "$log" ]] || continue
      echo "--- last lines of $log"
      tail -n 30 "$log"
    done
  fi
  # The jobs first, if the controller is up (clients of a dead one wait for their timeout),
  # then our own daemons only, by the pids we started.
  if [[ -n "$ctld_pid" ]] && kill -0 "$ctld_pid" 2>/dev/null; then
    SLURM_CONF="$tmp/slurm.conf" timeout 5 scancel --quiet --user=root 2>/dev/null || true
    for _ in $(seq 25); do
      [[ -z "$(SLURM_CONF="$tmp/slurm.conf" timeout 5 squeue -h 2>/dev/null)" ]] && break
      sleep 0.2
    done
  fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[[ $(id -u) -eq 0 ]] || abort "needs root (slurmd and munged are started here)"
[[ -x "$blsim" ]] || abort "$blsim missing: build first (bash scripts/test.sh)"
for cmd in munged slurmctld slurmd sbatch squeue sinfo scancel scontrol setpriv; do
  command -v "$cmd" >/dev/null 2>&1 || abort "$cmd not installed (bash scripts/setup.sh installs Slurm and munge)"
done

# A pair of free loopback ports, so that a Slurm already on this machine is left alone.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ctld_port=""
for p in $(seq 16817 2 16897); do
  if port_free "$p" && port_free $((p + 1)); then ctld_port=$p; break; fi
done
[[ -n "$ctld_port" ]] || abort "no two free ports between 16817 and 16898"
host="$(hostname -s)"
mkdir -p "$tmp/log" "$tmp/state" "$tmp/spool" "$tmp/munge" "$tmp/run"

# munge: a fresh key readable by the munge user only, and its socket in our folder.
dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 status=none
chown -R munge:munge "$tmp/munge"
chmod 755 "$tmp/munge"  # clients reach the socket there; the key stays 0400
chmod 400 "$tmp/munge/munge.key"
socket="$tmp/munge/munge.socket"
# setpriv execs munged itself, so the pid kept is the daemon's.
setpriv --reuid=munge --regid=munge --init-groups munged --foreground --socket="$socket" --key-file="$tmp/munge/munge.key" \
  --pid-file="$tmp/munge/munged.pid" --seed-file="$tmp/munge/munged.seed" \
  --log-file="$tmp/munge/munged.log" >"$tmp/log/munged.out" 2>&1 &
pids+=($!)
for _ in $(seq 50); do
  [[ -S "$socket" ]] && break
  kill -0 "${pids[-1]}" 2>/dev/null || break
  sleep 0.1
done
[[ -S "$socket" ]] || abort "munged did not start: $(tail -q -n 1 "$tmp/munge/munged.log" "$tmp/log/munged.out" 2>/dev/null | tail -n 1)"

# Without cgroups (none delegated here): process groups track jobs, no task binding, no
# accounting; the backfill scheduler every second (not 30 s) so that a dependent merge job
# starts soon after its array.
cat >"$tmp/slurm.conf" <<EOF
ClusterName=blsimtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$((ctld_port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
MpiDefault=none
ProctrackType=proctrack/pgid
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SchedulerParameters=bf_interval=1
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
KillWait=3
MinJobAge=600
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/run/slurmctld.pid
SlurmdPidFile=$tmp/run/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$tmp/slurm.conf"
slurmctld -D -i -f "$SLURM_CONF" >"$tmp/log/slurmctld.out" 2>&1 &
pids+=($!)
ctld_pid=$!
slurmd -D -N "$host" -f "$SLURM_CONF" >"$tmp/log/slurmd.out" 2>&1 &
pids+=($!)
node_up=0
for _ in $(seq 100); do
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || break 2; done
  state="$(timeout 5 sinfo -h -n "$host" -o %t 2>/dev/null || true)"
  if [[ "$state" == idle* ]]; then node_up=1; break; fi
  sleep 0.2
done
((node_up)) || abort "the Slurm node did not come up (state '${state:-none}'): $(tail -q -n 1 "$tmp/log/slurmctld.log" "$tmp/log/slurmd.log" 2>/dev/null | paste -sd ' ')"
echo "slurm: $host up on 127.0.0.1:$ctld_port after $((SECONDS - started_s)) s"

cd "$here"  # the jobs run in the submitting folder: data/ and configs/ are found from there
# Waits until none of the jobs is queued or running, at most $2 seconds.
wait_jobs() {
  local deadline=$((SECONDS + $2))
  while [[ -n "$(squeue -h -j "$1" 2>/dev/null)" ]]; do
    ((SECONDS < deadline)) || return 1
    sleep 0.3
  done
}
job_state() { scontrol -o show job "$1" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2; }
# Submits through the script under test; sets array_job and merge_job from its record.
submit() {
  "$submit" "$@" >"$tmp/submit.out" 2>&1 || { cat "$tmp/submit.out"; return 1; }
  local out_dir="" prev=""
  for a in "$@"; do [[ "$prev" == --out ]] && out_dir="$a"; prev="$a"; done
  read -r array_job merge_job <"$out_dir/slurm/jobs"
}

# 1. Bad options are refused before anything is submitted.
help_text="$("$submit" --help)" || true
if [[ "$help_text" == "Usage: scripts/slurm-sweep.sh"* ]]; then pass "--help"; else fail "--help"; fi
bad_runs=(
  "--shards 0 --out $tmp/bad --vary cascade.threshold=0.5"
  "--cpus x --out $tmp/bad --vary cascade.threshold=0.5"
  "--time soon --out $tmp/bad --vary cascade.threshold=0.5"
  "--jobs 2 --out $tmp/bad --vary cascade.threshold=0.5"
  "--vary cascade.threshold=0.5"
  "--out $tmp/bad"
  "--out"
)
for args in "${bad_runs[@]}"; do
  rc=0
  # shellcheck disable=SC2086  # the words of each case are split on purpose
  "$submit" $args >"$tmp/bad.out" 2>"$tmp/bad.err" || rc=$?
  if ((rc == 2)) && [[ $(wc -l <"$tmp/bad.err") -eq 1 && ! -s "$tmp/bad.out" ]] && grep -q '^slurm-sweep: ' "$tmp/bad.err"; then
    pass "refused: $args ($(cat "$tmp/bad.err"))"
  else
    fail "slurm-sweep.sh $args: exit $rc, stderr: $(cat "$tmp/bad.err")"
  fi
done
# squeue -t all lists finished jobs too (MinJobAge): none may exist yet.
if [[ -z "$(squeue -h -t all 2>&1)" && ! -e "$tmp/bad/slurm/jobs" ]]; then
  pass "nothing submitted for bad options"
else
  fail "a bad option still submitted jobs: $(squeue -h -t all 2>&1)"
fi

# 2. Two shards through Slurm merge to the bytes of the same sweep run here.
small=(--vary cascade.threshold=0.1:0.9:0.2 --samples 300)
"$blsim" sweep "${small[@]}" --jobs 2 --out "$tmp/local-small" >/dev/null 2>"$tmp/local.err" ||
  abort "the local sweep failed: $(tail -n 1 "$tmp/local.err")"
t0=$SECONDS
if submit --shards 2 --cpus 1 --out "$tmp/small" "${small[@]}" && wait_jobs "$array_job,$merge_job" 90; then
  echo "slurm: the 2-shard sweep took $((SECONDS - t0)) s through Slurm"
  grep -q "squeue -j $array_job,$merge_job" "$tmp/submit.out" && pass "the script printed its job ids and the squeue command" ||
    fail "the script did not print squeue -j $array_job,$merge_job: $(cat "$tmp/submit.out")"
  state="$(job_state "$merge_job")"
  [[ "$state" == COMPLETED ]] && pass "merge job $merge_job completed" || fail "merge job $merge_job: $state: $(cat "$tmp/small/logs/$merge_job-merge.log")"
  for k in 1 2; do
    [[ "$(job_state "${array_job}_$k")" == COMPLETED && -s "$tmp/small/shard-$k/sweep.csv" ]] &&
      pass "shard $k ran as array task ${array_job}_$k" || fail "shard $k: $(job_state "${array_job}_$k")"
  done
  for f in sweep.csv pareto.csv; do
    cmp -s "$tmp/local-small/$f" "$tmp/small/$f" && pass "merged $f equals the local one" ||
      fail "merged $f differs from the local one: $(cmp "$tmp/local-small/$f" "$tmp/small/$f" 2>&1)"
  done
else
  fail "the 2-shard sweep did not finish within 90 s"
  show_logs=1
fi

# A sweep option only blsim can judge fails every task; the merge job names each shard with
# the task's own one-line error.
if submit --shards 2 --out "$tmp/badkey" --vary cascade.no_such_key=1,2 && wait_jobs "$array_job,$merge_job" 60; then
  log="$tmp/badkey/logs/$merge_job-merge.log"
  if [[ "$(job_state "$merge_job")" == FAILED && $(grep -c "^slurm-merge: shard [12] of 2 did not finish (job [0-9_]* JobState=FAILED ExitCode=2:0); its log ends: blsim: --vary: unknown key cascade.no_such_key" "$log") -eq 2 ]]; then
    pass "failing tasks: the merge job names shards 1 and 2 with blsim's error"
  else
    fail "failing tasks: merge job $(job_state "$merge_job"): $(cat "$log")"
  fi
else
  fail "the sweep with a bad key did not end within 60 s"
fi

# 3. A shard cancelled while it runs fails the merge job, which names it; the same command again
# runs only the points that shard had not written. The sweep is long enough (the SystemC model
# on every point) for the cancel to land mid-shard; if it does not, the test fails.
# shellcheck disable=SC2054  # the commas are inside one value
long=(--vary cascade.threshold=0.01:0.99:0.01 --vary cluster.big.freq_mhz=1400,1700,2000 --full)
long_cmd=(--shards 2 --cpus 1 --out "$tmp/long" "${long[@]}")
t0=$SECONDS
"$blsim" sweep "${long[@]}" --jobs 2 --out "$tmp/local-long" >/dev/null 2>"$tmp/local.err" ||
  abort "the local sweep failed: $(tail -n 1 "$tmp/local.err")"
echo "slurm: the local long sweep took $((SECONDS - t0)) s"
shard2="$tmp/long/shard-2/sweep.csv"
if ! submit "${long_cmd[@]}"; then
  fail "submitting the long sweep"
else
  first_array=$array_job first_merge=$merge_job
  rc=0
  "$submit" "${long_cmd[@]}" >"$tmp/again.out" 2>"$tmp/again.err" || rc=$?
  if ((rc == 2)) && grep -q "^slurm-sweep: .*still queued or running" "$tmp/again.err"; then
    pass "a second submission while the first runs is refused"
  else
    fail "a second submission while the first runs: exit $rc: $(cat "$tmp/again.err" "$tmp/again.out")"
  fi
  # Cancel task 2 once it has written two rows (the header is the first line).
  deadline=$((SECONDS + 60))
  until [[ -f "$shard2" && $(wc -l <"$shard2") -ge 3 ]] || ((SECONDS > deadline)); do sleep 0.05; done
  scancel "${first_array}_2"
  if ! wait_jobs "$first_array,$first_merge" 90; then
    fail "the cancelled sweep's jobs did not end within 90 s"
    show_logs=1
  else
    # Whole rows only: a row cut short by the kill is dropped by --resume.
    kept=$(($(wc -l <"$shard2") - 1))
    merge_log="$tmp/long/logs/$first_merge-merge.log"
    echo "slurm: shard 2 was cancelled after $kept rows; the merge job said: $(cat "$merge_log")"
    [[ "$(job_state "${first_array}_2")" == CANCELLED ]] && pass "task ${first_array}_2 was cancelled while running" ||
      fail "task ${first_array}_2: $(job_state "${first_array}_2"), not CANCELLED"
    [[ "$(job_state "$first_merge")" == FAILED ]] && pass "the merge job failed" ||
      fail "merge job $first_merge: $(job_state "$first_merge"), not FAILED"
    if [[ $(wc -l <"$merge_log") -eq 1 ]] && grep -q '^slurm-merge: shard 2 of 2 did not finish (job [0-9]*_2 JobState=CANCELLED' "$merge_log"; then
      pass "the merge job's one line names shard 2 and its state"
    else
      fail "the merge job's log does not name shard 2 alone: $(cat "$merge_log")"
    fi
    [[ ! -e "$tmp/long/sweep.csv" ]] && pass "no merged sweep.csv from an incomplete sweep" ||
      fail "a merged sweep.csv was written from an incomplete sweep"
    head -n $((kept + 1)) "$shard2" >"$tmp/killed-rows.csv"

    if submit "${long_cmd[@]}" && wait_jobs "$array_job,$merge_job" 120; then
      state="$(job_state "$merge_job")"
      [[ "$state" == COMPLETED ]] && pass "the resubmitted merge job completed" ||
        fail "resubmitted merge job $merge_job: $state: $(cat "$tmp/long/logs/$merge_job-merge.log")"
      for f in sweep.csv pareto.csv; do
        cmp -s "$tmp/local-long/$f" "$tmp/long/$f" && pass "after resuming, merged $f equals the local one" ||
          fail "after resuming, merged $f differs from the local one: $(cmp "$tmp/local-long/$f" "$tmp/long/$f" 2>&1)"
      done
      # The resumed task ran exactly the points the cancelled one had not written ...
      total2=$(($(wc -l <"$shard2") - 1))
      ran2="$(grep -o '^ran [0-9]* points' "$tmp/long/logs/${array_job}_2.log" | cut -d' ' -f2 || true)"
      if ((kept > 0 && kept < total2)) && [[ "$ran2" == "$((total2 - kept))" ]]; then
        pass "the resumed shard 2 ran $ran2 points, the $total2 of its shard less the $kept kept"
      else
        fail "resumed shard 2 ran '${ran2:-none}' points; expected $((total2 - kept)) ($total2 less $kept kept)"
      fi
      # ... and the finished shard 1 ran none.
      if grep -q '^ran ' "$tmp/long/logs/${array_job}_1.log"; then
        fail "the finished shard 1 ran points again: $(grep '^ran ' "$tmp/long/logs/${array_job}_1.log")"
      else
        pass "the finished shard 1 ran no point again"
      fi
      # The rows written before the cancel are in the result as they were (the pareto flag aside).
      point_col="$(head -n 1 "$tmp/killed-rows.csv" | tr ',' '\n' | grep -nx point | cut -d: -f1)"
      pareto_col="$(head -n 1 "$tmp/killed-rows.csv" | tr ',' '\n' | grep -nx pareto | cut -d: -f1)"
      missing=0
      while IFS= read -r row; do
        p="$(cut -d, -f"$point_col" <<<"$row")"
        want="$(cut -d, -f"$pareto_col" --complement <<<"$row")"
        got="$(awk -F, -v c="$point_col" -v p="$p" 'NR > 1 && $c == p' "$shard2" | cut -d, -f"$pareto_col" --complement)"
        [[ "$got" == "$want" ]] || missing=$((missing + 1))
      done < <(tail -n +2 "$tmp/killed-rows.csv")
      ((missing == 0)) && pass "the $kept rows written before the cancel were kept" ||
        fail "$missing of the $kept rows written before the cancel differ in the resumed shard"
    else
      fail "the resubmitted sweep did not finish within 120 s"
      show_logs=1
    fi
  fi
fi

echo "slurm: took $((SECONDS - started_s)) s"
echo "slurm: $passed passed, $failed failed"
((failed == 0))
