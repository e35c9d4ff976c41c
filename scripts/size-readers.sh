#!/usr/bin/env bash
# What each file reader adds to the browser's .wasm: the same size-optimised build as `npm run build`
# with no reader (the form page's module today), with the HTML reader, with the Word reader, with
# both (the readers' module) and with the PDF reader (its own module), each gzipped at level 9. The
# readers are cargo features; the form page's build leaves them out.
#
#   bash scripts/size-readers.sh        (about a minute per build on two cores)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh
out="$root/target/size-readers"
mkdir -p "$out"
base=""
for features in "" "html" "docx" "html,docx" "pdf"; do
  name=${features:-none}
  name=${name/,/+}
  args=(--no-default-features)
  [ -n "$features" ] && args+=(--features "$features")
  wasm-pack --quiet build --profile wasm-release --target web --out-dir "$out/$name" --out-name disclosure_report --no-pack \
    -- "${args[@]}" >"$out/$name.log" 2>&1 || { cat "$out/$name.log" >&2; exit 1; }
  gz=$(gzip -9 -c "$out/$name/disclosure_report_bg.wasm" | wc -c)
  raw=$(wc -c <"$out/$name/disclosure_report_bg.wasm")
  [ -z "$base" ] && base=$gz
  printf 'size-readers: %-10s %8d B raw %8d B gzipped (%+d B gzipped over no reader)\n' "$name" "$raw" "$gz" $((gz - base))
done
