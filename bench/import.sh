#!/usr/bin/env bash
# bench/import.sh — scenario 9 of run.sh alone (issue 14): the bulk import of
# persons, for one or more server binaries in the same run, each on a fresh
# copy of the same city data set, beside the batched-insert reference.
#
#   bench/import.sh [--scale F] [--rows N] [--chunk K] [--warm W] [--label L] BIN [BIN...]
#
# --chunk: rows a request (10 000; the web sends 8 000). --warm: rows each
# server imports first, untimed (0): a server that has run a while has its
# heap and page caches grown, a fresh one pays for that in the first rows.
#
# BIN may be NAME=PATH to name it in the table (e.g. before=/tmp/precinct).
# Prints one table, also written to bench/results/<date>-<commit>-import.md.
# Bounded: every POST under curl --max-time, the reference under timeout.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
SCALE=0.1
ROWS=50000
CHUNK=10000
WARM=0
LABEL=""
while [ $# -gt 0 ]; do
	case "$1" in
	--scale) SCALE=$2; shift 2 ;;
	--rows) ROWS=$2; shift 2 ;;
	--chunk) CHUNK=$2; shift 2 ;;
	--warm) WARM=$2; shift 2 ;;
	--label) LABEL=-$2; shift 2 ;;
	-h|--help) sed -n '2,14p' "$0"; exit 0 ;;
	--*) echo "import.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || { echo "import.sh: name at least one server binary" >&2; exit 2; }
log() { printf '[import %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
bench_need
# shellcheck source=bench/dataset.sh
. "$BENCH/dataset.sh"
bench_workdir import "${1#*=}" "$SCALE"
mkdir -p "$W/import" "$W/warm"
[ $((WARM % CHUNK)) = 0 ] || { echo "import.sh: --warm must be a multiple of --chunk" >&2; exit 2; }
# one file set: the first WARM rows warm the server, the next ROWS are timed
"$BENCH/bin/gen" --import-json "$W/import" --rows $((WARM + ROWS)) --chunk "$CHUNK" >/dev/null
for ((i = 0; i < WARM / CHUNK; i++)); do mv "$W/import/$(printf 'import_%03d.json' "$i")" "$W/warm/"; done

log "reference: 1000-row transactions"
cp --sparse=always "$DATA" "$W/ref.db"
REF=$(timeout 120 "$BENCH/bin/ref_sqlite" --db "$W/ref.db" --scratch "$W" --seconds 3 --writes-only |
	awk '$1=="batch1000_rows_per_s"{print $2}')
rm -f "$W/ref.db" "$W/ref_scratch.db"*

PORT=$((20000 + $$ % 20000))
URL=http://127.0.0.1:$PORT
TABLE=()
for spec in "$@"; do
	name=${spec%%=*}
	bin=${spec#*=}
	[ "$name" = "$spec" ] && name=$(basename "$bin")
	bench_copy_dataset "$W/db"
	"$bin" serve --db "$W/db" --listen "127.0.0.1:$PORT" --threads 2 >"$W/serve.log" 2>&1 &
	SPID=$!
	bench_wait_up "$URL" "$W/serve.log"
	bench_login "$URL" minjing1
	post_all() { # DIR -> imported (rows the answers counted)
		imported=0
		for f in "$1"/import_*.json; do
			[ -f "$f" ] || continue
			code=$(curl -s --max-time 600 -o "$W/body" -w '%{http_code}' -X POST -H "Cookie: precinct_session=$COOKIE" \
				-H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' --data-binary "@$f" \
				"$URL/api/v1/persons/import")
			[ "$code" = 200 ] || log "WARNING: $name answered $code: $(head -c 300 "$W/body")"
			n=$(jq -r '.imported // 0' "$W/body"); imported=$((imported + n))
		done
	}
	if [ "$WARM" -gt 0 ]; then
		log "$name: warming with $WARM persons"
		post_all "$W/warm"
	fi
	log "$name: importing $ROWS persons"
	t0=$(date +%s.%N)
	cpu0=$(awk '{print $14 + $15}' "/proc/$SPID/stat")
	post_all "$W/import"
	t1=$(date +%s.%N)
	cpu1=$(awk '{print $14 + $15}' "/proc/$SPID/stat")
	TCK=$(getconf CLK_TCK)
	verify=$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' "$URL/api/v1/health")
	kill "$SPID"; wait "$SPID" 2>/dev/null || true; SPID=""
	chain=$("$bin" audit verify --db "$W/db" 2>&1 | tail -1)
	rate=$(awk -v n="$imported" -v a="$t0" -v b="$t1" 'BEGIN{printf "%.0f", n/(b-a)}')
	cpu=$(awk -v n="$imported" -v c=$((cpu1 - cpu0)) -v t="$TCK" 'BEGIN{ if (c > 0) printf "%.0f", n/(c/t); else print "–" }')
	ratio=$(awk -v a="$rate" -v b="$REF" 'BEGIN{ if (b > 0) printf "%.3f", a/b; else print "–" }')
	TABLE+=("| $name | $imported of $ROWS | $rate rows/s | $cpu rows per CPU-s | $REF rows/s | ${ratio}× | $( [ "$rate" -ge 50000 ] && echo met || echo '**missed**') ($verify; audit verify: $chain) |")
	rm -f "$W/db" "$W/db-wal" "$W/db-shm"
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
COMMIT=$(bench_commit)
OUT=$BENCH/results/$(date +%F)-$COMMIT-import$LABEL.md
{
	echo "# Import of persons (bench/import.sh), $(date +%F), commit $COMMIT, scale $SCALE"
	echo
	echo "Machine: $(nproc) cores; load average $LOAD_START at start, $LOAD_END at end. Server \`--threads 2\`, one client posting $CHUNK-row CSV bodies (JSON) in turn$( [ "$WARM" -gt 0 ] && echo ", after $WARM rows imported untimed (a warm server)"); rows/s over the wall time, rows per CPU-s from the server's utime+stime."
	echo "Data: $(tail -1 "$DATA.gen.log" 2>/dev/null || echo ?)"
	echo
	echo "| server | rows imported | throughput | CPU | reference: 1000-row transactions (same run) | ratio | ≥ 50 000 rows/s |"
	echo "|---|---|---|---|---|---|---|"
	printf '%s\n' "${TABLE[@]}"
} >"$OUT"
cat "$OUT"
log "written to ${OUT#"$ROOT"/}"
