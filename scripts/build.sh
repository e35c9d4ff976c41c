#!/usr/bin/env bash
# npm run build: the wasm package into pkg/, optimised for size, then its size raw and gzipped.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh
t0=$(date +%s%N)
wasm-pack --quiet build --release --target web --out-dir pkg --out-name disclosure_report --no-pack 2>&1 \
  | grep -vE '^\[INFO\]|^$' || true
[ -f pkg/disclosure_report_bg.wasm ] || { echo "build: wasm-pack produced no pkg/disclosure_report_bg.wasm" >&2; exit 1; }
node scripts/size-report.mjs
printf 'build: done in %d ms\n' $(( ($(date +%s%N) - t0) / 1000000 ))
