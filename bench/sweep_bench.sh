#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The sweep speed benchmark of the README: 1,000 thresholds x 24 hardware points (6 big x 4
# little operating points) of the default MNIST cascade on the default SoC, on the machine's
# cores. Prints blsim's own figures: points per minute and the peak memory of each process.
# Usage: bash bench/sweep_bench.sh [extra blsim sweep options, e.g. --jobs 1 or --full]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$here/build/blsim" sweep \
  --vary cascade.threshold=0:0.999:0.001 \
  --vary cluster.big.freq_mhz=1000,1200,1400,1600,1800,2000 \
  --vary cluster.little.freq_mhz=800,1000,1200,1400 \
  --out "$out" "$@" | tail -2
