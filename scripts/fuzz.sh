#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets of fuzz/ into build-fuzz/ (clang, ASan + UBSan), prepares seed
# corpora from the real files blsim reads, and runs each target in turn (one fuzzer at a time).
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 600 s, all four targets)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$here/build-fuzz"
seconds="${1:-600}"
shift || true
all_targets=(fuzz_onnx_model fuzz_config fuzz_datasets fuzz_tensor_proto)
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${all_targets[@]}")
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
  echo "fuzz: SECONDS_PER_TARGET must be a whole number, got '$seconds'" >&2
  exit 2
fi
for t in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $t "* ]] || { echo "fuzz: unknown target $t (${all_targets[*]})" >&2; exit 2; }
done

# --- toolchain: clang 14 and its libFuzzer/sanitizer runtimes ------------------------------------
missing=()
command -v clang >/dev/null 2>&1 || missing+=(clang)
command -v clang++ >/dev/null 2>&1 || missing+=(clang)
dpkg -s libclang-rt-14-dev >/dev/null 2>&1 || missing+=(libclang-rt-14-dev)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "fuzz: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev >/dev/null
fi

# --- build -------------------------------------------------------------------------------------
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  CC=clang CXX=clang++ cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DBLSIM_FUZZ=ON -DBLSIM_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$build" -j"${BLSIM_JOBS:-2}" --target "${targets[@]}" 2>&1 |
  grep -E "error|warning:|\*\*\*" || true
for t in "${targets[@]}"; do
  [[ -x "$build/fuzz/$t" ]] || { echo "fuzz: $t did not build" >&2; exit 1; }
done

# --- seed corpora (generated under build-fuzz/seeds, not committed) ------------------------------
seeds="$build/seeds"
copy_seeds() {  # copy_seeds TARGET FILE...: copies each existing file under a unique name
  local dest="$seeds/$1" n=0 f parent
  shift
  mkdir -p "$dest"
  for f in "$@"; do
    [[ -f "$f" ]] || continue
    n=$((n + 1))
    parent="${f%/*}"
    cp "$f" "$dest/$n-${parent##*/}-${f##*/}"  # many node tests share file names
  done
}
idx_header() {  # idx_header MAGIC_BYTE SIZE...: big-endian IDX header for unsigned bytes
  printf '\x00\x00\x08'"\\x$(printf '%02x' "$1")"
  shift
  for s in "$@"; do
    printf "\\x$(printf '%02x' $((s >> 24 & 255)))\\x$(printf '%02x' $((s >> 16 & 255)))"
    printf "\\x$(printf '%02x' $((s >> 8 & 255)))\\x$(printf '%02x' $((s & 255)))"
  done
}
prepare_seeds() {
  rm -rf "$seeds"
  local testdata=/usr/share/libonnx-testdata/data/node
  copy_seeds fuzz_onnx_model "$here"/workloads/nets/*.onnx "$testdata"/*/model.onnx
  copy_seeds fuzz_tensor_proto "$testdata"/*/test_data_set_0/*.pb
  shopt -s globstar nullglob
  copy_seeds fuzz_config "$here"/configs/**/*.ini
  shopt -u globstar nullglob

  local ds="$seeds/fuzz_datasets"
  mkdir -p "$ds"
  # Fashion-MNIST: the first bytes of each real file (a truncated gzip stream), and complete
  # plain and gzip files of a few items made from the real header layout and pixels.
  local fm=/usr/share/datasets/fashion-mnist
  if [[ -d "$fm" ]]; then
    for f in "$fm"/*.gz; do head -c 2048 "$f" >"$ds/cut-$(basename "$f")"; done
    { idx_header 3 2 28 28; gzip -dc "$fm/t10k-images-idx3-ubyte.gz" 2>/dev/null | tail -c +17 |
      head -c $((2 * 784)) || true; } >"$ds/images-2.idx"
    { idx_header 1 16; gzip -dc "$fm/t10k-labels-idx1-ubyte.gz" 2>/dev/null | tail -c +9 |
      head -c 16 || true; } >"$ds/labels-16.idx"
    gzip -9nc "$ds/images-2.idx" >"$ds/images-2.idx.gz"
    gzip -9nc "$ds/labels-16.idx" >"$ds/labels-16.idx.gz"
  fi
}
prepare_seeds

# --- run -----------------------------------------------------------------------------------------
max_len() {
  case "$1" in
    fuzz_onnx_model) echo 131072 ;;
    fuzz_tensor_proto) echo 65536 ;;
    fuzz_datasets) echo 32768 ;;
    fuzz_config) echo 16384 ;;
  esac
}
artifacts="$build/artifacts"
logs="$build/logs"
mkdir -p "$artifacts" "$logs"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=0:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export BLSIM_HOME="$here"
echo "fuzz: $seconds s per target; crash artifacts go to $artifacts/<target>/, logs to $logs/"
summary=()
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  mkdir -p "$corpus" "$artifacts/$t"
  committed=()
  [[ -d "$here/fuzz/seeds/$t" ]] && committed=("$here/fuzz/seeds/$t")
  before=$(find "$artifacts/$t" -type f | wc -l)
  echo "fuzz: $t running for $seconds s"
  # One process fuzzes at a time (-fork=1); crashes, timeouts and OOMs are saved and fuzzing goes
  # on, so one run reports every kind of finding, not only the first.
  status=0
  (cd "$artifacts/$t" && "$build/fuzz/$t" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 \
    -ignore_ooms=1 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len="$(max_len "$t")" -artifact_prefix="$artifacts/$t/" -print_final_stats=1 \
    "$corpus" "$seeds/$t" "${committed[@]}") >"$logs/$t.log" 2>&1 || status=$?
  stats=$(grep -E '^#[0-9]+.*cov: ' "$logs/$t.log" | tail -n 1 || true)
  execs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$stats")
  cov=$(sed -nE 's/.*cov: ([0-9]+).*/\1/p' <<<"$stats")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$stats")
  found=$(($(find "$artifacts/$t" -type f | wc -l) - before))
  verdict="nothing found"
  if [[ $found -gt 0 ]]; then
    verdict="FOUND $found new artifact(s) in $artifacts/$t/"
  elif [[ $status -ne 0 ]]; then
    verdict="fuzzer exited with status $status (see $logs/$t.log)"
  fi
  summary+=("$(printf '%-18s %5ss  execs %-10s cov %-6s ft %-7s %s' "$t" "$seconds" \
    "${execs:-?}" "${cov:-?}" "${ft:-?}" "$verdict")")
  echo "${summary[-1]}"
done
echo "fuzz: summary"
printf '  %s\n' "${summary[@]}"
