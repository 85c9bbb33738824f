#!/usr/bin/env bash
# Runs each fuzz target, built without libFuzzer (replay_main.cpp), over its seeds: a CTest, so that
# the targets keep building and their seeds pass in every build of the suite (and under ASan).
# The inputs the fuzzers found are regression tests in tests/test_fuzz_regressions.cpp.
# Usage: tests/fuzz/replay.sh BINARY_DIR   (the folder holding the fuzz_* executables)
set -euo pipefail
bin=$1
cd "$(dirname "$0")/../.."
source tests/fuzz/seeds.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in fuzz_markdown fuzz_metadata fuzz_references fuzz_pipeline; do
  seed "$work/$f" "$f"
  printf '%s: ' "$f"
  "$bin/$f" "$work/$f"/*
done
