#!/usr/bin/env bash
# Trunk post-build hook: gives the loader script a content hash like every other asset.
#
# The server's CSP forbids inline scripts, so Trunk injects none (inject_scripts = false) and
# app/loader.js starts the app. Trunk hashes the .js/.wasm/.css names but copies loader.js as
# is; this hook writes the hashed names into the loader, renames it by its own hash and points
# index.html at it, so every asset can be cached for a year and only index.html is revalidated.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?this hook is run by trunk}"
js=""
wasm=""
for f in "$dir"/app-*; do
  case "$f" in
    *_bg.wasm) wasm=$(basename "$f") ;;
    *.js) js=$(basename "$f") ;;
  esac
done
if [ -z "$js" ] || [ -z "$wasm" ]; then
  echo "post-build: the app's .js and _bg.wasm were not found in $dir" >&2
  exit 1
fi
sed -e "s#/app\.js#/$js#" -e "s#/app_bg\.wasm#/$wasm#" "$dir/loader.js" > "$dir/loader.tmp"
hash=$(sha256sum "$dir/loader.tmp" | cut -c1-16)
mv "$dir/loader.tmp" "$dir/loader-$hash.js"
rm -f "$dir/loader.js"
sed -i "s#/loader\.js#/loader-$hash.js#" "$dir/index.html"

# Precompressed copies, served as they are (the server compresses anything else on the fly).
for f in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css; do
  gzip -9 -k -n -f "$f"
  if command -v brotli >/dev/null; then brotli -q 11 -k -f "$f"; fi
done
