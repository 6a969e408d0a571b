#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libraries and tests with AddressSanitizer + UndefinedBehaviorSanitizer into
# build-asan/ and runs the tests there. Assumes scripts/setup.sh has run (packages, data).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$here/build-asan"
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBLSIM_SANITIZE=ON \
    -DBLSIM_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$build" -j"${BLSIM_JOBS:-2}" 2>&1 | grep -E "error|warning|Error|\*\*\*" || true
# Leaks are errors; SystemC's coroutine stacks are not ASan's to judge (see docs/robustness.md).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
cd "$build"
ctest --output-on-failure -j"${BLSIM_JOBS:-2}" --timeout 1800 "$@"
