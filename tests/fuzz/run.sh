#!/usr/bin/env bash
# run.sh OUTDIR SECONDS — `make fuzz`: run each target (built by build.sh
# into OUTDIR) for SECONDS. New interesting inputs go to the scratch corpus
# OUTDIR/corpus/<target> (kept between runs; the seeds in the tree are read
# only). Every crash is copied to tests/fuzz/corpus/<target>/ as a
# regression seed (TRUST FUZ-1), to be committed with its fix.
set -uo pipefail

out=${1:?usage: run.sh OUTDIR SECONDS}
secs=${2:?usage: run.sh OUTDIR SECONDS}
fz=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$(dirname "${BASH_SOURCE[0]}")/targets.sh"

pass=0 fail=0
for t in "${TARGETS[@]}"; do
  if [ ! -x "$out/$t" ]; then
    echo "run.sh: $out/$t missing (run tests/fuzz/build.sh $out first)"
    fail=$((fail + 1))
    continue
  fi
  mkdir -p "$out/corpus/$t" "$out/artifacts/$t"
  "$out/$t" -max_total_time="$secs" -timeout=5 -rss_limit_mb=2048 \
    -dict="$fz/$t.dict" -artifact_prefix="$out/artifacts/$t/" \
    -print_final_stats=1 "$out/corpus/$t" "$fz/corpus/$t" \
    2>&1 | tee "$out/$t.log" | grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|==[0-9]+==ERROR|SUMMARY|.*contract broken)'
  rc=${PIPESTATUS[0]}
  found=0
  for f in "$out/artifacts/$t"/*; do
    [ -e "$f" ] || continue
    found=1
    cp "$f" "$fz/corpus/$t/$(basename "$f")"
    echo "  regression seed added: tests/fuzz/corpus/$t/$(basename "$f")"
    rm -f "$f"
  done
  if [ $rc -eq 0 ] && [ $found -eq 0 ]; then
    pass=$((pass + 1))
    echo "PASS $t: $(sed -n 's/^stat::average_exec_per_sec: *//p' "$out/$t.log") exec/s"
  else
    fail=$((fail + 1))
    echo "FAIL $t (libFuzzer exit $rc), log $out/$t.log"
  fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
