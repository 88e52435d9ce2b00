# Shared by scripts/bench and scripts/soak: the load generator, a release server on a free
# 127.0.0.1 port that is always stopped, its resident memory, and wrk runs read back as numbers.
# Sourced, not executed. Only 127.0.0.1 is ever a target.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
# CLOUDCALC_BIN=path skips the build and measures that binary instead.
SERVER_BIN="${CLOUDCALC_BIN:-$TARGET_DIR/release/cloudcalc}"
WRK_SCRIPT="$ROOT/scripts/lib/bench.lua"
FIXTURES="$ROOT/crates/pricing/benches/data"
SERVER_PID=""
SERVER_URL=""
SERVER_LOG=""

say() { printf '\n==> %s\n' "$*" >&2; }

# wrk (Debian's package) is the load generator: it reports latency percentiles, and
# scripts/lib/bench.lua counts statuses by class (the soak) or leaves that to wrk (the
# throughput figures, "measure" mode). Installed with apt when missing.
ensure_wrk() {
  if ! command -v wrk >/dev/null; then
    say "installing wrk (Debian package) as the HTTP load generator"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq wrk >/dev/null
  fi
  # chrt (util-linux, part of every Debian system) runs wrk as SCHED_BATCH; see WRK_POLICY.
  command -v chrt >/dev/null || { echo "chrt (util-linux) is missing: apt-get install util-linux" >&2; exit 1; }
}

build_server() {
  if [ -n "${CLOUDCALC_BIN:-}" ]; then
    say "using the server binary $CLOUDCALC_BIN (not rebuilt)"
    return 0
  fi
  say "building the release server"
  cargo build --release --locked -p cloudcalc
}

# Starts the server on 127.0.0.1 with a port the kernel picks, and waits for /healthz.
start_server() {
  SERVER_LOG="$(mktemp -t cloudcalc-bench.XXXXXX.log)"
  RUST_LOG="${RUST_LOG:-warn}" "$SERVER_BIN" serve --host 127.0.0.1 --port 0 --dist "$ROOT/dist" \
    >"$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
  trap stop_server EXIT
  local port="" i
  for i in $(seq 1 600); do
    port=$(sed -n 's|^cloudcalc is serving on http://127\.0\.0\.1:\([0-9]*\)$|\1|p' "$SERVER_LOG" | head -n1)
    [ -n "$port" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$SERVER_LOG" >&2; echo "the server exited" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$port" ] || { cat "$SERVER_LOG" >&2; echo "the server did not start in 60 s" >&2; exit 1; }
  SERVER_URL="http://127.0.0.1:$port"
  for i in $(seq 1 100); do
    curl -fsS -o /dev/null "$SERVER_URL/healthz" && return 0
    sleep 0.1
  done
  echo "/healthz did not answer" >&2
  exit 1
}

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    # SIGTERM starts a graceful shutdown (up to 10 s for open connections); then SIGKILL.
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}

# The server's CPU time so far (user and system, in clock ticks) and how often its threads were
# switched out while runnable (involuntary context switches: preemptions), as "user sys switches".
server_counters() {
  local stat rest=()
  stat=$(<"/proc/$SERVER_PID/stat")
  # utime and stime are fields 14 and 15; counted after the ") " that ends the command name,
  # they are the 12th and 13th.
  read -r -a rest <<<"${stat##*) }"
  local switches
  switches=$(cat "/proc/$SERVER_PID"/task/*/status 2>/dev/null |
    awk '/^nonvoluntary_ctxt_switches:/ {s += $2} END {print s + 0}')
  echo "${rest[11]} ${rest[12]} $switches"
}

# per_request BEFORE AFTER REQUESTS: the server's user µs, system µs and preemptions per request
# between two server_counters readings, as "user sys switches".
per_request() {
  awk -v b="$1" -v a="$2" -v n="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    split(b, x, " "); split(a, y, " ")
    if (n <= 0) { print "0 0 0"; exit }
    printf "%.1f %.1f %.2f\n", (y[1] - x[1]) * 1e6 / hz / n, (y[2] - x[2]) * 1e6 / hz / n, (y[3] - x[3]) / n
  }'
}

# Resident memory of the server in KiB (VmRSS).
rss_kib() {
  awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status"
}

# How wrk is scheduled. wrk shares the two cores with the server, and under the default policy
# every answer that wakes a sleeping wrk thread preempts the server's worker in the middle of
# the next request: two context switches per answer, a cost no remote client imposes and one
# that falls on the slower endpoint (perf stat: 1.4 context switches per estimate against 0.4
# per /healthz). SCHED_BATCH (`chrt --batch 0`, util-linux, no privileges needed) keeps wrk's
# fair share of the CPU but lets its wake-ups wait for the scheduler tick instead of preempting.
# BENCH_WRK_POLICY=other runs wrk under the default policy, for comparison (BENCHMARKS.md).
WRK_POLICY="${BENCH_WRK_POLICY:-batch}"
case "$WRK_POLICY" in
  batch) WRK_PREFIX=(chrt --batch 0) ;;
  other) WRK_PREFIX=() ;;
  *) echo "BENCH_WRK_POLICY must be batch or other, not '$WRK_POLICY'" >&2; exit 2 ;;
esac

# wrk_run OUT_FILE CONNECTIONS SECONDS PATH [METHOD BODY_FILE CONTENT_TYPE MODE]
# Runs wrk against the server and leaves its `BENCH key value` lines in OUT_FILE.
wrk_run() {
  local out="$1" conns="$2" secs="$3" path="$4"
  shift 4
  local threads=2
  [ "$conns" -lt 2 ] && threads=1
  "${WRK_PREFIX[@]}" wrk -t "$threads" -c "$conns" -d "${secs}s" --timeout 10s -s "$WRK_SCRIPT" \
    "$SERVER_URL$path" -- "$@" >"$out.raw" 2>&1 || { cat "$out.raw" >&2; return 1; }
  grep '^BENCH ' "$out.raw" | sed 's/^BENCH //' >"$out"
}

# counted_wrk_run: wrk_run, and the server's user µs, system µs and preemptions per request
# during it (per_request) in OUT_FILE.cpu.
counted_wrk_run() {
  local out="$1" before after
  before=$(server_counters)
  wrk_run "$@"
  after=$(server_counters)
  per_request "$before" "$after" "$(field "$out" requests)" >"$out.cpu"
}

# field FILE KEY: one value of a wrk_run result (0 when absent).
field() {
  awk -v k="$2" '$1 == k {print $2; found=1} END {if (!found) print 0}' "$1"
}

# Sums the counts of the statuses of one class (2, 4 or 5) in a wrk_run result.
status_class() {
  awk -v c="$2" '$1 ~ "^status_" c {s += $2} END {print s + 0}' "$1"
}

ms() { awk -v us="$1" 'BEGIN {printf "%.2f", us / 1000}'; }
