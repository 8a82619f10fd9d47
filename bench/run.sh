#!/usr/bin/env bash
# bench/run.sh — Precinct at county and city scale, measured (issue 7).
#
#   bench/run.sh [--scale F] [--duration 10s] [--no-build] [--keep] [--deps]
#
# Builds the release binary, generates the city data set (cached in
# bench/data/ by scale, commit, schema and generator), measures the
# references (nginx serving a 300-byte file; the same SQLite statements
# without HTTP; a plain C hash join), runs the scenarios against
# `precinct serve --threads 2` on loopback with wrk, and prints one table,
# also written to bench/results/<date>-<commit>.md. Every step is bounded in
# time. Nothing here is a test: the table is read, not asserted.
#
# Environment: BENCH_BUILD_DIR (default build/), BENCH_SRC (source tree to
# build, default the repository), BENCH_PORT (default from the pid).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
SCALE=1.0
DUR=10s
BUILD=1
KEEP=0
DEPS_ONLY=0
while [ $# -gt 0 ]; do
	case "$1" in
	--scale) SCALE=$2; shift 2 ;;
	--duration) DUR=$2; shift 2 ;;
	--no-build) BUILD=0; shift ;;
	--keep) KEEP=1; shift ;;
	--deps) DEPS_ONLY=1; shift ;;
	-h|--help) sed -n '2,16p' "$0"; exit 0 ;;
	*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
BUILD_DIR=${BENCH_BUILD_DIR:-$ROOT/build}
SRC=${BENCH_SRC:-$ROOT}
PRECINCT=$BUILD_DIR/precinct
PW=Precinct-Demo-2026
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---- what it needs ----
bench_need
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ "$DEPS_ONLY" = 1 ] && exit 0

# ---- build ----
if [ "$BUILD" = 1 ]; then
	log "release build in $BUILD_DIR"
	timeout 900 cmake -S "$SRC" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	timeout 1200 cmake --build "$BUILD_DIR" -j 2 --target precinct >/dev/null
fi
[ -x "$PRECINCT" ] || { echo "run.sh: no $PRECINCT (build first)" >&2; exit 1; }
mkdir -p "$BENCH/bin" "$BENCH/data" "$BENCH/results"
tool() { # name source libs...
	local name=$1 src=$2; shift 2
	if [ ! -x "$BENCH/bin/$name" ] || [ "$src" -nt "$BENCH/bin/$name" ]; then
		gcc -O2 -Wall -o "$BENCH/bin/$name" "$src" "$@"
	fi
}
tool gen "$BENCH/gen.c" -lsqlite3
tool ref_sqlite "$BENCH/ref_sqlite.c" -lsqlite3 -lpthread
tool probe "$BENCH/probe.c"
tool audit_split "$BENCH/audit_split.c" -lsqlite3 -lpthread
# shellcheck disable=SC2046
tool login_storm "$BENCH/login_storm.c" $(pkg-config --cflags --libs libcurl) -lpthread

# ---- the data set, cached ----
COMMIT=${BENCH_COMMIT:-$(git -C "$SRC" rev-parse --short HEAD 2>/dev/null || echo nogit)}
DIRTY=""
[ -n "$(git -C "$SRC" status --porcelain -- src 2>/dev/null)" ] && DIRTY="+dirty"
TODAY=$(TZ=Asia/Shanghai date +%F)
GENKEY=$(cat "$SRC"/src/store/migrations/*.sql "$BENCH/gen.c" | sha1sum | cut -c1-8)
KEY="s${SCALE}-${COMMIT}-${GENKEY}-${TODAY}"
DATA=$BENCH/data/city-$KEY.db
if [ ! -f "$DATA" ]; then
	rm -f "$BENCH"/data/city-s"${SCALE}"-*.db # older sets of this scale
	log "generating the data set (scale $SCALE) into $DATA"
	tmp=$DATA.tmp
	rm -f "$tmp" "$tmp"-wal "$tmp"-shm
	"$PRECINCT" init --db "$tmp" --demo >/dev/null
	timeout 1800 nice -n 5 "$BENCH/bin/gen" --db "$tmp" --scale "$SCALE" | tee "$DATA.gen.log" >&2
	mv "$tmp" "$DATA"
	[ ! -f "$tmp-audit.db" ] || mv "$tmp-audit.db" "$DATA-audit.db" # the read-audit file goes with it
fi
GEN_LINE=$(tail -1 "$DATA.gen.log" 2>/dev/null || true)

W=$(mktemp -d "$BENCH/data/work.XXXXXX")
DB=$W/bench.db
bench_copy_dataset "$DB"
PORT=${BENCH_PORT:-$((20000 + $$ % 20000))}
NPORT=$((PORT + 1))
URL=http://127.0.0.1:$PORT
SPID=""
NPID=""
cleanup() {
	[ -n "$SPID" ] && kill "$SPID" 2>/dev/null && wait "$SPID" 2>/dev/null || true
	[ -n "$NPID" ] && kill "$NPID" 2>/dev/null || true
	if [ "$KEEP" = 0 ]; then rm -rf "$W"; else log "kept $W"; fi
}
trap cleanup EXIT
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- reference: nginx serving a 300-byte file ----
mkdir -p "$W/nginx/www" "$W/nginx/logs"
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
mkdir -p "$W/nginx/tmp"

WRK_OUT=""
run_wrk() { # lua url [conns] -> sets R_RPS R_P50 R_P99 R_NON2XX
	local lua=$1 url=$2 conns=${3:-16} threads=2
	[ "$conns" -lt 2 ] && threads=1
	WRK_OUT=$(BENCH_LUA=$BENCH/lua timeout 120 wrk -t"$threads" -c"$conns" -d"$DUR" --timeout 30s \
		-s "$BENCH/lua/$lua" "$url" 2>&1 || true)
	local line
	line=$(grep '^RESULT' <<<"$WRK_OUT" | tail -1)
	R_RPS=$(sed -n 's/.*rps=\([0-9.]*\).*/\1/p' <<<"$line")
	R_P50=$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' <<<"$line")
	R_P99=$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' <<<"$line")
	R_NON2XX=$(sed -n 's/.*non2xx=\([0-9]*\).*/\1/p' <<<"$line")
	R_SOCK=$(sed -n 's/.*sockerr=\([0-9]*\).*/\1/p' <<<"$line")
	: "${R_RPS:=0}" "${R_P50:=0}" "${R_P99:=0}" "${R_NON2XX:=?}" "${R_SOCK:=?}"
}

log "reference: nginx static file on 127.0.0.1:$NPORT"
out=$("$BENCH/bin/probe" "$NPORT" /static.json 10000 "$W/nginx/logs/stdout.log" -- \
	"$NGINX" -c "$W/nginx/nginx.conf" -p "$W/nginx")
NPID=$(awk '{print $4}' <<<"$out")
NGINX_COLD=$(awk '{print $2}' <<<"$out")
run_wrk static.lua "http://127.0.0.1:$NPORT/static.json"
NG_RPS=$R_RPS NG_P50=$R_P50 NG_P99=$R_P99
kill "$NPID" 2>/dev/null || true
wait "$NPID" 2>/dev/null || true
NPID=""
log "nginx: $NG_RPS req/s (p50 $NG_P50 ms, p99 $NG_P99 ms), cold start $NGINX_COLD ms"

# ---- references: the same SQLite statements without HTTP ----
NAMES_ZH=(张伟 王芳 李娜 刘洋 陈静 杨勇 王秀英 李建国 张志强 刘海燕 陈晓东 黄丽华)
printf '%s\n' "${NAMES_ZH[@]}" >"$W/names.txt"
REPORT_DATE=$(TZ=Asia/Shanghai date -d '-45 days' +%F)
log "reference: plain C + SQLite on the same database"
timeout 600 "$BENCH/bin/ref_sqlite" --db "$DB" --scratch "$W" --seconds 3 --names "$W/names.txt" \
	--date "$REPORT_DATE" >"$W/ref.txt"
ref() { awk -v k="$1" '$1==k{print $2}' "$W/ref.txt"; }
cat "$W/ref.txt" >&2

# ---- the server ----
log "precinct serve --threads 2 on 127.0.0.1:$PORT"
"$PRECINCT" serve --db "$DB" --listen "127.0.0.1:$PORT" --threads 2 >"$W/serve.log" 2>&1 &
SPID=$!
bench_wait_up "$URL" "$W/serve.log"

login() { # user -> COOKIE CSRF
	local body
	body=$(curl -s --max-time 30 -c "$W/jar.$1" -H 'Content-Type: application/json' \
		-d "{\"username\":\"$1\",\"password\":\"$PW\"}" "$URL/api/v1/session")
	CSRF=$(jq -r '.csrf_token // empty' <<<"$body" 2>/dev/null || true)
	COOKIE=$(awk '$6=="precinct_session"{print $7}' "$W/jar.$1")
	[ -n "$COOKIE" ] && [ -n "$CSRF" ] || { echo "run.sh: login as $1 failed: $body" >&2; exit 1; }
}
api() { # method path [body] -> stdout body; HTTP status in $W/status
	curl -s --max-time 600 -o "$W/body" -w '%{http_code}' -X "$1" -H "Cookie: precinct_session=$COOKIE" \
		-H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' ${3:+--data-binary "$3"} "$URL$2" >"$W/status"
	cat "$W/body"
}
jq_() { jq -r "$1 // empty" "$W/body" 2>/dev/null || true; }
rss_reset() { echo 5 >"/proc/$SPID/clear_refs" 2>/dev/null || true; }
rss_peak() { awk '/VmHWM/{printf "%.0f", $2/1024}' "/proc/$SPID/status" 2>/dev/null || echo "?"; }
check() { # what: the status of the last api call must be 2xx
	local s
	s=$(cat "$W/status")
	case "$s" in 2*) ;; *) log "WARNING: $1 answered $s: $(head -c 300 "$W/body")" ;; esac
}

ROWS=()
row() { ROWS+=("$(printf '| %s | %s | %s | %s | %s | %s | %s | %s |' "$@")"); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b+0 <= 0) print "–"; else if (a/b >= 0.1) printf "%.2f×", a/b; else printf "%.2g×", a/b }'; }
fmt() { awk -v a="$1" 'BEGIN{ if (a >= 100) printf "%.0f", a; else if (a >= 10) printf "%.1f", a; else printf "%.2f", a }'; }
per_s() { awk -v s="$1" -v n="$2" 'BEGIN{ if (s > 0) print n * 1000 / s; else print 0 }'; }
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN{ ok = (op == ">=") ? (v+0 >= t+0) : (v+0 <= t+0); print ok ? "met" : "**missed**" }'; }
note_non2xx() { [ "$R_NON2XX" = 0 ] && [ "$R_SOCK" = 0 ] && echo "" || echo " (non-2xx $R_NON2XX, socket errors $R_SOCK)"; }
PEAK=0
track_peak() { [ "$1" != "?" ] && [ "$1" -gt "$PEAK" ] && PEAK=$1 || true; }

login ducha
DUCHA_COOKIE=$COOKIE DUCHA_CSRF=$CSRF
api GET "/api/v1/cases?per_page=1" >/dev/null
check "case list"
CASE_HI=$(jq_ '.items[0].id')
CASE_LO=$((CASE_HI - $(jq_ '.total') + 1))
[ "$CASE_LO" -lt 1 ] && CASE_LO=1
api GET "/api/v1/reports/daily?date=$REPORT_DATE" >/dev/null
check "daily report"
STATIONS=$(jq -r '[.rows[].station_id] | sort | map(tostring) | join(",")' "$W/body" 2>/dev/null || true)
[ -n "$STATIONS" ] || STATIONS=5

# (1) audited read of one case by id
log "(1) audited case read, ids $CASE_LO..$CASE_HI"
api GET "/api/v1/cases/$CASE_LO" >/dev/null
check "GET /cases/$CASE_LO"
rss_reset
BENCH_COOKIE=$COOKIE BENCH_CSRF=$CSRF CASE_LO=$CASE_LO CASE_HI=$CASE_HI run_wrk case_read.lua "$URL"
rss=$(rss_peak); track_peak "$rss"
READ_RPS=$R_RPS
row "1 audited case read (GET /cases/{id}, supervisor)$(note_non2xx)" "$(fmt "$R_RPS")/s" "$(fmt "$R_P50")" "$(fmt "$R_P99")" "$rss" \
	"nginx $(fmt "$NG_RPS")/s; SQL alone $(ref case_file_per_s)/s" \
	"$(ratio "$R_RPS" "$(ref case_file_per_s)") SQL; $(ratio "$R_RPS" "$NG_RPS") nginx" \
	"≥ 0.6× SQL: $(verdict "$(awk -v a="$R_RPS" -v b="$(ref case_file_per_s)" 'BEGIN{print (b > 0) ? a/b : 0}')" '>=' 0.6); ≥ 0.3× nginx: $(verdict "$(awk -v a="$R_RPS" -v b="$NG_RPS" 'BEGIN{print a/b}')" '>=' 0.3)"

# (2) list pages of 20 rows with filters
log "(2) list pages"
rss_reset
BENCH_COOKIE=$COOKIE BENCH_CSRF=$CSRF LIST=cases run_wrk case_list.lua "$URL"
rss=$(rss_peak); track_peak "$rss"
row "2a case list page, 20 rows (status+kind, pages 1–50)$(note_non2xx)" "$(fmt "$R_RPS")/s" "$(fmt "$R_P50")" "$(fmt "$R_P99")" "$rss" \
	"nginx $(fmt "$NG_RPS")/s" "$(ratio "$R_RPS" "$NG_RPS") nginx" "–"
rss_reset
BENCH_COOKIE=$COOKIE BENCH_CSRF=$CSRF LIST=incidents STATIONS=$STATIONS run_wrk case_list.lua "$URL"
rss=$(rss_peak); track_peak "$rss"
row "2b incident list page, 20 rows (station+category)$(note_non2xx)" "$(fmt "$R_RPS")/s" "$(fmt "$R_P50")" "$(fmt "$R_P99")" "$rss" \
	"nginx $(fmt "$NG_RPS")/s" "$(ratio "$R_RPS" "$NG_RPS") nginx" "–"

# (2c–2f) 50-row pages of the four big lists, county-wide (issue 14): at 16
# connections against the audited read, and at 1 connection for the scaling
for L in cases incidents persons rentals; do
	log "(2) $L list, 50 rows"
	rss_reset
	BENCH_COOKIE=$COOKIE BENCH_CSRF=$CSRF LIST=$L run_wrk list50.lua "$URL"
	rss=$(rss_peak); track_peak "$rss"
	L16=$R_RPS L16_50=$R_P50 L16_99=$R_P99 N16=$(note_non2xx)
	BENCH_COOKIE=$COOKIE BENCH_CSRF=$CSRF LIST=$L run_wrk list50.lua "$URL" 1
	row "2 $L list page, 50 rows, 16 connections (1 connection: $(fmt "$R_RPS")/s)$N16" "$(fmt "$L16")/s" "$(fmt "$L16_50")" "$(fmt "$L16_99")" "$rss" \
		"audited read $(fmt "$READ_RPS")/s" "$(ratio "$L16" "$READ_RPS") read; $(ratio "$L16" "$R_RPS") 1 conn" \
		"≥ 0.5× read: $(verdict "$(awk -v a="$L16" -v b="$READ_RPS" 'BEGIN{print (b > 0) ? a/b : 0}')" '>=' 0.5); ≥ 1.6× 1 conn: $(verdict "$(awk -v a="$L16" -v b="$R_RPS" 'BEGIN{print (b > 0) ? a/b : 0}')" '>=' 1.6)"
done

# (3) name search, 2 and 3 characters
log "(3) name search"
NAMES=$(for n in "${NAMES_ZH[@]}"; do printf '%s' "$n" | od -An -tx1 | tr -d ' \n' | sed 's/\(..\)/%\1/g'; printf ','; done)
rss_reset
BENCH_COOKIE=$COOKIE BENCH_CSRF=$CSRF NAMES=$NAMES run_wrk person_search.lua "$URL"
rss=$(rss_peak); track_peak "$rss"
row "3a name search, 2–3 chars (up to $(ref search_max_total) hits), 16 connections$(note_non2xx)" "$(fmt "$R_RPS")/s" "$(fmt "$R_P50")" "$(fmt "$R_P99")" "$rss" \
	"nginx $(fmt "$NG_RPS")/s" "$(ratio "$R_RPS" "$NG_RPS") nginx" "–"
rss_reset
BENCH_COOKIE=$COOKIE BENCH_CSRF=$CSRF NAMES=$NAMES run_wrk person_search.lua "$URL" 1
rss=$(rss_peak); track_peak "$rss"
row "3b name search, one connection (service latency)$(note_non2xx)" "$(fmt "$R_RPS")/s" "$(fmt "$R_P50")" "$(fmt "$R_P99")" "$rss" \
	"SQL alone p50/p99 $(ref search_p50_ms)/$(ref search_p99_ms) ms" "$(ratio "$R_P99" "$(ref search_p99_ms)") SQL p99" "p99 ≤ 20 ms: $(verdict "$R_P99" '<=' 20)"

# sequential latency runs with curl: at most N runs or T seconds
timed() { # n max_seconds method path [body] -> LAT (sorted ms list)
	local n=$1 max=$2 m=$3 p=$4 body=${5:-} t0 i s
	t0=$(date +%s)
	: >"$W/lat"
	for i in $(seq 1 "$n"); do
		s=$(curl -s --max-time 600 -o "$W/body" -w '%{http_code} %{time_total}' -X "$m" \
			-H "Cookie: precinct_session=$COOKIE" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
			${body:+--data-binary "$body"} "$URL$p")
		case "$s" in 2*) awk '{printf "%.3f\n", $2*1000}' <<<"$s" >>"$W/lat" ;; *) log "WARNING: $m $p answered ${s%% *}: $(head -c 200 "$W/body")" ;; esac
		[ $(($(date +%s) - t0)) -ge "$max" ] && break
	done
	sort -n "$W/lat" -o "$W/lat"
	L_N=$(wc -l <"$W/lat")
	L_P50=$(awk '{a[NR]=$1} END{ if (NR) print a[int((NR+1)/2)]; else print 0 }' "$W/lat")
	L_P99=$(awk '{a[NR]=$1} END{ if (NR) { k=int(0.99*NR+0.999); if (k<1)k=1; print a[k] } else print 0 }' "$W/lat")
	L_SUM=$(awk '{s+=$1} END{print s+0}' "$W/lat")
}

# (7) the county daily report
log "(7) daily report for $REPORT_DATE"
rss_reset
timed 30 40 GET "/api/v1/reports/daily?date=$REPORT_DATE"
rss=$(rss_peak); track_peak "$rss"
row "7 county daily report (one day of a year), $L_N runs" "$(fmt "$(per_s "$L_SUM" "$L_N")")/s" "$(fmt "$L_P50")" "$(fmt "$L_P99")" "$rss" \
	"SQL alone $(ref daily_ms) ms" "$(ratio "$L_P50" "$(ref daily_ms)") SQL" "≤ 50 ms: $(verdict "$L_P50" '<=' 50)"

# (8) the warnings sweep (GET /breaches sweeps before listing)
log "(8) warnings sweep"
api GET "/api/v1/breaches?open=1" >/dev/null # records what ran out since the data were made
check "GET /breaches"
OPEN_BREACHES=$(jq_ '.total')
rss_reset
timed 10 60 GET "/api/v1/breaches?open=1"
rss=$(rss_peak); track_peak "$rss"
ACTIVE_MEASURES=$(grep -o 'active measures' "$DATA.gen.log" >/dev/null && sed -n 's/.*; \([0-9]*\) active measures.*/\1/p' "$DATA.gen.log" | head -1)
row "8 warnings sweep over ${ACTIVE_MEASURES:-?} open measures ($OPEN_BREACHES open breaches), $L_N runs" "$(fmt "$(per_s "$L_SUM" "$L_N")")/s" "$(fmt "$L_P50")" "$(fmt "$L_P99")" "$rss" \
	"SQL alone $(ref sweep_ms) ms" "$(ratio "$L_P50" "$(ref sweep_ms)") SQL" "–"

# (4) create an incident
log "(4) create incidents"
login jiejing
rss_reset
BENCH_COOKIE=$COOKIE BENCH_CSRF=$CSRF STATIONS=$STATIONS run_wrk incident_create.lua "$URL"
rss=$(rss_peak); track_peak "$rss"
row "4 create incident (110 desk, with audit row)$(note_non2xx)" "$(fmt "$R_RPS")/s" "$(fmt "$R_P50")" "$(fmt "$R_P99")" "$rss" \
	"1 fsync/insert $(ref insert_fsync_per_s)/s" "$(ratio "$R_RPS" "$(ref insert_fsync_per_s)") fsync" \
	"≥ 2× fsync rate: $(verdict "$(awk -v a="$R_RPS" -v b="$(ref insert_fsync_per_s)" 'BEGIN{print a/b}')" '>=' 2)"

# (5) record a Q&A entry in a draft interview
log "(5) interview Q&A entries"
login minjing1
api GET /api/v1/me >/dev/null
ME=$(jq_ '.user.id')
api GET /api/v1/colleagues >/dev/null
CO=$(jq -r --arg me "$ME" '[.items[] | select((.id | tostring) != $me) | select(.role == "officer") | .id][0] // empty' "$W/body" 2>/dev/null || true)
IV_ID=""
if [ -n "$ME" ] && [ -n "$CO" ]; then
	NOW=$(date +%s)
	api POST /api/v1/cases "{\"kind\":\"admin\",\"title\":\"基准测试：殴打他人\",\"offence_code\":\"OF-052\",\"source\":\"walk_in\",\"act_date\":\"$(TZ=Asia/Shanghai date +%F)\",\"co_officer_id\":$CO}" >/dev/null
	check "POST /cases"
	CID=$(jq_ '.case.id')
	api POST "/api/v1/cases/$CID/parties" '{"role":"suspect","name":"测试嫌疑人"}' >/dev/null
	check "POST /cases/$CID/parties"
	PID_=$(jq_ '.party.id')
	api POST "/api/v1/cases/$CID/interviews" "{\"party_id\":$PID_,\"kind\":\"inquiry\",\"start_at\":$((NOW + 5)),\"place_kind\":\"station_room\",\"place\":\"城关派出所办案区第一询问室\",\"recording_id\":\"AV-BENCH-$$\",\"officer_ids\":[$ME,$CO],\"qa\":[{\"q\":\"你把当时的经过讲一下。\",\"a\":\"当时双方发生口角。\"}]}" >/dev/null
	check "POST /cases/$CID/interviews"
	IV_ID=$(jq_ '.interview.id')
fi
if [ -n "$IV_ID" ]; then
	rss_reset
	BENCH_COOKIE=$COOKIE BENCH_CSRF=$CSRF IV_ID=$IV_ID run_wrk interview_patch.lua "$URL"
	rss=$(rss_peak); track_peak "$rss"
	row "5 interview Q&A entry (PATCH /interviews/{id} draft)$(note_non2xx)" "$(fmt "$R_RPS")/s" "$(fmt "$R_P50")" "$(fmt "$R_P99")" "$rss" \
		"1 fsync/insert $(ref insert_fsync_per_s)/s" "$(ratio "$R_RPS" "$(ref insert_fsync_per_s)") fsync" "–"
else
	row "5 interview Q&A entry: no draft could be made (see log)" "–" "–" "–" "–" "–" "–" "–"
fi

# (6) the wanted list against the whole registry
log "(6) wanted-list comparison of the registry (POST /wanted as supervisor)"
COOKIE=$DUCHA_COOKIE CSRF=$DUCHA_CSRF
rss_reset
: >"$W/lat6"
for i in 1 2 3; do
	num=$(printf '4101021985%02d%02d%03d' "$i" 15 "$((100 + $$ % 800))")
	sum=0; w=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2)
	for k in $(seq 0 16); do sum=$((sum + ${num:$k:1} * ${w[$k]})); done
	chk=10X98765432
	num=$num${chk:$((sum % 11)):1}
	timed 1 600 POST /api/v1/wanted "{\"id_number\":\"$num\",\"name\":\"测试在逃\",\"case_desc\":\"涉嫌诈骗（网上追逃）\",\"issuing_unit\":\"外省某市公安局\",\"issued_on\":\"$(TZ=Asia/Shanghai date +%F)\"}"
	cat "$W/lat" >>"$W/lat6"
	[ "$i" = 1 ] && [ "$(awk '{print int($1)}' "$W/lat")" -gt 120000 ] && break
done
sort -n "$W/lat6" -o "$W/lat6"
rss=$(rss_peak); track_peak "$rss"
C_N=$(wc -l <"$W/lat6")
C_P50=$(awk '{a[NR]=$1} END{ if (NR) print a[int((NR+1)/2)]; else print 0 }' "$W/lat6")
C_MAX=$(tail -1 "$W/lat6")
row "6 wanted list vs registry ($(ref join_hits) hits), $C_N runs" "$(fmt "$(per_s "$C_P50" 1)")/s" "$(fmt "$C_P50")" "$(fmt "${C_MAX:-0}")" "$rss" \
	"C hash join $(ref hashjoin_ms) ms (SQL join $(ref join_sql_ms) ms)" "$(ratio "$C_P50" "$(ref hashjoin_ms)") hash join" \
	"≤ 2× hash join: $(verdict "$(awk -v a="$C_P50" -v b="$(ref hashjoin_ms)" 'BEGIN{print a/b}')" '<=' 2)"

# (9) bulk import of persons from CSV (bodies under the 1 MiB limit)
IMPORT_ROWS=$(awk -v s="$SCALE" 'BEGIN{ n=int(100000*s); if (n<2000) n=2000; if (n>100000) n=100000; print n }')
log "(9) import of $IMPORT_ROWS persons"
login minjing1
mkdir -p "$W/import"
"$BENCH/bin/gen" --import-json "$W/import" --rows "$IMPORT_ROWS" --chunk 10000 >/dev/null
rss_reset
t0=$(date +%s.%N)
imported=0
for f in "$W"/import/import_*.json; do
	curl -s --max-time 600 -o "$W/body" -w '%{http_code}' -X POST -H "Cookie: precinct_session=$COOKIE" \
		-H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' --data-binary "@$f" \
		"$URL/api/v1/persons/import" >"$W/status"
	check "POST /persons/import $(basename "$f")"
	n=$(jq_ '.imported'); imported=$((imported + ${n:-0}))
done
t1=$(date +%s.%N)
rss=$(rss_peak); track_peak "$rss"
IMP_RATE=$(awk -v n="$imported" -v a="$t0" -v b="$t1" 'BEGIN{print n/(b-a)}')
row "9 import $imported of $IMPORT_ROWS persons from CSV (10 000-row bodies)" "$(fmt "$IMP_RATE") rows/s" "–" "–" "$rss" \
	"1000-row batches $(ref batch1000_rows_per_s) rows/s" "$(ratio "$IMP_RATE" "$(ref batch1000_rows_per_s)") batch" \
	"≥ 50 000 rows/s: $(verdict "$IMP_RATE" '>=' 50000)"

# (11) login storm (issue 13, TRUST AUTH-9): 8 writers alone, then with 4 clients logging in
log "(11) login storm"
rss_reset
out=$(timeout 300 "$BENCH/bin/login_storm" --url "$URL" --station "${STATIONS%%,*}" --seconds 5 --rounds 3 || true)
rss=$(rss_peak); track_peak "$rss"
LS_ALONE=$(sed -n 's/.*alone_per_s=\([0-9.]*\).*/\1/p' <<<"$out")
LS_WITH=$(sed -n 's/.*with_logins_per_s=\([0-9.]*\).*/\1/p' <<<"$out")
LS_RATIO=$(sed -n 's/.*ratio=\([0-9.]*\).*/\1/p' <<<"$out")
LS_LOGINS=$(sed -n 's/.*logins_per_s=\([0-9.]*\).*/\1/p' <<<"$out")
LS_ERR=$(sed -n 's/.*errors=\([0-9]*\).*/\1/p' <<<"$out")
row "11 login storm: 8 writers with 4 clients logging in (${LS_LOGINS:-?} logins/s, errors ${LS_ERR:-?})" "$(fmt "${LS_WITH:-0}")/s" "–" "–" "$rss" \
	"8 writers alone $(fmt "${LS_ALONE:-0}")/s" "${LS_RATIO:-–}×" "≥ 0.8× alone: $(verdict "${LS_RATIO:-0}" '>=' 0.8)"

# (12) read-audit rows in the main file or in a file of their own (issue 14;
# the store alone: 2 reader connections and a committer, rounds alternated)
log "(12) audit rows: the main file vs a file of their own"
out=$(timeout 300 nice "$BENCH/bin/audit_split" --dir "$W" --rounds 4 --seconds 3 2>/dev/null || true)
as_get() { awk -v k="$1" '$1==k{print $2}' <<<"$out"; }
row "12 audited lookups (store alone), audit rows in a file of their own" "$(fmt "$(as_get separate_reads_per_s)")/s" "–" "–" "–" \
	"audit rows in the main file $(fmt "$(as_get main_reads_per_s)")/s; reader CPU/read $(as_get main_cpu_us_per_read) → $(as_get separate_cpu_us_per_read) µs" \
	"$(as_get separate_over_main_reads)× main; CPU $(as_get separate_over_main_cpu)×" "–"

# stop the server; (10) cold start to the first answered request
SERVE_ERRORS=$(grep -ci 'error' "$W/serve.log" || true)
kill "$SPID" 2>/dev/null || true
wait "$SPID" 2>/dev/null || true
SPID=""
log "(10) cold start"
: >"$W/cold"
for i in 1 2 3; do
	out=$("$BENCH/bin/probe" "$PORT" /api/v1/health 30000 "$W/cold.log" -- \
		"$PRECINCT" serve --db "$DB" --listen "127.0.0.1:$PORT" --threads 2) || true
	p=$(awk '{print $4}' <<<"$out")
	awk '{print $2}' <<<"$out" >>"$W/cold"
	if [ -n "$p" ]; then
		COLD_RSS=$(awk '/VmHWM/{printf "%.0f", $2/1024}' "/proc/$p/status" 2>/dev/null || echo "?")
		kill "$p" 2>/dev/null || true
		for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
	fi
done
sort -n "$W/cold" -o "$W/cold"
COLD=$(awk 'NR==2' "$W/cold")
[ -n "$COLD" ] || COLD=$(head -1 "$W/cold")
row "10 cold start to first 200 (/health), median of 3" "–" "$(fmt "$COLD") ms" "$(fmt "$(tail -1 "$W/cold")") ms" "${COLD_RSS:-?}" \
	"nginx $(fmt "$NGINX_COLD") ms" "$(ratio "$COLD" "$NGINX_COLD") nginx" "≤ 300 ms: $(verdict "$COLD" '<=' 300)"
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- the table ----
DATE=$(date +%F)
SUFFIX=""
[ "$SCALE" = 1 ] || [ "$SCALE" = 1.0 ] || SUFFIX="-s$SCALE" # quick runs don't overwrite the city's figures
OUT=$BENCH/results/$DATE-$COMMIT$DIRTY$SUFFIX.md
{
	echo "# Precinct bench $DATE, commit $COMMIT$DIRTY, scale $SCALE"
	echo
	echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); load average $LOAD_START at start, $LOAD_END at end."
	echo "Server: \`precinct serve --threads 2\` (RelWithDebInfo) on loopback; load from \`wrk -t2 -c16 -d$DUR\` on the same 2 cores; latency scenarios sequential (curl)."
	echo "Data: ${GEN_LINE:-?} (${DATA#"$ROOT"/})"
	echo
	echo "| scenario | throughput | p50 ms | p99 ms | peak RSS MB | reference (same run) | ratio | target |"
	echo "|---|---|---|---|---|---|---|---|"
	printf '%s\n' "${ROWS[@]}"
	echo
	echo "Peak RSS over the run: $PEAK MB (target ≤ 200 MB: $(verdict "$PEAK" '<=' 200)). Server log lines with 'error': $SERVE_ERRORS."
	echo
	echo "References: nginx static 300 B: $(fmt "$NG_RPS") req/s (p50 $NG_P50 ms, p99 $NG_P99 ms), cold start $NGINX_COLD ms;" \
		"SQLite by primary key (2 threads): $(ref pk_lookups_per_s)/s; the case file's statements: $(ref case_file_per_s)/s;" \
		"one-row transactions with fsync: $(ref insert_fsync_per_s)/s; 1000-row transactions: $(ref batch1000_rows_per_s) rows/s;" \
		"comparison join in SQL $(ref join_sql_ms) ms, plain C hash join $(ref hashjoin_ms) ms (in memory $(ref hashjoin_mem_ms) ms);" \
		"search SQL p50/p99 $(ref search_p50_ms)/$(ref search_p99_ms) ms; daily report SQL $(ref daily_ms) ms; sweep SQL $(ref sweep_ms) ms;" \
		"open + first query $(ref open_first_query_ms) ms."
} >"$OUT"
echo
cat "$OUT"
echo
log "written to ${OUT#"$ROOT"/}"
