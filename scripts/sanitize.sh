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
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=0"
export LSAN_OPTIONS="suppressions=$here/tests/lsan.supp"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
cd "$build"
# The committed-network accuracy tests re-run the big CNNs over whole test splits (minutes under
# ASan) through kernels that the conformance and operator tests already cover here.
ctest --output-on-failure -j"${BLSIM_JOBS:-2}" --timeout 1800 -E 'NetsCommitted\..*Accuracy' "$@"
