#!/usr/bin/env bash
# bench/pg.sh — issue 14: the same scenarios on SQLite (one server) and on
# PostgreSQL 15 (two servers on one database), both behind nginx with the
# repo's deploy/nginx.conf (ports replaced), in one run on the same data set:
# the audited case read, 50-row list pages of cases and incidents, and
# creating incidents, each from 16 connections (wrk).
#
#   bench/pg.sh [--scale F] [--duration 10s] [--before OLD_BIN [--rounds N]] BIN
#
# With --before, the PostgreSQL scenarios run with OLD_BIN's two servers and
# with BIN's on the same copied database: before and after in one run, each
# beside the same SQLite reference. The second on a copy runs faster for
# its place alone (creates ~1.13× with the same binary twice, 2026-12-05),
# so --rounds N alternates the order (old-new, new-old, old-new …) and
# reports each side's median; the default, 1, runs the old servers first.
#
# PostgreSQL runs durably (fsync, synchronous_commit on; tests/pg/pg_server.sh
# with PG_EXTRA_OPTS), like SQLite's synchronous=FULL; BENCH_PG_OPTS adds
# server options (e.g. "-c plan_cache_mode=force_generic_plan"). The county is moved
# with `precinct copy`. Prints one table, also written to
# bench/results/<date>-<commit>-pg.md. Not a test: the table is read.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
SCALE=0.1
DUR=10s
OLD_BIN=
ROUNDS=1
while [ $# -gt 0 ]; do
	case "$1" in
	--scale) SCALE=$2; shift 2 ;;
	--duration) DUR=$2; shift 2 ;;
	--before) OLD_BIN=$(realpath "$2"); shift 2 ;;
	--rounds) ROUNDS=$2; shift 2 ;;
	-h|--help) sed -n '2,20p' "$0"; exit 0 ;;
	--*) echo "pg.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
BIN=$(realpath "${1:?name the server binary}")
log() { printf '[pg %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
bench_need
# shellcheck source=bench/dataset.sh
. "$BENCH/dataset.sh"
bench_tools
bench_dataset "$BIN" "$SCALE"

W=$(mktemp -d "$BENCH/data/pg.XXXXXX")
PIDS=()
cleanup() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	"$ROOT/tests/pg/pg_server.sh" stop "$W/pg" >/dev/null 2>&1 || true
	rm -rf "$W"
}
trap cleanup EXIT
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
BASE=$((20000 + $$ % 20000))
FRONT=http://127.0.0.1:$BASE

front() { # upstream ports... : nginx on $BASE in front of them (deploy/nginx.conf)
	local ups="" p
	for p in "$@"; do ups="$ups    server 127.0.0.1:$p max_fails=3 fail_timeout=5s;\n"; done
	mkdir -p "$W/nginx/tmp"
	{
		[ "$(id -u)" = 0 ] && echo "user root;"
		echo "worker_processes 1; daemon off; pid $W/nginx/nginx.pid; error_log $W/nginx/error.log;"
		echo "events { worker_connections 1024; }"
		echo "http { access_log off; client_body_temp_path $W/nginx/tmp; proxy_temp_path $W/nginx/tmp;"
		# plain HTTP on $BASE (the servers are measured, not TLS): the TLS
		# block's certificate lines dropped, the redirect on the next port
		sed -e '/^#/d' -e "s/^    server 127.0.0.1:808[0-9].*;\$/@UPS@/" -e '/^ *ssl_/d' \
			-e "s/listen 443 ssl;/listen 127.0.0.1:$BASE;/" -e "s/listen 80;/listen 127.0.0.1:$((BASE + 1));/" \
			"$ROOT/deploy/nginx.conf" | awk -v u="$ups" '$0=="@UPS@"{ if (!done) printf "%s", u; done=1; next } {print}'
		echo "}"
	} | sed 's/\\n/\n/g' >"$W/nginx/nginx.conf"
	"$NGINX" -c "$W/nginx/nginx.conf" -p "$W/nginx" &
	PIDS+=($!)
}

serve() { # db port [env...]
	local db=$1 port=$2
	shift 2
	env "$@" "${SERVE_BIN:-$BIN}" serve --db "$db" --listen "127.0.0.1:$port" --threads 2 >>"$W/serve-$port.log" 2>&1 &
	PIDS+=($!)
	bench_wait_up "http://127.0.0.1:$port" "$W/serve-$port.log"
}

wrk_rps() { # lua [env...] -> R_RPS R_P50 R_P99 R_NON2XX
	local lua=$1 line
	shift
	line=$(env "$@" BENCH_LUA="$BENCH/lua" timeout 120 wrk -t2 -c16 -d"$DUR" --timeout 30s -s "$BENCH/lua/$lua" "$FRONT" 2>&1 |
		grep '^RESULT' | tail -1 || true)
	R_RPS=$(sed -n 's/.*rps=\([0-9.]*\).*/\1/p' <<<"$line"); : "${R_RPS:=0}"
	R_P50=$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' <<<"$line")
	R_P99=$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' <<<"$line")
	R_NON2XX=$(sed -n 's/.*non2xx=\([0-9]*\).*/\1/p' <<<"$line")
}

declare -A RES
scenarios() { # store name
	local s=$1 body
	bench_login "$FRONT" ducha
	body=$(curl -s --max-time 30 -H "Cookie: precinct_session=$COOKIE" "$FRONT/api/v1/cases?per_page=1")
	local hi total lo
	hi=$(jq -r '.items[0].id' <<<"$body"); total=$(jq -r '.total' <<<"$body")
	lo=$((hi - total + 1)); [ "$lo" -lt 1 ] && lo=1
	stations=$(curl -s --max-time 60 -H "Cookie: precinct_session=$COOKIE" \
		"$FRONT/api/v1/reports/daily?date=$(TZ=Asia/Shanghai date -d '-45 days' +%F)" |
		jq -r '[.rows[].station_id] | sort | map(tostring) | join(",")')
	log "$s: audited case read"
	wrk_rps case_read.lua BENCH_COOKIE="$COOKIE" BENCH_CSRF="$CSRF" CASE_LO="$lo" CASE_HI="$hi"
	RES[$s,read]=$R_RPS RES[$s,read_p]="$R_P50/$R_P99" RES[$s,read_e]=$R_NON2XX
	for L in cases incidents; do
		log "$s: $L list, 50 rows"
		wrk_rps list50.lua BENCH_COOKIE="$COOKIE" BENCH_CSRF="$CSRF" LIST=$L
		RES[$s,$L]=$R_RPS RES[$s,${L}_p]="$R_P50/$R_P99" RES[$s,${L}_e]=$R_NON2XX
	done
	bench_login "$FRONT" jiejing
	log "$s: create incidents"
	wrk_rps incident_create.lua BENCH_COOKIE="$COOKIE" BENCH_CSRF="$CSRF" STATIONS="$stations"
	RES[$s,create]=$R_RPS RES[$s,create_p]="$R_P50/$R_P99" RES[$s,create_e]=$R_NON2XX
}

stop_all() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
	for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
	PIDS=()
}

# ---- SQLite: one server ----
bench_copy_dataset "$W/city.db"
serve "$W/city.db" $((BASE + 1))
front $((BASE + 1))
sleep 0.5
scenarios sqlite
stop_all
"$BIN" audit verify --db "$W/city.db" >"$W/verify-sqlite" 2>&1 || true

# ---- PostgreSQL: two servers ----
log "PostgreSQL 15 (durable), copying the county"
bench_copy_dataset "$W/city.db"
PG_EXTRA_OPTS="-c fsync=on -c synchronous_commit=on -c full_page_writes=on -c shared_buffers=256MB ${BENCH_PG_OPTS:-}" \
	"$ROOT/tests/pg/pg_server.sh" start "$W/pg" >/dev/null
PGURL=$(cat "$W/pg/url")
PGBIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/createdb | head -1)")
port=${PGURL##*:}
"$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U precinct city
cp "$DATA.key" "$W/secret.key"
t0=$(date +%s)
PRECINCT_SECRET_FILE=$W/secret.key timeout 1800 "$BIN" copy --from "$W/city.db" --to "$PGURL/city" >"$W/copy.log" 2>&1 ||
	{ tail "$W/copy.log" >&2; exit 1; }
COPY_S=$(($(date +%s) - t0))
run_pg() { # name bin: the scenarios with bin's two servers
	log "PostgreSQL, the servers of $2 ($1)"
	SERVE_BIN=$2 serve "$PGURL/city" $((BASE + 1)) PRECINCT_SECRET_FILE="$W/secret.key"
	SERVE_BIN=$2 serve "$PGURL/city" $((BASE + 2)) PRECINCT_SECRET_FILE="$W/secret.key"
	front $((BASE + 1)) $((BASE + 2))
	sleep 0.5
	scenarios "$1"
	stop_all
}

median_of() { # name: RES[name,k] = the median of RES[name<r>,k]; each round listed
	local name=$1 k r v
	for k in read cases incidents create; do
		v=$(for r in $(seq 1 "$ROUNDS"); do echo "${RES[$name$r,$k]}"; done | sort -g |
			awk '{a[NR]=$1} END {printf "%.1f", NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
		RES[$name,$k]=$v
		RES[$name,${k}_p]=${RES[${name}1,${k}_p]}
		RES[$name,${k}_e]=0
		RES[$name,${k}_all]=""
		for r in $(seq 1 "$ROUNDS"); do
			RES[$name,${k}_e]=$((RES[$name,${k}_e] + ${RES[$name$r,${k}_e]:-0}))
			RES[$name,${k}_all]+="${RES[$name,${k}_all]:+, }${RES[$name$r,$k]}"
		done
	done
}

if [ -n "$OLD_BIN" ]; then
	for r in $(seq 1 "$ROUNDS"); do
		if [ $((r % 2)) -eq 1 ]; then
			run_pg "pgold$r" "$OLD_BIN"
			run_pg "pg$r" "$BIN"
		else
			run_pg "pg$r" "$BIN"
			run_pg "pgold$r" "$OLD_BIN"
		fi
	done
	median_of pgold
	median_of pg
else
	run_pg pg "$BIN"
fi
PRECINCT_SECRET_FILE=$W/secret.key "$BIN" audit verify --db "$PGURL/city" >"$W/verify-pg" 2>&1 || true
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b+0 <= 0) print "–"; else printf "%.2f×", a/b }'; }
verdict() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN{ print (b > 0 && a/b >= t) ? "met" : "**missed**" }'; }
COMMIT=$(bench_commit)
OUT=$BENCH/results/$(date +%F)-$COMMIT-pg${BENCH_LABEL:+-$BENCH_LABEL}.md
{
	echo "# PostgreSQL, two servers, against SQLite (bench/pg.sh), $(date +%F), commit $COMMIT, scale $SCALE"
	echo
	echo "Machine: $(nproc) cores; load average $LOAD_START at start, $LOAD_END at end. Both stores behind nginx"
	echo "(deploy/nginx.conf, 1 worker): SQLite one \`precinct serve --threads 2\`, PostgreSQL 15 (fsync and"
	echo "synchronous_commit on, shared_buffers 256 MB) two \`precinct serve --threads 2\` on one database."
	echo "wrk -t2 -c16 -d$DUR on the same 2 cores. County copied with \`precinct copy\` in $COPY_S s."
	echo "Data: $(tail -1 "$DATA.gen.log" 2>/dev/null || echo ?)"
	echo
	echo "| scenario | SQLite, 1 server | PostgreSQL, 2 servers | PG / SQLite | target (issue 14) |"
	echo "|---|---|---|---|---|"
	for k in read cases incidents create; do
		case $k in read) n="audited case read (GET /cases/{id})" t=0.5 ;; cases) n="case list, 50 rows" t=0.5 ;;
		incidents) n="incident list, 50 rows" t=0.5 ;; create) n="create incident, 16 connections" t=1 ;; esac
		echo "| $n | ${RES[sqlite,$k]}/s (p50/p99 ${RES[sqlite,${k}_p]} ms, non-2xx ${RES[sqlite,${k}_e]}) | ${RES[pg,$k]}/s (${RES[pg,${k}_p]} ms, non-2xx ${RES[pg,${k}_e]}) | $(ratio "${RES[pg,$k]}" "${RES[sqlite,$k]}") | ≥ ${t}×: $(verdict "${RES[pg,$k]}" "${RES[sqlite,$k]}" "$t") |"
	done
	if [ -n "$OLD_BIN" ]; then
		echo
		if [ "$ROUNDS" -gt 1 ]; then
			echo "Before, in the same run: PostgreSQL with the two servers of \`${BEFORE_LABEL:-$OLD_BIN}\`, on the same copy, in $ROUNDS rounds"
			echo "alternating the order (old then new, new then old, …); medians, p50/p99 of round 1, each round listed:"
		else
			echo "Before, in the same run: PostgreSQL with the two servers of \`${BEFORE_LABEL:-$OLD_BIN}\` (run first, on the same copy):"
		fi
		echo
		echo "| scenario | PostgreSQL before | PG before / SQLite | PostgreSQL after / before |"
		echo "|---|---|---|---|"
		for k in read cases incidents create; do
			echo "| $k | ${RES[pgold,$k]}/s (${RES[pgold,${k}_p]} ms, non-2xx ${RES[pgold,${k}_e]}) | $(ratio "${RES[pgold,$k]}" "${RES[sqlite,$k]}") | $(ratio "${RES[pg,$k]}" "${RES[pgold,$k]}") |"
		done
		if [ "$ROUNDS" -gt 1 ]; then
			echo
			for k in read cases incidents create; do
				echo "- $k, each round: before ${RES[pgold,${k}_all]}; after ${RES[pg,${k}_all]}"
			done
		fi
	fi
	echo
	echo "Audit chain after the run: SQLite: $(tail -1 "$W/verify-sqlite"); PostgreSQL: $(tail -1 "$W/verify-pg")."
} >"$OUT"
cat "$OUT"
log "written to ${OUT#"$ROOT"/}"
