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
# The package is described by the root package.json; wasm-pack's own files in pkg/ would get in the
# way: its .gitignore ("*") makes npm pack drop every globbed file of pkg/ from the tarball.
rm -f pkg/.gitignore pkg/package.json pkg/README.md
# pkg/ is the whole browser bundle: the wasm-bindgen output plus the component, its styles and
# types, and the preview's style sheet, so a portal copies one folder.
for f in js/*.js js/*.css js/*.d.ts www/preview.css; do
  if [ -e "$f" ]; then cp "$f" pkg/; fi
done
node scripts/size-report.mjs
printf 'build: done in %d ms\n' $(( ($(date +%s%N) - t0) / 1000000 ))
