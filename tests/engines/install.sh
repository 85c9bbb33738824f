#!/usr/bin/env bash
# Installs the reading engines of the engine tests (package.json, pinned by package-lock.json) into
# build/tools/engines once, and prints the folder of their node_modules.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cache=$root/build/tools/engines
stamp=$cache/.installed-$(sha256sum "$here/package-lock.json" | cut -c1-16)
die() { echo "engines/install.sh: $*" >&2; exit 1; }

[[ -x ${CHROMIUM:-/usr/bin/chromium} ]] || die "no Chromium at ${CHROMIUM:-/usr/bin/chromium} (apt-get install -y chromium)"
if [[ ! -f $stamp ]]; then
  mkdir -p "$cache"
  exec 9>"$cache/.lock"
  flock 9  # concurrent tests wait for the first one's install
  if [[ ! -f $stamp ]]; then
    cp "$here/package.json" "$here/package-lock.json" "$cache/"
    rm -f "$cache"/.installed-*
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --prefix "$cache" >"$cache/install.log" 2>&1 ||
      { cat "$cache/install.log" >&2; die "npm ci in $cache failed (log: $cache/install.log)"; }
    touch "$stamp"
  fi
  exec 9>&-
fi
echo "$cache/node_modules"
