#!/usr/bin/env bash
# bench/lists.sh — the 50-row list pages against the audited read (issue 14),
# for one or more server binaries in one run, on one data set.
#
#   bench/lists.sh --db CITY.db [--duration 5s] [--rounds 2] [--user ducha] BIN [BIN...]
#
# For each round and each binary (in turn, so a noisy neighbour hits all of
# them alike): start `BIN serve --threads 2` on a copy of CITY.db, log in
# as the county supervisor (ducha; --user suozhang: a station's chief), then run with wrk the audited case read
# (scenario 1 of run.sh) and the cases/incidents/persons/rentals pages of
# 50 rows (scenario 2) at 16 connections and at 1. Prints one markdown
# table: per binary the median over the rounds of each rate and the ratio
# of each list to that binary's audited read. CITY.db is made by run.sh
# (bench/data/) or: precinct init --db X --demo && bench/bin/gen --db X.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
bench_need
DUR=5s
ROUNDS=2
DATA=""
USER_NAME=ducha
BINS=()
while [ $# -gt 0 ]; do
	case "$1" in
	--db) DATA=$2; shift 2 ;;
	--duration) DUR=$2; shift 2 ;;
	--rounds) ROUNDS=$2; shift 2 ;;
	--user) USER_NAME=$2; shift 2 ;;
	-h|--help) sed -n '2,15p' "$0"; exit 0 ;;
	*) BINS+=("$1"); shift ;;
	esac
done
[ -f "$DATA" ] && [ ${#BINS[@]} -gt 0 ] || { sed -n '2,15p' "$0" >&2; exit 2; }
PW=Precinct-Demo-2026
log() { printf '[lists %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
W=$(mktemp -d /tmp/bench-lists.XXXXXX)
SPID=""
cleanup() {
	[ -n "$SPID" ] && kill "$SPID" 2>/dev/null && wait "$SPID" 2>/dev/null || true
	rm -rf "$W"
}
trap cleanup EXIT
PORT=${BENCH_PORT:-$((20000 + $$ % 20000))}
URL=http://127.0.0.1:$PORT

run_wrk() { # lua [conns] -> R_RPS
	local lua=$1 conns=${2:-16} threads=2 out
	[ "$conns" -lt 2 ] && threads=1
	out=$(BENCH_LUA=$BENCH/lua timeout 120 wrk -t"$threads" -c"$conns" -d"$DUR" --timeout 30s \
		-s "$BENCH/lua/$lua" "$URL" 2>&1 || true)
	R_RPS=$(grep '^RESULT' <<<"$out" | tail -1 | sed -n 's/.*rps=\([0-9.]*\).*/\1/p')
	grep -q 'non2xx=0 sockerr=0' <<<"$out" || log "WARNING: $lua: $(grep '^RESULT' <<<"$out")"
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
SCEN=(read cases16 cases1 incidents16 incidents1 persons16 persons1 rentals16 rentals1)
for round in $(seq 1 "$ROUNDS"); do
	for b in "${!BINS[@]}"; do
		BIN=${BINS[$b]}
		bench_copy_dataset "$W/db"
		"$BIN" serve --db "$W/db" --listen "127.0.0.1:$PORT" --threads 2 >"$W/serve.log" 2>&1 &
		SPID=$!
		bench_wait_up "$URL" "$W/serve.log"
		body=$(curl -s --max-time 30 -c "$W/jar" -H 'Content-Type: application/json' \
			-d "{\"username\":\"$USER_NAME\",\"password\":\"$PW\"}" "$URL/api/v1/session")
		export BENCH_CSRF BENCH_COOKIE
		BENCH_CSRF=$(jq -r '.csrf_token // empty' <<<"$body")
		BENCH_COOKIE=$(awk '$6=="precinct_session"{print $7}' "$W/jar")
		first=$(curl -s -H "Cookie: precinct_session=$BENCH_COOKIE" "$URL/api/v1/cases?per_page=1")
		export CASE_HI CASE_LO
		CASE_HI=$(jq -r '.items[0].id' <<<"$first")
		CASE_LO=$((CASE_HI - $(jq -r '.total' <<<"$first") + 1))
		[ "$CASE_LO" -lt 1 ] && CASE_LO=1
		log "round $round, $BIN (cases $CASE_LO..$CASE_HI)"
		run_wrk case_read.lua
		echo "$b read $R_RPS" >>"$W/res"
		for L in cases incidents persons rentals; do
			LIST=$L run_wrk list50.lua
			echo "$b ${L}16 $R_RPS" >>"$W/res"
			LIST=$L run_wrk list50.lua 1
			echo "$b ${L}1 $R_RPS" >>"$W/res"
		done
		kill "$SPID"
		wait "$SPID" 2>/dev/null || true
		SPID=""
	done
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

med() { # bin scen -> median rate
	bench_median "$W/res" "$1" "$2"
}
echo "User $USER_NAME; load average $LOAD_START at start, $LOAD_END at end; $ROUNDS rounds of $DUR per scenario, medians."
echo
printf '| binary |'
for s in "${SCEN[@]}"; do printf ' %s |' "$s"; done
echo
printf '|---|'
for _ in "${SCEN[@]}"; do printf -- '---|'; done
echo
for b in "${!BINS[@]}"; do
	rd=$(med "$b" read)
	printf '| %s |' "${BINS[$b]}"
	for s in "${SCEN[@]}"; do
		v=$(med "$b" "$s")
		case "$s" in
		*16) printf ' %.0f/s (%.2f× read) |' "$v" "$(awk -v a="$v" -v r="$rd" 'BEGIN{print (r > 0) ? a/r : 0}')" ;;
		*) printf ' %.0f/s |' "$v" ;;
		esac
	done
	echo
done
