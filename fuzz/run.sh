#!/usr/bin/env bash
# Runs every fuzz target for FUZZ_SECONDS each (default 600), one after another (the machine
# has 2 cores), with debug assertions on so integer overflow is a finding too. Corpora grow in
# fuzz/corpus/<target> from the committed seeds in fuzz/seeds/<target>; crashes land in
# fuzz/artifacts/<target>. The last lines of each log give executions and corpus size.
#
#   fuzz/run.sh                          # 3 × 10 minutes
#   FUZZ_SECONDS=60 fuzz/run.sh share_token
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`) and a nightly toolchain for the
# sanitizer flags; without one, RUSTC_BOOTSTRAP=1 on stable works too.
set -euo pipefail
cd "$(dirname "$0")"
SECS="${FUZZ_SECONDS:-600}"
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(estimate_json share_token price_book_csv)
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  FUZZ=(cargo +nightly fuzz)
else
  export RUSTC_BOOTSTRAP=1
  FUZZ=(cargo fuzz)
fi
mkdir -p logs
for t in "${TARGETS[@]}"; do
  mkdir -p "corpus/$t"
  dict=()
  [ "$t" = estimate_json ] && dict=(-dict=estimate.dict)
  echo "==> $t for $SECS s ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  "${FUZZ[@]}" build -a "$t"
  status=0
  "${FUZZ[@]}" run -a "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$SECS" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 "${dict[@]}" \
    >"logs/$t.log" 2>&1 || status=$?
  grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs)' "logs/$t.log" || true
  echo "corpus/$t: $(find "corpus/$t" -type f | wc -l) files, $(du -sh "corpus/$t" | cut -f1)"
  [ "$status" -eq 0 ] || { echo "$t FOUND A CRASH (exit $status): see logs/$t.log and artifacts/$t" >&2; }
done
