# Shared set-up for scripts/run and scripts/test: installs what is missing, skips what is there.
# Every step is idempotent; a second run only checks versions. Sourced, not executed.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION="0.21.14"   # 0.22 needs a newer rustc than this machine's 1.95
BINARYEN_VERSION="132.0.0" # Debian's binaryen 108 silently breaks the WASM (TOOLCHAIN.md)

say() { printf '\n==> %s\n' "$*"; }

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
    say "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock exactly.
ensure_wasm_bindgen() {
  local want
  want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
  if [ -z "$want" ]; then echo "cannot find wasm-bindgen in Cargo.lock" >&2; exit 1; fi
  if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $want"; then
    say "installing wasm-bindgen-cli $want (about 2.5 minutes)"
    # Its published lock file pins crates that a registry mirror may lack (webpki-roots 1.0.11
    # on the machines this was written on); then it is installed with freshly resolved
    # dependencies. The first attempt's complaint is kept in a log rather than shown as a
    # failure, since the second attempt is the expected outcome there.
    local log
    log=$(mktemp -t cloudcalc-wasm-bindgen.XXXXXX.log)
    if cargo install wasm-bindgen-cli --version "$want" --locked 2>"$log"; then
      rm -f "$log"
    else
      say "wasm-bindgen-cli's lock file cannot be used with this registry (details: $log); resolving its dependencies afresh"
      cargo install wasm-bindgen-cli --version "$want"
    fi
  fi
}

ensure_wasm_opt() {
  if ! wasm-opt --version 2>/dev/null | grep -q "version $((${BINARYEN_VERSION%%.*}))"; then
    say "installing wasm-opt from npm binaryen@$BINARYEN_VERSION into .tools/"
    npm install --prefix "$ROOT/.tools" --no-audit --no-fund --no-save "binaryen@$BINARYEN_VERSION" >/dev/null
  fi
}

# Optional: brotli lets the post-build hook precompress assets (.br); without it the server
# compresses on the fly.
ensure_brotli() {
  if ! command -v brotli >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" -eq 0 ]; then
    say "installing brotli (precompressed assets)"
    { apt-get install -y -qq brotli >/dev/null 2>&1 \
      || { apt-get update -qq && apt-get install -y -qq brotli >/dev/null 2>&1; }; } \
      || echo "brotli not installed; assets will be compressed on the fly"
  fi
}

ensure_frontend_tools() {
  ensure_brotli
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_opt
}

ensure_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian chromium and chromium-driver (browser tests)"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

ensure_cargo_deny() {
  if ! cargo deny --version >/dev/null 2>&1; then
    say "installing cargo-deny (offline licence, ban and source checks)"
    cargo install cargo-deny --locked
  fi
}

build_frontend() {
  say "building the front end (release WASM)"
  cargo fetch --locked
  trunk build --release --offline
}
