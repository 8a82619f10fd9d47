#!/usr/bin/env bash
# bench/read.sh — the audited single-record reads (issue 14) for one or more
# server binaries in one run, on one data set, beside their references.
#
#   bench/read.sh [--scale 0.05] [--duration 5s] [--rounds 3] NAME=BIN [NAME=BIN...]
#
# For each round: nginx serving a 300-byte file (wrk, 16 connections), the
# SQL alone (`ref_sqlite --reads-only`: the case file's and the person
# record's statements in one read transaction each, 2 threads), then each
# binary in turn (so a noisy neighbour hits all of them alike) on a fresh
# copy of the data set: `BIN serve --threads 2`, log in as the county
# supervisor (ducha), and wrk at 16 connections on GET /api/v1/cases/{id}
# and GET /api/v1/persons/{id}, ids spread over all cases and persons.
# Prints one markdown table of the medians over the rounds, with each
# read's ratio to its SQL alone and to nginx. The data set is bench/dataset.sh's.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
SCALE=0.05
DUR=5s
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
	*) echo "read.sh: NAME=BIN expected, not $1" >&2; exit 2 ;;
	esac
done
[ ${#BINS[@]} -gt 0 ] || { sed -n '2,15p' "$0" >&2; exit 2; }
log() { printf '[read %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
bench_need
# shellcheck source=bench/dataset.sh
. "$BENCH/dataset.sh"
bench_tools
bench_dataset "${BINS[0]}" "$SCALE"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

W=$(mktemp -d /tmp/bench-read.XXXXXX)
SPID=""
NPID=""
cleanup() {
	[ -n "$SPID" ] && kill "$SPID" 2>/dev/null && wait "$SPID" 2>/dev/null || true
	[ -n "$NPID" ] && kill "$NPID" 2>/dev/null && wait "$NPID" 2>/dev/null || true
	rm -rf "$W"
}
trap cleanup EXIT
PORT=${BENCH_PORT:-$((20000 + $$ % 20000))}
NPORT=$((PORT + 1))
URL=http://127.0.0.1:$PORT

mkdir -p "$W/nginx/www" "$W/nginx/logs" "$W/nginx/tmp"
head -c 300 /dev/zero | tr '\0' 'x' >"$W/nginx/www/static.json"
{
	[ "$(id -u)" = 0 ] && echo "user root;"
	cat <<EOF
worker_processes 2;
daemon off;
pid $W/nginx/nginx.pid;
error_log $W/nginx/logs/error.log;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $W/nginx/tmp;
	default_type application/json;
	keepalive_requests 1000000;
	server { listen 127.0.0.1:$NPORT; root $W/nginx/www; }
}
EOF
} >"$W/nginx/nginx.conf"

run_wrk() { # lua url -> R_RPS
	local out
	out=$(BENCH_LUA=$BENCH/lua timeout 120 wrk -t2 -c16 -d"$DUR" --timeout 30s \
		-s "$BENCH/lua/$1" "$2" 2>&1 || true)
	R_RPS=$(grep '^RESULT' <<<"$out" | tail -1 | sed -n 's/.*rps=\([0-9.]*\).*/\1/p')
	R_REQ=$(grep '^RESULT' <<<"$out" | tail -1 | sed -n 's/.*requests=\([0-9]*\).*/\1/p')
	: "${R_RPS:=0}" "${R_REQ:=0}"
	grep -q 'non2xx=0 sockerr=0' <<<"$out" || log "WARNING: $1: $(grep '^RESULT' <<<"$out")"
}

# the server's CPU time (user + system, clock ticks) from /proc/PID/stat:
# CPU per read is what a loaded machine disturbs least (the rates follow the
# run queue)
TICK=$(getconf CLK_TCK)
proc_cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
cpu_us() { # ticks0 ticks1 requests -> µs of server CPU per request
	awk -v a="$1" -v b="$2" -v n="$3" -v t="$TICK" 'BEGIN{ printf "%.0f", (n > 0) ? (b - a) * 1e6 / t / n : 0 }'
}
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq 1 "$ROUNDS"); do
	"$NGINX" -c "$W/nginx/nginx.conf" -p "$W/nginx" 2>/dev/null &
	NPID=$!
	for _ in $(seq 1 100); do
		curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$NPORT/static.json" && break
		sleep 0.1
	done
	run_wrk static.lua "http://127.0.0.1:$NPORT/static.json"
	echo "ref nginx $R_RPS" >>"$W/res"
	kill "$NPID"
	wait "$NPID" 2>/dev/null || true
	NPID=""
	cp --sparse=always "$DATA" "$W/db"
	rm -f "$W/db-wal" "$W/db-shm"
	timeout 300 "$BENCH/bin/ref_sqlite" --db "$W/db" --scratch "$W" --seconds 3 --reads-only >"$W/ref.txt"
	ref() { awk -v k="$1" '$1==k{print $2}' "$W/ref.txt"; }
	echo "ref case_sql $(ref case_file_per_s)" >>"$W/res"
	echo "ref person_sql $(ref person_file_per_s)" >>"$W/res"
	export CASE_LO CASE_HI PERSON_LO PERSON_HI BENCH_CSRF BENCH_COOKIE
	CASE_LO=$(ref case_lo) CASE_HI=$(ref case_hi) PERSON_LO=$(ref person_lo) PERSON_HI=$(ref person_hi)
	log "round $round: nginx $(awk '$2=="nginx"{v=$3} END{print v}' "$W/res")/s, SQL alone: case $(ref case_file_per_s)/s, person $(ref person_file_per_s)/s"
	for b in "${!BINS[@]}"; do
		BIN=${BINS[$b]}
		bench_copy_dataset "$W/db"
		"$BIN" serve --db "$W/db" --listen "127.0.0.1:$PORT" --threads 2 >"$W/serve.log" 2>&1 &
		SPID=$!
		bench_wait_up "$URL" "$W/serve.log"
		bench_login "$URL" ducha
		BENCH_CSRF=$CSRF BENCH_COOKIE=$COOKIE
		c0=$(proc_cpu "$SPID")
		run_wrk case_read.lua "$URL"
		c1=$(proc_cpu "$SPID")
		echo "$b case $R_RPS" >>"$W/res"
		echo "$b case_cpu $(cpu_us "$c0" "$c1" "$R_REQ")" >>"$W/res"
		run_wrk person_read.lua "$URL"
		c2=$(proc_cpu "$SPID")
		echo "$b person $R_RPS" >>"$W/res"
		echo "$b person_cpu $(cpu_us "$c1" "$c2" "$R_REQ")" >>"$W/res"
		log "round $round, ${NAMES[$b]}: case $(awk -v b="$b" '$1==b && $2=="case"{v=$3} END{print v}' "$W/res")/s" \
			"($(awk -v b="$b" '$1==b && $2=="case_cpu"{v=$3} END{print v}' "$W/res") µs CPU each)," \
			"person $R_RPS/s ($(awk -v b="$b" '$1==b && $2=="person_cpu"{v=$3} END{print v}' "$W/res") µs CPU each)"
		kill "$SPID"
		wait "$SPID" 2>/dev/null || true
		SPID=""
	done
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

med() { # who what -> median
	bench_median "$W/res" "$1" "$2"
}
div() { awk -v a="$1" -v b="$2" 'BEGIN{ printf "%.2f", (b > 0) ? a/b : 0 }'; }
NG=$(med ref nginx) CS=$(med ref case_sql) PS=$(med ref person_sql)
echo "Scale $SCALE; load average $LOAD_START at start, $LOAD_END at end; $ROUNDS rounds of $DUR per scenario" \
	"(binaries in turn within each round), medians. User ducha (the county's 督察), 16 connections, server --threads 2."
echo
printf 'References, same run: nginx static 300 B %.0f/s; SQL alone (ref_sqlite, 2 threads): case file %.0f/s, person record %.0f/s.\n' \
	"$NG" "$CS" "$PS"
echo
echo '| binary | case read | ÷ SQL alone | ÷ nginx | person read | ÷ SQL alone | ÷ nginx |'
echo '|---|---|---|---|---|---|---|'
for b in "${!BINS[@]}"; do
	c=$(med "$b" case) p=$(med "$b" person)
	printf '| %s | %.0f/s | %s× | %s× | %.0f/s | %s× | %s× |\n' "${NAMES[$b]}" "$c" "$(div "$c" "$CS")" \
		"$(div "$c" "$NG")" "$p" "$(div "$p" "$PS")" "$(div "$p" "$NG")"
done
echo
echo 'Server CPU (user + system) per answered read, medians:'
echo
echo '| binary | case read | person read |'
echo '|---|---|---|'
for b in "${!BINS[@]}"; do
	printf '| %s | %s µs | %s µs |\n' "${NAMES[$b]}" "$(med "$b" case_cpu)" "$(med "$b" person_cpu)"
done
echo
echo 'Each round:'
echo
echo '```'
cat "$W/res"
echo '```'
