#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer, through the libfuzzer-sys crate): one target per reader (text,
# Markdown, TSV, JSON, HTML, Word; the PDF reader's layout from pages made of the bytes), the value parser, the incremental checker against a full check,
# and the preview writer (no markup from a report's text). Each target runs for SECONDS (default 20)
# from its corpus in fuzz/corpus/<target>, seeded from the fixtures; what it learns stays there.
# A crash is saved as fuzz/artifacts/<target>/crash-… and fails the run: make it a named regression
# test in tests/, then delete the artifact.
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]     npm run fuzz (longer runs: SECONDS=600)
#
# The instrumentation flags are nightly options of rustc; the stable compiler accepts them with
# RUSTC_BOOTSTRAP=1, which this script sets for its own build only (fuzz/ is a crate of its own,
# outside the project's build).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root/fuzz"
seconds=${1:-20}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(value import_text import_markdown import_tsv import_json import_html import_docx pdf_layout checker preview)
host=$(rustc -vV | sed -n 's/^host: //p')
export RUSTC_BOOTSTRAP=1
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 -Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table -Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Zsanitizer=address -Cdebug-assertions -Coverflow-checks"
t0=$(date +%s)
cargo build --quiet --release --target "$host" $(printf -- '--bin %s ' "${targets[@]}")
printf 'fuzz: built %d targets in %d s\n' "${#targets[@]}" $(( $(date +%s) - t0 ))

# Seeds: the fixtures, in the format each target reads (kept in the corpus with what is learnt).
seed() { # TARGET FILE...
  local target=$1; shift
  mkdir -p "corpus/$target"
  for f in "$@"; do [ -f "$f" ] && cp -n "$f" "corpus/$target/"; done
  return 0
}
fixtures=../tests/fixtures
seed import_text $fixtures/*.txt
seed import_markdown $fixtures/*.md
seed import_tsv $fixtures/*.tsv
seed import_html $fixtures/*.html $fixtures/office/*.html ../tests/readers/*/input.html
seed import_docx $fixtures/*.docx $fixtures/office/*.docx
seed preview $fixtures/new-2023-shuyang-fagaiju.txt
mkdir -p corpus/value corpus/import_json corpus/checker corpus/pdf_layout
printf '645' >corpus/value/plain
printf '１，２３４条' >corpus/value/full-width
printf '5949.088667万元' >corpus/value/money
printf '{"format":"disclosure-report","version":1,"form":"2021","year":2023,"cells":{"B:1:total":"3","A:fees:amount":"1.5"}}' >corpus/import_json/report
printf '\x02\x00\x10645\xff\x00\x11<b>1</b>' >corpus/checker/edits

failed=()
for target in "${targets[@]}"; do
  mkdir -p "artifacts/$target" "corpus/$target"
  log="artifacts/$target.log"
  if "target/$host/release/$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
      -artifact_prefix="artifacts/$target/" "corpus/$target" >"$log" 2>&1; then
    runs=$(grep -o 'Done [0-9]* runs' "$log" | tail -1 | grep -o '[0-9]*' || echo '?')
    printf 'fuzz: %-16s ok: %s runs in %s s, corpus %s files\n' "$target" "$runs" "$seconds" "$(ls "corpus/$target" | wc -l)"
  else
    printf 'fuzz: %-16s FAILED: %s\n' "$target" "$(ls "artifacts/$target" | head -1)"
    grep -E 'panicked|ERROR' "$log" | head -3
    failed+=("$target")
  fi
done
[ ${#failed[@]} -eq 0 ]
