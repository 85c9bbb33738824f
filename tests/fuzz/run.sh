#!/usr/bin/env bash
# Builds the fuzzers (the `fuzz` preset, clang) and runs each for FUZZ_SECONDS (default 60) of wall
# time, one after the other, at the lowest priority. Seeds are copied from the tests' manuscripts at
# each run; what the fuzzers find is kept in build/fuzz/corpus, crashes in build/fuzz/crashes, each
# fuzzer's output in build/fuzz/logs, and the CPU time it took is printed.
# Usage: tests/fuzz/run.sh [FUZZER...]   (default: all four)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
seconds=${FUZZ_SECONDS:-60}
fuzzers=("$@")
[[ ${#fuzzers[@]} -gt 0 ]] || fuzzers=(fuzz_markdown fuzz_metadata fuzz_references fuzz_pipeline)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "${JOBS:-2}" --target "${fuzzers[@]}"

work=build/fuzz
source tests/fuzz/seeds.sh
options() {  # options FUZZER: input size and dictionary
  case $1 in
    fuzz_markdown) echo "-max_len=4096 -dict=tests/fuzz/markdown.dict" ;;
    fuzz_pipeline) echo "-max_len=2048 -dict=tests/fuzz/markdown.dict" ;;
    *) echo "-max_len=2048 -dict=tests/fuzz/yaml.dict" ;;
  esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for f in "${fuzzers[@]}"; do
  seeds=$work/seeds/$f
  seed "$seeds" "$f"
  mkdir -p "$work/corpus/$f" "$work/crashes/$f" "$work/logs"
  log=$work/logs/$f.log
  echo "recto: fuzzing $f for $seconds s (output in $log)"
  # shellcheck disable=SC2046
  # -timeout is wall time: generous, as a fuzzer at the lowest priority on a busy machine is slow.
  if nice -n 19 /usr/bin/time -o "$work/logs/$f.cpu" -f "%U %S" "$work/tests/fuzz/$f" $(options "$f") -max_total_time="$seconds" -timeout=60 -rss_limit_mb=4096 \
      -print_final_stats=1 -artifact_prefix="$work/crashes/$f/" "$work/corpus/$f" "$seeds" >"$log" 2>&1; then
    grep -E '^(Done|stat::(number_of_executed_units|average_exec_per_sec))' "$log" | sed 's/^/  /'
    awk '{ printf "  CPU time: %.1f minutes\n", ($1 + $2) / 60 }' "$work/logs/$f.cpu"
  else
    grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)|runtime error' "$log" | sed 's/^/  /' >&2
    echo "recto: $f found a problem: see $log and $work/crashes/$f/" >&2
    status=1
  fi
done
exit $status
