#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libraries and tests with AddressSanitizer + UndefinedBehaviorSanitizer into
# build-asan/ and runs the tests there. Assumes scripts/setup.sh has run (packages, data).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$here/build-asan"
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  # -g1: line tables for the reports, without the compile time of full debug info.
  cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DBLSIM_SANITIZE=ON \
    -DBLSIM_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$build" -j"${BLSIM_JOBS:-2}" 2>&1 | grep -E "error|warning|Error|\*\*\*" || true
# Leaks are errors, except the simulation contexts SystemC cannot free (tests/lsan.supp).
# use_stacks=0: SystemC runs its processes on stacks of its own, and LeakSanitizer, taking one of
# them for the main thread's stack at exit, can fault while scanning it ("Tracer caught signal
# 11", seen in 4 of 5 runs of the fast-path tests); heap, globals and TLS are still scanned.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=0"
export LSAN_OPTIONS="suppressions=$here/tests/lsan.supp:use_stacks=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
cd "$build"
# The committed-network accuracy tests re-run the big CNNs over whole test splits (minutes under
# ASan) through kernels that the conformance and operator tests already cover here.
ctest --output-on-failure -j"${BLSIM_JOBS:-2}" --timeout 1800 -E 'NetsCommitted\..*Accuracy' "$@"
