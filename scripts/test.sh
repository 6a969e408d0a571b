#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Quick start, second command: install what is missing, build, and pass the tests.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup.sh"
cd "$here/build"
ctest --output-on-failure -j"${BLSIM_JOBS:-2}" --timeout 1200
