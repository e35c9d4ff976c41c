#!/usr/bin/env bash
# npm test: setup, then every layer in order; a failure anywhere fails the command.
# The output ends with the counts of each layer and one closing line "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh || exit 1
source scripts/env.sh
logs="$root/target/test-logs"
mkdir -p "$logs"

summary=()
total_passed=0
total_failed=0
failed_layers=()

# run NAME COMMAND...: runs a layer, tees its output to a log, records pass/fail.
run() {
  local name=$1; shift
  local t0=$(date +%s%N)
  printf '\n== %s: %s\n' "$name" "$*"
  "$@" 2>&1 | tee "$logs/$name.log"
  local rc=${PIPESTATUS[0]}
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  LAST_RC=$rc
  LAST_MS=$ms
  if [ "$rc" != 0 ]; then failed_layers+=("$name"); fi
}

# Counts from cargo's and wasm-bindgen-test's "test result:" lines.
cargo_counts() {
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } } END { printf "%d %d\n", p, f }' "$1"
}
# Counts from node's test runner ("# pass N", "# fail N").
node_counts() {
  awk '/^# pass / { p += $3 } /^# fail / { f += $3 } END { printf "%d %d\n", p, f }' "$1"
}
record() { # NAME PASSED FAILED
  summary+=("$(printf '%-28s %5d passed, %d failed (%d ms)' "$1" "$2" "$3" "$LAST_MS")")
  total_passed=$(( total_passed + $2 )); total_failed=$(( total_failed + $3 ))
}
record_check() { # NAME: a check with no test count
  if [ "$LAST_RC" = 0 ]; then summary+=("$(printf '%-28s ok (%d ms)' "$1" "$LAST_MS")"); else summary+=("$(printf '%-28s FAILED (%d ms)' "$1" "$LAST_MS")"); fi
}

run fmt cargo fmt --all --check; record_check "cargo fmt"
run clippy-native cargo clippy --all-targets --quiet -- -D warnings; record_check "clippy (native)"
run clippy-wasm cargo clippy --all-targets --quiet --target wasm32-unknown-unknown -- -D warnings; record_check "clippy (wasm32)"

run rust-native cargo test --quiet
read -r p f < <(cargo_counts "$logs/rust-native.log"); [ "$LAST_RC" != 0 ] && [ "$f" = 0 ] && f=1; record "rust, native" "$p" "$f"

run rust-wasm wasm-pack test --headless --chrome
read -r p f < <(cargo_counts "$logs/rust-wasm.log"); [ "$LAST_RC" != 0 ] && [ "$f" = 0 ] && f=1; record "rust, wasm in Chromium" "$p" "$f"

# Coverage-guided fuzzing, a short run of every target (npm run fuzz runs them longer).
run fuzz bash scripts/fuzz.sh 10; record_check "fuzz (10 targets, 10 s each)"

run build bash scripts/build.sh; record_check "build (npm run build)"
run size node scripts/size-check.mjs; record_check "size (wasm gzipped, budget)"

run e2e node --test --test-concurrency=1 tests/e2e/
read -r p f < <(node_counts "$logs/e2e.log"); [ "$LAST_RC" != 0 ] && [ "$f" = 0 ] && f=1; record "end-to-end, Chromium" "$p" "$f"

printf '\n== summary\n'
printf '%s\n' "${summary[@]}"
if [ ${#failed_layers[@]} -gt 0 ]; then
  printf 'failed layers: %s\n' "${failed_layers[*]}"
  [ "$total_failed" = 0 ] && total_failed=${#failed_layers[@]}
fi
printf '%d passed, %d failed\n' "$total_passed" "$total_failed"
[ ${#failed_layers[@]} = 0 ]
