#!/usr/bin/env bash
# Bounds curves: time and peak memory of reading and checking a report (`disclosure-report check`,
# the release build) at 1×, 10× and 100× the size of a sample, to see that both grow at most
# linearly. Two samples, each grown two ways:
#
#   text      tests/fixtures/new-2023-shuyang-fagaiju.txt: its narrative (part 一) repeated, or the
#             whole report (narrative and tables) repeated
#   html      tests/fixtures/2023-pingtan-zongheshiyanqu.html: its narrative's paragraphs repeated, or
#             the whole body (the page around the report, the narrative and the tables) repeated
#
# Time is the median wall clock of RUNS runs (default 3; the process's start included, about 2 ms),
# memory the largest resident set of them (/usr/bin/time -v). Each row also says how much larger than 1× it is, and the time and memory per
# size against 1× (a column that stays near 1 is linear).
#
#   bash scripts/curve.sh [FACTOR...]        (default: 1 10 100; RUNS=5 bash scripts/curve.sh 1 10 100 1000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
factors=("$@")
[ ${#factors[@]} -gt 0 ] || factors=(1 10 100)
runs=${RUNS:-3}
cargo build --release --quiet --bin disclosure-report
bin="${CARGO_TARGET_DIR:-$root/target}/release/disclosure-report"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# grow KIND HOW FACTOR OUT: the sample grown FACTOR times.
grow() {
  node - "$@" <<'EOF'
const { readFileSync, writeFileSync } = require('node:fs');
const [kind, how, factor, out] = process.argv.slice(2);
const n = Number(factor);
let text;
if (kind === 'text') {
  const sample = readFileSync('tests/fixtures/new-2023-shuyang-fagaiju.txt', 'utf8');
  if (how === 'narrative') {
    // Part 一, from its heading to the heading of part 二.
    const start = sample.indexOf('一、总体情况');
    const end = sample.indexOf('二、主动公开政府信息情况');
    const part = sample.slice(start, end);
    const body = part.slice(part.indexOf('\n') + 1);
    text = sample.slice(0, end) + body.repeat(n - 1) + sample.slice(end);
  } else {
    text = sample.repeat(n);
  }
} else {
  const sample = readFileSync('tests/fixtures/2023-pingtan-zongheshiyanqu.html', 'utf8');
  if (how === 'narrative') {
    // Every paragraph of the narrative (indented 2em; the table's cells are not).
    text = sample.replace(/<p style="text-indent: 2em;">[\s\S]*?<\/p>/g, (p) => p.repeat(n));
  } else {
    const open = sample.indexOf('>', sample.indexOf('<body')) + 1;
    const close = sample.lastIndexOf('</body>');
    text = sample.slice(0, open) + sample.slice(open, close).repeat(n) + sample.slice(close);
  }
}
writeFileSync(out, text);
EOF
}

# measure FILE: "seconds kilobytes" (median time, largest RSS of $runs runs).
measure() {
  local file=$1 times=() rss=0
  for _ in $(seq "$runs"); do
    local start end kb
    start=$(date +%s%N)
    /usr/bin/time -v "$bin" check "$file" >/dev/null 2>"$work/time.txt" || true
    end=$(date +%s%N)
    kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
    local s
    s=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
    times+=("$s")
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')" "$rss"
}

printf '| input | grown | × | size | time | RSS | time/size vs 1× | RSS over 1× |\n|---|---|---:|---:|---:|---:|---:|---:|\n'
for kind in text html; do
  for how in narrative report; do
    base_size="" base_time="" base_rss=""
    for f in "${factors[@]}"; do
      file="$work/$kind-$how-$f.${kind/text/txt}"
      grow "$kind" "$how" "$f" "$file"
      size=$(wc -c <"$file")
      read -r t kb < <(measure "$file")
      if [ -z "$base_size" ]; then base_size=$size base_time=$t base_rss=$kb; fi
      awk -v kind="$kind" -v how="$how" -v f="$f" -v size="$size" -v t="$t" -v kb="$kb" \
        -v bs="$base_size" -v bt="$base_time" -v br="$base_rss" 'BEGIN {
          per = (bt > 0) ? (t / size) / (bt / bs) : 0
          printf "| %s | %s | %s | %.1f KB | %.3f s | %.1f MB | %s | +%.1f MB |\n", kind, how, f, size / 1000, t, kb / 1024,
            (bt > 0 && f != 1) ? sprintf("%.2f", per) : "—", (kb - br) / 1024
        }'
    done
  done
done
