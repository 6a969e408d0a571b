#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Quick start, first command: install what is missing, build, and run the main job
# (the default MNIST big/little cascade on the default SoC). Extra arguments go to blsim run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup.sh"
cd "$here"
exec "$here/build/blsim" run "$@"
