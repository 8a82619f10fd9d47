#!/usr/bin/env bash
# bench/mixed.sh — a city server's steady day (issue 14): the 110 desk
# registers incidents while the 督察 reads case files, both without a pause,
# for one or more server binaries in one run, on one data set.
#
#   bench/mixed.sh [--scale 0.05] [--duration 10] [--rounds 2] NAME=BIN [NAME=BIN...]
#
# For each round and each binary in turn, on a fresh copy of the data set:
# `BIN serve --threads 2`; wrk at 8 connections creating incidents as jiejing
# (a place of its own each, no duplicate check) and, at the same time, wrk
# at 8 connections reading case files as ducha (ids over all cases). Then
# the size of both WAL files (the main file's and the read-audit file's) and
# how often each started again from its start (the checkpoint sequence of
# its header): a WAL that never restarts grows as long as the load lasts,
# and each commit appends to a longer file. Prints one markdown table of the
# medians. The data set is bench/dataset.sh's.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
SCALE=0.05
DUR=10
ROUNDS=2
NAMES=()
BINS=()
while [ $# -gt 0 ]; do
	case "$1" in
	--scale) SCALE=$2; shift 2 ;;
	--duration) DUR=$2; shift 2 ;;
	--rounds) ROUNDS=$2; shift 2 ;;
	-h|--help) sed -n '2,16p' "$0"; exit 0 ;;
	*=*) NAMES+=("${1%%=*}"); BINS+=("${1#*=}"); shift ;;
	*) echo "mixed.sh: NAME=BIN expected, not $1" >&2; exit 2 ;;
	esac
done
[ ${#BINS[@]} -gt 0 ] || { sed -n '2,16p' "$0" >&2; exit 2; }
log() { printf '[mixed %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
bench_need
# shellcheck source=bench/dataset.sh
. "$BENCH/dataset.sh"
bench_tools
bench_dataset "${BINS[0]}" "$SCALE"

W=$(mktemp -d /tmp/bench-mixed.XXXXXX)
SPID=""
cleanup() {
	[ -n "$SPID" ] && kill "$SPID" 2>/dev/null && wait "$SPID" 2>/dev/null || true
	rm -rf "$W"
}
trap cleanup EXIT
PORT=${BENCH_PORT:-$((20000 + $$ % 20000))}
URL=http://127.0.0.1:$PORT
export BENCH_LUA=$BENCH/lua

# the checkpoint sequence of a WAL's header (bytes 12-15, big-endian): one
# more at each restart; 0 when there is no WAL yet
wal_seq() { [ -s "$1" ] && od -An -tu1 -j12 -N4 "$1" | awk '{print (($1*256+$2)*256+$3)*256+$4}' || echo 0; }
wal_mb() { [ -f "$1" ] && awk -v b="$(stat -c %s "$1")" 'BEGIN{printf "%.1f", b/1048576}' || echo 0; }
wrk_field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq 1 "$ROUNDS"); do
	for b in "${!BINS[@]}"; do
		BIN=${BINS[$b]}
		bench_copy_dataset "$W/db"
		"$BIN" serve --db "$W/db" --listen "127.0.0.1:$PORT" --threads 2 >"$W/serve.log" 2>&1 &
		SPID=$!
		bench_wait_up "$URL" "$W/serve.log"
		STATIONS=$(sqlite3 "$W/db" "SELECT group_concat(id) FROM org_unit WHERE kind = 'station'")
		CASE_LO=$(sqlite3 "$W/db" 'SELECT MIN(id) FROM police_case')
		CASE_HI=$(sqlite3 "$W/db" 'SELECT MAX(id) FROM police_case')
		export STATIONS CASE_LO CASE_HI
		bench_login "$URL" jiejing
		C1=$COOKIE X1=$CSRF
		bench_login "$URL" ducha
		m0=$(wal_seq "$W/db-wal") a0=$(wal_seq "$W/db-audit.db-wal")
		BENCH_COOKIE=$C1 BENCH_CSRF=$X1 timeout 120 wrk -t1 -c8 -d"${DUR}s" --timeout 30s \
			-s "$BENCH/lua/incident_create.lua" "$URL" >"$W/create.out" 2>&1 &
		CPID=$!
		BENCH_COOKIE=$COOKIE BENCH_CSRF=$CSRF timeout 120 wrk -t1 -c8 -d"${DUR}s" --timeout 30s \
			-s "$BENCH/lua/case_read.lua" "$URL" >"$W/read.out" 2>&1 || true
		wait "$CPID" || true
		cr=$(grep '^RESULT' "$W/create.out" | tail -1) rd=$(grep '^RESULT' "$W/read.out" | tail -1)
		for r in "$cr" "$rd"; do
			grep -q 'non2xx=0 sockerr=0' <<<"$r" || log "WARNING: ${NAMES[$b]}: $r"
		done
		{
			echo "$b create $(wrk_field rps "$cr")"
			echo "$b create_p99 $(wrk_field p99_ms "$cr")"
			echo "$b read $(wrk_field rps "$rd")"
			echo "$b read_p99 $(wrk_field p99_ms "$rd")"
			echo "$b main_wal_mb $(wal_mb "$W/db-wal")"
			echo "$b main_restarts $(($(wal_seq "$W/db-wal") - m0))"
			echo "$b audit_wal_mb $(wal_mb "$W/db-audit.db-wal")"
			echo "$b audit_restarts $(($(wal_seq "$W/db-audit.db-wal") - a0))"
		} >>"$W/res"
		log "round $round, ${NAMES[$b]}: creates $(wrk_field rps "$cr")/s, reads $(wrk_field rps "$rd")/s," \
			"main WAL $(wal_mb "$W/db-wal") MB, read-audit WAL $(wal_mb "$W/db-audit.db-wal") MB"
		kill "$SPID"
		wait "$SPID" 2>/dev/null || true
		SPID=""
	done
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

med() { # who what -> median
	bench_median "$W/res" "$1" "$2"
}
echo "Scale $SCALE; load average $LOAD_START at start, $LOAD_END at end; $ROUNDS rounds of ${DUR} s" \
	"(binaries in turn within each round), medians. Server --threads 2; 8 connections creating" \
	"incidents (jiejing) and 8 reading case files (ducha) at once."
echo
echo '| binary | creates | p99 | case reads | p99 | main WAL after | its restarts | read-audit WAL after | its restarts |'
echo '|---|---|---|---|---|---|---|---|---|'
for b in "${!BINS[@]}"; do
	printf '| %s | %.0f/s | %s ms | %.0f/s | %s ms | %s MB | %s | %s MB | %s |\n' "${NAMES[$b]}" \
		"$(med "$b" create)" "$(med "$b" create_p99)" "$(med "$b" read)" "$(med "$b" read_p99)" \
		"$(med "$b" main_wal_mb)" "$(med "$b" main_restarts)" "$(med "$b" audit_wal_mb)" \
		"$(med "$b" audit_restarts)"
done
echo
echo 'Each round:'
echo
echo '```'
cat "$W/res"
echo '```'
