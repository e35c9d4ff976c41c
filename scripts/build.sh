#!/usr/bin/env bash
# npm run build: the wasm package into pkg/, optimised for size, then its size raw and gzipped.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh
t0=$(date +%s%N)
# The size-optimised profile (Cargo.toml: the command line's `release` is built for speed instead).
# The whole API's module (every export of the package: import of text, the report-level checks, the
# preview) leaves the file readers (HTML, Word, PDF) out: they would more than double it (README,
# "Sizes"). A form page loads it only when it has report fields, a preview or last year's report.
log="$root/target/wasm-pack-build.log"
mkdir -p "$root/target"
if ! wasm-pack --quiet build --profile wasm-release --target web --out-dir pkg --out-name disclosure_report --no-pack \
  -- --no-default-features --features reports >"$log" 2>&1; then
  grep -vE '^\[INFO\]|^$' "$log" >&2
  echo "build: wasm-pack failed (the whole log: $log)" >&2
  exit 1
fi
grep -vE '^\[INFO\]|^$' "$log" || true
# The form page's checker: the forms, the value parser, the rule engine and the table's messages,
# without whole reports (no `reports` feature). It is all `attach` loads to check a table.
if ! wasm-pack --quiet build --profile wasm-release --target web --out-dir pkg/checker --out-name disclosure_report_checker \
  --no-pack -- --no-default-features >"$log" 2>&1; then
  grep -vE '^\[INFO\]|^$' "$log" >&2
  echo "build: wasm-pack failed for the checker's module (the whole log: $log)" >&2
  exit 1
fi
# The readers' module: the same core with the file readers (HTML, Word, text), loaded by the page only when
# a file is chosen (js/readers.js), never by a form page that only has its table.
if ! wasm-pack --quiet build --profile wasm-release --target web --out-dir pkg/readers --out-name disclosure_report_readers \
  --no-pack -- --no-default-features --features html,docx >"$log" 2>&1; then
  grep -vE '^\[INFO\]|^$' "$log" >&2
  echo "build: wasm-pack failed for the readers' module (the whole log: $log)" >&2
  exit 1
fi
# Node's module (pkg/node.js loads it): the same code as the form page's, built for speed instead
# of size (opt-level 3, wasm-opt -O3), since a server neither downloads it nor pays per byte. The
# release profile is the command line's (opt-level 3) with the browser's panic = "abort"; the glue
# it gets is the form page's own, which pkg/node.js uses with it (checked below).
speed="$root/target/wasm-speed"
if ! CARGO_PROFILE_RELEASE_PANIC=abort wasm-pack --quiet build --release --no-opt --target web --out-dir "$speed" \
  --out-name disclosure_report --no-pack -- --no-default-features --features reports >"$log" 2>&1; then
  grep -vE '^\[INFO\]|^$' "$log" >&2
  echo "build: wasm-pack failed for Node's module (the whole log: $log)" >&2
  exit 1
fi
wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types \
  --enable-multivalue --enable-mutable-globals "$speed/disclosure_report_bg.wasm" -o pkg/disclosure_report_node_bg.wasm
if ! cmp -s "$speed/disclosure_report.js" pkg/disclosure_report.js; then
  echo "build: Node's module needs other glue than the form page's (compare $speed/disclosure_report.js with pkg/)" >&2
  exit 1
fi
# The PDF reader's module: the core with the PDF reader only, loaded by the page only when the file
# chosen is a PDF (js/readers.js), so that a Word or HTML upload does not download it.
if ! wasm-pack --quiet build --profile wasm-release --target web --out-dir pkg/pdf --out-name disclosure_report_pdf \
  --no-pack -- --no-default-features --features pdf >"$log" 2>&1; then
  grep -vE '^\[INFO\]|^$' "$log" >&2
  echo "build: wasm-pack failed for the PDF reader's module (the whole log: $log)" >&2
  exit 1
fi
# The package is described by the root package.json; wasm-pack's own files in pkg/ would get in the
# way: its .gitignore ("*") makes npm pack drop every globbed file of pkg/ from the tarball.
rm -f pkg/.gitignore pkg/package.json pkg/README.md pkg/{checker,readers,pdf}/{.gitignore,package.json,README.md}
# pkg/ is the whole browser bundle: the wasm-bindgen output plus the component, its styles and
# types, and the preview's style sheet, so a portal copies one folder.
for f in js/*.js js/*.css js/*.d.ts www/preview.css; do
  if [ -e "$f" ]; then cp "$f" pkg/; fi
done
node scripts/size-report.mjs
printf 'build: done in %d ms\n' $(( ($(date +%s%N) - t0) / 1000000 ))
