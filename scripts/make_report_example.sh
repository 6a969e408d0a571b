#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Regenerates docs/example-report/: the default run (`blsim run --report`, the MNIST cascade on
# the default SoC) with its CSV files, report.html and charts. Usage: scripts/make_report_example.sh
# [build-dir]. The files are replaced only when the run and the report both succeed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build}"
test -x "$build/blsim" || "$here/scripts/setup.sh" "$build"
out="$here/docs/example-report"
tmp="$(mktemp -d "$here/docs/.example-report.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
cd "$here"
"$build/blsim" run --report --out "$tmp" >"$tmp/run.txt"
rm "$tmp/run.txt"
rm -rf "$out"
mv "$tmp" "$out"
chmod 755 "$out"
trap - EXIT
echo "wrote $out: $(cd "$out" && ls | tr '\n' ' ')"
