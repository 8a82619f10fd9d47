#!/usr/bin/env bash
# smoke.sh SRC_ROOT OUTDIR [TARGET...] — the fuzz smoke runs (TRUST FUZ-1):
# run each target for ${FUZZ_SECONDS:-45} s over a copy of its seed corpus
# (the tree is never written), one after another. Any crash, leak, timeout or
# OOM fails and its input is printed. Without TARGET it first builds every
# target into OUTDIR and runs them all; with TARGETs it runs those, already
# built in OUTDIR (ctest: the fixture fuzz_build builds them once, then each
# target is a test of its own, fuzz_<name>, so two run side by side).
set -uo pipefail

root=${1:?usage: smoke.sh SRC_ROOT OUTDIR [TARGET...]}
out=${2:?usage: smoke.sh SRC_ROOT OUTDIR [TARGET...]}
shift 2
secs=${FUZZ_SECONDS:-45}
fz="$root/tests/fuzz"
source "$(dirname "${BASH_SOURCE[0]}")/targets.sh"

if ! command -v "${FUZZ_CC:-clang}" >/dev/null 2>&1; then
  echo "smoke.sh: clang not found, nothing to fuzz"
  echo "0 passed, 0 failed"
  exit 0
fi
if [ $# -gt 0 ]; then
  TARGETS=("$@")
  for t in "${TARGETS[@]}"; do
    if [ ! -x "$out/$t" ]; then
      echo "smoke.sh: $out/$t is not built (the fixture fuzz_build: tests/fuzz/build.sh $out)"
      echo "0 passed, ${#TARGETS[@]} failed"
      exit 1
    fi
  done
elif ! bash "$fz/build.sh" "$out"; then
  echo "smoke.sh: build failed"
  echo "0 passed, ${#TARGETS[@]} failed"
  exit 1
fi

pass=0 fail=0
for t in "${TARGETS[@]}"; do
  work="$out/smoke/$t"
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/artifacts"
  cp -R "$fz/corpus/$t/." "$work/corpus/"
  "$out/$t" -max_total_time="$secs" -timeout=5 -rss_limit_mb=2048 \
    -dict="$fz/$t.dict" -artifact_prefix="$work/artifacts/" \
    -print_final_stats=1 "$work/corpus" >"$work/log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
  eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log")
  if [ $rc -eq 0 ]; then
    pass=$((pass + 1))
    echo "PASS $t: ${runs:-?} runs, ${eps:-?} exec/s, corpus $(ls "$work/corpus" | wc -l)"
  else
    fail=$((fail + 1))
    echo "FAIL $t (libFuzzer exit $rc), log $work/log"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*contract broken|.*runtime error)' "$work/log" | head -5
    for f in "$work"/artifacts/*; do
      [ -e "$f" ] && echo "  crash input: $f" && od -c "$f" | head -8
    done
  fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
