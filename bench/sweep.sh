#!/usr/bin/env bash
# bench/sweep.sh — the breach sweep against a backlog (issue 14): a county
# whose data came in with tens of thousands of dispatched incidents nobody
# acknowledged (a migration, a desk that never used 签收). Each one is a
# PAT-110-FIRST clock that ran out, so the server's first sweep pass records
# them all while the county works.
#
#   bench/sweep.sh [--scale F] [--copies K] BIN [BIN...]
#
# For each binary, on a fresh copy of the city data set with K copies of
# every incident of a station added as dispatched and unacknowledged (6: ~95
# 000 at scale 0.05): the first pass's time, breaches and writes (its log
# line), the server's peak RSS and CPU at its end, the latency of incident
# creates (wrk, 2 connections) made during it, and the CPU of the next pass
# (nothing new to record). BIN may be NAME=PATH.
# Prints one table, also written to bench/results/<date>-<commit>-sweep.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
SCALE=0.05
COPIES=6
while [ $# -gt 0 ]; do
	case "$1" in
	--scale) SCALE=$2; shift 2 ;;
	--copies) COPIES=$2; shift 2 ;;
	-h|--help) sed -n '2,16p' "$0"; exit 0 ;;
	--*) echo "sweep.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || { echo "sweep.sh: name at least one server binary" >&2; exit 2; }
log() { printf '[sweep %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
bench_need
# shellcheck source=bench/dataset.sh
. "$BENCH/dataset.sh"
bench_workdir sweep "${1#*=}" "$SCALE"

# the backlog, once: K copies of every station's incident, dispatched a
# minute after the call and never acknowledged
log "adding $COPIES copies of every station incident as unacknowledged dispatches"
bench_copy_dataset "$W/backlog.db"
BACKLOG=$(bench_backlog "$W/backlog.db" "$COPIES")
STATION=$(sqlite3 "$W/backlog.db" "SELECT id FROM org_unit WHERE kind = 'station' ORDER BY id LIMIT 1")
DATA=$W/backlog.db # bench_copy_dataset copies this (and its key) from here on

PORT=$((20000 + $$ % 20000))
URL=http://127.0.0.1:$PORT
TCK=$(getconf CLK_TCK)
TABLE=()
for spec in "$@"; do
	name=${spec%%=*}
	bin=${spec#*=}
	[ "$name" = "$spec" ] && name=$(basename "$bin")
	bench_copy_dataset "$W/db"
	log "$name: serving; the first pass meets $BACKLOG unacknowledged dispatches"
	"$bin" serve --db "$W/db" --listen "127.0.0.1:$PORT" --threads 2 >"$W/serve.log" 2>&1 &
	SPID=$!
	t0=$(date +%s.%N)
	bench_wait_up "$URL" "$W/serve.log"
	bench_login "$URL" jiejing
	# creates while the pass runs, until a second after it ends
	BENCH_LUA=$BENCH/lua BENCH_COOKIE=$COOKIE BENCH_CSRF=$CSRF STATIONS=$STATION \
		timeout 120 wrk -t1 -c2 -d60s --latency -s "$BENCH/lua/incident_create.lua" "$URL" >"$W/wrk.out" 2>&1 &
	WPID=$!
	until grep -q "breach sweep: first pass done" "$W/serve.log"; do
		kill -0 "$SPID" 2>/dev/null || { tail "$W/serve.log" >&2; exit 1; }
		sleep 0.1
	done
	t1=$(date +%s.%N)
	hwm=$(awk '/VmHWM/{printf "%.0f", $2/1024}' "/proc/$SPID/status")
	cpu1=$(awk '{print $14 + $15}' "/proc/$SPID/stat")
	sleep 1
	kill -INT "$WPID" 2>/dev/null || true
	wait "$WPID" 2>/dev/null || true
	rec=$(grep -o 'recorded [0-9]* breach(es)\( in [0-9]* write(s)\)\?' "$W/serve.log" | head -1)
	lat=$(awk '$1=="50%"{p50=$2} $1=="99%"{p99=$2} $1=="Latency" && NF>=4 {mx=$4} END{print p50 " / " p99 " / " mx}' "$W/wrk.out")
	reqs=$(awk '/requests in/{print $1}' "$W/wrk.out")
	# the next pass: 30 s after the first ends; nothing new to record
	cpu2a=$(awk '{print $14 + $15}' "/proc/$SPID/stat")
	sleep 31
	cpu2b=$(awk '{print $14 + $15}' "/proc/$SPID/stat")
	kill "$SPID"; wait "$SPID" 2>/dev/null || true; SPID=""
	chain=$("$bin" audit verify --db "$W/db" 2>&1 | tail -1)
	pass=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')
	TABLE+=("| $name | ${pass} s; ${rec:-?} | $hwm MB | $(awk -v c="$cpu1" -v t="$TCK" 'BEGIN{printf "%.2f", c/t}') s | ${reqs:-?} creates; $lat | $(awk -v c=$((cpu2b - cpu2a)) -v t="$TCK" 'BEGIN{printf "%.2f", c/t}') s | $chain |")
	rm -f "$W/db" "$W/db-wal" "$W/db-shm" "$W/db-audit.db"*
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
COMMIT=$(bench_commit)
OUT=$BENCH/results/$(date +%F)-$COMMIT-sweep.md
{
	echo "# The breach sweep against a backlog (bench/sweep.sh), $(date +%F), commit $COMMIT, scale $SCALE"
	echo
	echo "Machine: $(nproc) cores; load average $LOAD_START at start, $LOAD_END at end. Server \`--threads 2\`;"
	echo "data set with $COPIES copies of every station incident added as dispatched and never acknowledged:"
	echo "$BACKLOG PAT-110-FIRST clocks that ran out, recorded by the server's first sweep pass. Creates by"
	echo "\`wrk -t1 -c2\` from the login (during the start and the pass) to a second after the pass."
	echo
	echo "| server | first pass (from the start) | peak RSS at its end | server CPU to its end | creates meanwhile; p50 / p99 / max | CPU of the next 31 s (one pass, nothing new) | audit verify |"
	echo "|---|---|---|---|---|---|---|"
	printf '%s\n' "${TABLE[@]}"
} >"$OUT"
cat "$OUT"
log "written to ${OUT#"$ROOT"/}"
