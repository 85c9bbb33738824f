#!/usr/bin/env bash
# Runs Ace by DAISY (ace-puppeteer, headless Chromium) on an EPUB; prints "violations: N" then "rule-id impact file [css]" lines.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BOOK.epub OUTDIR" >&2
  exit 2
fi
epub=$1 outdir=$2
die() { echo "ace.sh: $*" >&2; exit 1; }

version=1.4.6
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cache=$root/build/tools/ace
ace=$cache/node_modules/.bin/ace-puppeteer
stamp=$cache/.installed-$version

export PUPPETEER_EXECUTABLE_PATH=${PUPPETEER_EXECUTABLE_PATH:-/usr/bin/chromium}
export PUPPETEER_SKIP_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1
# Ace gives the browser 5 s to start by default; too tight when tests run in parallel.
export ACE_TIMEOUT_INITIAL=${ACE_TIMEOUT_INITIAL:-60000}

[[ -x $PUPPETEER_EXECUTABLE_PATH ]] ||
  die "no Chromium at $PUPPETEER_EXECUTABLE_PATH (apt-get install -y chromium)"
[[ -f $epub ]] || die "no such EPUB: $epub"

# Install once; the lock makes concurrent callers wait for the first one's install.
if [[ ! -f $stamp || ! -x $ace ]]; then
  mkdir -p "$cache"
  exec 9>"$cache/.lock"
  flock 9
  if [[ ! -f $stamp || ! -x $ace ]]; then
    if ! npm install --no-audit --no-fund --prefix "$cache" "@daisy/ace@$version" \
        >"$cache/install.log" 2>&1 || [[ ! -x $ace ]]; then
      cat "$cache/install.log" >&2
      die "installing @daisy/ace@$version into $cache failed (log: $cache/install.log)"
    fi
    touch "$stamp"
  fi
  exec 9>&-
fi

mkdir -p "$outdir"
rm -f "$outdir/report.json"
# Ace exits 0 (or 2 if configured to return 2 on violations) when it ran.
status=0
"$ace" --force --outdir "$outdir" "$epub" >"$outdir/ace.log" 2>&1 || status=$?
if [[ $status -ne 0 && $status -ne 2 ]] || [[ ! -f $outdir/report.json ]]; then
  cat "$outdir/ace.log" >&2
  die "Ace failed on $epub (exit $status; log: $outdir/ace.log)"
fi

# Violations are the assertions[].assertions[] whose earl:result.earl:outcome is "fail".
node - "$outdir/report.json" <<'EOF'
const report = require(require('path').resolve(process.argv[2]));
const lines = [];
for (const doc of report.assertions || [])
  for (const a of doc.assertions || [])
    if (a['earl:result']['earl:outcome'] === 'fail') {
      const css = ((a['earl:result']['earl:pointer'] || {}).css || []).join(', ');
      lines.push([a['earl:test']['dct:title'], a['earl:test']['earl:impact'],
                  doc['earl:testSubject'].url, css].filter(Boolean).join(' '));
    }
console.log(`violations: ${lines.length}`);
for (const l of lines) console.log(l);
EOF
