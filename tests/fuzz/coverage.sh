#!/usr/bin/env bash
# coverage.sh OUTDIR — line coverage of each parser under the seed corpus in
# the tree (TRUST FUZ-2): builds the targets with source-based coverage into
# OUTDIR, runs each once over tests/fuzz/corpus/<target>, and prints
# llvm-cov's report per parser file (parse.c: fuzz_query and fuzz_cookie
# together). COVERAGE_SHOW=1 also lists the lines never run. Needs
# llvm-cov and llvm-profdata (Debian: llvm-14); without them it exits 0.
# Use another OUTDIR than build.sh's: the objects are rebuilt for coverage.
set -euo pipefail

out=${1:?usage: coverage.sh OUTDIR}
fz=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$fz/../.." && pwd)
COV=$(command -v llvm-cov-14 || command -v llvm-cov || true)
PROF=$(command -v llvm-profdata-14 || command -v llvm-profdata || true)
if [ -z "$COV" ] || [ -z "$PROF" ]; then
  echo "coverage.sh: llvm-cov / llvm-profdata not found, no coverage report"
  exit 0
fi

FUZZ_COVERAGE=1 bash "$fz/build.sh" "$out" >/dev/null
source "$fz/targets.sh"
for t in "${TARGETS[@]}"; do
  rm -f "$out/$t".*.profraw
  LLVM_PROFILE_FILE="$out/$t.%p.profraw" "$out/$t" -runs=0 "$fz/corpus/$t" >/dev/null 2>&1
done

# report FILE TARGET... — coverage of src/FILE under the runs of the targets
report() {
  local file=$1 bin=$2 objs=() raws=() t
  shift
  for t in "$@"; do
    raws+=("$out/$t".*.profraw)
    [ "$t" = "$bin" ] || objs+=(-object "$out/$t")
  done
  "$PROF" merge -sparse "${raws[@]}" -o "$out/${file//\//_}.profdata"
  "$COV" report "$out/$bin" "${objs[@]+"${objs[@]}"}" \
    -instr-profile="$out/${file//\//_}.profdata" "$root/src/$file" | sed -n '3p'
  if [ "${COVERAGE_SHOW:-0}" = 1 ]; then
    "$COV" show "$out/$bin" "${objs[@]+"${objs[@]}"}" \
      -instr-profile="$out/${file//\//_}.profdata" "$root/src/$file" |
      grep -E '^ *[0-9]+\| +0\|' | sed 's/^/    never run: /' || true
  fi
}
echo "columns: regions, functions, lines, branches (each: total, missed, cover)"
report core/json.c fuzz_json_body
report http/parse.c fuzz_query fuzz_cookie
report rules/idcard.c fuzz_idcard
report core/csv.c fuzz_csv
report core/xlsx.c fuzz_xlsx
report core/zip.c fuzz_xlsx
report rules/date.c fuzz_date
