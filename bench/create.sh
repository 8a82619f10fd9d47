#!/usr/bin/env bash
# bench/create.sh — the 110 desk's create incident (issue 14's target: ≥ 2×
# one fsync'd insert a transaction) for one or more server binaries in one
# run, on one data set, beside its reference.
#
#   bench/create.sh [--scale 0.05] [--duration 8] [--rounds 3] NAME=BIN [NAME=BIN...]
#
# For each round: the reference (`ref_sqlite --writes-only`: one-row
# transactions, WAL, synchronous=FULL, one thread), then each binary in turn
# on a fresh copy of the data set: `BIN serve --threads 2`, log in as the
# 110 desk (jiejing), wrk at 16 connections creating incidents for the
# county's stations, and the server's CPU (user + system) per answered
# create. Prints one markdown table of the medians. The data set is
# bench/dataset.sh's; name the older binary first, since the data set is
# made with it.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
SCALE=0.05
DUR=8
ROUNDS=3
NAMES=()
BINS=()
while [ $# -gt 0 ]; do
	case "$1" in
	--scale) SCALE=$2; shift 2 ;;
	--duration) DUR=$2; shift 2 ;;
	--rounds) ROUNDS=$2; shift 2 ;;
	-h|--help) sed -n '2,15p' "$0"; exit 0 ;;
	*=*) NAMES+=("${1%%=*}"); BINS+=("${1#*=}"); shift ;;
	*) echo "create.sh: NAME=BIN expected, not $1" >&2; exit 2 ;;
	esac
done
[ ${#BINS[@]} -gt 0 ] || { sed -n '2,15p' "$0" >&2; exit 2; }
log() { printf '[create %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
bench_need
# shellcheck source=bench/dataset.sh
. "$BENCH/dataset.sh"
bench_tools
bench_dataset "${BINS[0]}" "$SCALE"

W=$(mktemp -d /tmp/bench-create.XXXXXX)
SPID=""
cleanup() {
	[ -n "$SPID" ] && kill "$SPID" 2>/dev/null && wait "$SPID" 2>/dev/null || true
	rm -rf "$W"
}
trap cleanup EXIT
PORT=${BENCH_PORT:-$((20000 + $$ % 20000))}
URL=http://127.0.0.1:$PORT
export BENCH_LUA=$BENCH/lua
wrk_field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
TICK=$(getconf CLK_TCK)
proc_cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq 1 "$ROUNDS"); do
	cp --sparse=always "$DATA" "$W/ref.db"
	REF=$(timeout 120 "$BENCH/bin/ref_sqlite" --db "$W/ref.db" --scratch "$W" --seconds 3 --writes-only |
		awk '$1=="insert_fsync_per_s"{print $2}')
	rm -f "$W/ref.db"*
	echo "ref fsync ${REF:-0}" >>"$W/res"
	log "round $round: one fsync'd insert a transaction ${REF:-0}/s"
	for b in "${!BINS[@]}"; do
		bench_copy_dataset "$W/db"
		"${BINS[$b]}" serve --db "$W/db" --listen "127.0.0.1:$PORT" --threads 2 >"$W/serve.log" 2>&1 &
		SPID=$!
		bench_wait_up "$URL" "$W/serve.log"
		STATIONS=$(sqlite3 "$W/db" "SELECT group_concat(id) FROM org_unit WHERE kind = 'station'")
		export STATIONS
		bench_login "$URL" jiejing
		c0=$(proc_cpu "$SPID")
		out=$(BENCH_COOKIE=$COOKIE BENCH_CSRF=$CSRF timeout 120 wrk -t2 -c16 -d"${DUR}s" --timeout 30s \
			-s "$BENCH/lua/incident_create.lua" "$URL" 2>&1 || true)
		c1=$(proc_cpu "$SPID")
		r=$(grep '^RESULT' <<<"$out" | tail -1 || true)
		[ -n "$r" ] || { log "${NAMES[$b]}: wrk gave no result: $(tail -3 <<<"$out")"; exit 1; }
		grep -q 'non2xx=0 sockerr=0' <<<"$r" || log "WARNING: ${NAMES[$b]}: $r"
		n=$(wrk_field requests "$r")
		cpu=$(awk -v a="$c0" -v b="$c1" -v n="${n:-0}" -v t="$TICK" 'BEGIN{ printf "%.0f", (n > 0) ? (b - a) * 1e6 / t / n : 0 }')
		{
			echo "$b create $(wrk_field rps "$r")"
			echo "$b p99 $(wrk_field p99_ms "$r")"
			echo "$b cpu $cpu"
		} >>"$W/res"
		log "round $round, ${NAMES[$b]}: $(wrk_field rps "$r")/s, $cpu µs of server CPU a create"
		kill "$SPID"
		wait "$SPID" 2>/dev/null || true
		SPID=""
	done
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

med() { bench_median "$W/res" "$1" "$2"; }
REFM=$(med ref fsync)
echo "Scale $SCALE; load average $LOAD_START at start, $LOAD_END at end; $ROUNDS rounds of ${DUR} s" \
	"(binaries in turn within each round), medians. User jiejing (the 110 desk), 16 connections, server --threads 2."
echo
printf 'Reference, same run: one fsync'"'"'d insert a transaction %.0f/s.\n' "$REFM"
echo
echo '| binary | creates | p99 | ÷ reference (≥ 2×) | server CPU a create |'
echo '|---|---|---|---|---|'
for b in "${!BINS[@]}"; do
	c=$(med "$b" create)
	printf '| %s | %.0f/s | %s ms | %s× | %s µs |\n' "${NAMES[$b]}" "$c" "$(med "$b" p99)" \
		"$(awk -v a="$c" -v b="$REFM" 'BEGIN{ printf "%.2f", (b > 0) ? a/b : 0 }')" "$(med "$b" cpu)"
done
echo
echo 'Each round:'
echo
echo '```'
cat "$W/res"
echo '```'
