#!/usr/bin/env bash
# bench/community.sh — the community-policing lists at demo scale (issue 16: each list pages
# and loads in under 200 ms), server time per page and, with --web, the browser's time.
#
#   bench/community.sh [--db DEMO.db] [--n 7] [--web web/dist] [--pages a,b] [--label NAME] [--out FILE.md] BIN
#
# Builds nothing. On a copy of DEMO.db (default: a fresh `BIN init --demo`), starts
# `BIN serve --threads 2`, logs in as a beat officer (minjing1) and the chief (suozhang) and
# for every list route of the community-policing area asks for the page the web asks for
# (its default page size), N times each, and prints the median curl time_total (ms) per route
# and user (a 403 prints "—": that role does not read the list). With --web the same server
# serves the built web and bench/community_browser.mjs measures, in chromium, the time from
# navigation to the list's rows being drawn, at a phone viewport (390×844) and at a desktop
# one, for the address page and the five heaviest others (--pages: community_browser.mjs's page
# names, or all). --out appends the tables to FILE.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
N=7
DATA=""
WEB=""
LABEL=""
PAGES=""
OUT=""
BIN=""
while [ $# -gt 0 ]; do
	case "$1" in
	--db) DATA=$2; shift 2 ;;
	--n) N=$2; shift 2 ;;
	--web) WEB=$(cd "$2" && pwd); shift 2 ;;
	--label) LABEL=$2; shift 2 ;;
	--pages) PAGES=$2; shift 2 ;;
	--out) OUT=$2; shift 2 ;;
	-h|--help) sed -n '2,15p' "$0"; exit 0 ;;
	*) BIN=$(realpath "$1"); shift ;;
	esac
done
[ -x "$BIN" ] || { sed -n '2,15p' "$0" >&2; exit 2; }
[ -n "$LABEL" ] || LABEL=$BIN
PW=Precinct-Demo-2026
log() { printf '[community %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
W=$(mktemp -d /tmp/bench-community.XXXXXX)
SPID=""
cleanup() {
	[ -n "$SPID" ] && kill "$SPID" 2>/dev/null && wait "$SPID" 2>/dev/null || true
	rm -rf "$W"
}
trap cleanup EXIT
PORT=${BENCH_PORT:-$((20000 + $$ % 20000))}
URL=http://127.0.0.1:$PORT
TODAY=$(TZ=Asia/Shanghai date +%F)

# name|path: the request each page makes first, with the page size the web asks for
ROUTES=(
	"addresses 标准地址 (before 2d6d7b1: 100 a page)|/api/v1/addresses?page=1&per_page=100"
	"addresses, the page the web asks since 2d6d7b1|/api/v1/addresses?page=1&per_page=50"
	"addresses of one community, with its buildings|/api/v1/addresses?page=1&per_page=50&community=%E4%B8%9C%E8%A1%97%E7%A4%BE%E5%8C%BA"
	"beats 责任区与警力负荷|/api/v1/beats"
	"beat-map 责任区地图|/api/v1/beat-map"
	"leader-assignments 所领导包片|/api/v1/leader-assignments"
	"household-visits 熟悉住户 (未走访户), whole|/api/v1/household-visits"
	"household-visits, the page the web asks since 4e31b74|/api/v1/household-visits?page=1&per_page=20&recent=20"
	"registration-sweeps 漏登漏管排查|/api/v1/registration-sweeps"
	"sweep candidates 漏登漏管候选|/api/v1/registration-sweeps/candidates"
	"key-persons 重点人员, whole|/api/v1/key-persons"
	"key-persons, the page the web asks since 4e31b74|/api/v1/key-persons?page=1&per_page=20"
	"key-persons overdue 逾期未见面|/api/v1/key-persons?overdue=1"
	"key-person-transfers 移交|/api/v1/key-person-transfers"
	"key-person-removals 撤管|/api/v1/key-person-removals"
	"rentals 出租房屋|/api/v1/rentals?page=1&per_page=20"
	"rentals due today 今日走访|/api/v1/rentals?due_on=$TODAY&per_page=200"
	"floating 流动人口|/api/v1/persons?kind=floating&page=1&per_page=20"
	"employers 用工单位|/api/v1/employers"
	"spot-checks 抽查|/api/v1/spot-checks"
	"employer-meetings 例会|/api/v1/employer-meetings"
	"letter-coverage 函查覆盖|/api/v1/population/letter-coverage"
	"trade-units 特行与内部单位|/api/v1/trade-units?page=1&per_page=20"
	"trade-findings 检查整改|/api/v1/trade-findings?open=1"
	"compounds 安全小区|/api/v1/compounds"
	"public-services 为民服务|/api/v1/public-services"
	"public-services figures|/api/v1/public-services/figures"
	"security-forecasts 治安预报|/api/v1/security-forecasts"
	"today 今日工作|/api/v1/today"
)
USERS=(minjing1 suozhang)

if [ -z "$DATA" ]; then
	log "init --demo"
	"$BIN" init --db "$W/db" --demo >/dev/null
else
	bench_copy_dataset "$W/db"
fi
rm -f "$W/db-wal" "$W/db-shm"
SERVE=(serve --db "$W/db" --listen "127.0.0.1:$PORT" --threads 2)
[ -n "$WEB" ] && SERVE+=(--web "$WEB")
"$BIN" "${SERVE[@]}" >"$W/serve.log" 2>&1 &
SPID=$!
bench_wait_up "$URL"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

median() { sort -n | awk '{a[NR]=$1} END{ if (!NR) print ""; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }'; }
for u in "${USERS[@]}"; do
	curl -s --max-time 30 -c "$W/jar.$u" -H 'Content-Type: application/json' \
		-d "{\"username\":\"$u\",\"password\":\"$PW\"}" "$URL/api/v1/session" >/dev/null
	for i in "${!ROUTES[@]}"; do
		path=${ROUTES[$i]#*|}
		: >"$W/t"
		code=""
		for _ in $(seq 0 "$N"); do # one warm-up, then N
			read -r code t size < <(curl -s -o /dev/null -b "$W/jar.$u" --max-time 30 \
				-w '%{http_code} %{time_total} %{size_download}\n' "$URL$path")
			echo "$t" >>"$W/t"
		done
		sed -i 1d "$W/t"
		if [ "$code" = 200 ]; then
			ms=$(median <"$W/t" | awk '{printf "%.1f", $1 * 1000}')
		else
			ms="— ($code)"
			size=""
		fi
		echo "$i|$u|$ms|$size" >>"$W/res"
	done
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

{
	echo "### Server time per page: $LABEL"
	echo
	echo "Median of $N curl time_total after one warm-up, ms (bytes of the answer); load average $LOAD_START at start, $LOAD_END at end."
	echo
	echo "| list (request) | ${USERS[0]} (beat officer) | ${USERS[1]} (chief) |"
	echo "|---|---|---|"
	for i in "${!ROUTES[@]}"; do
		name=${ROUTES[$i]%%|*}
		path=${ROUTES[$i]#*|}
		printf '| %s `%s` |' "$name" "${path#/api/v1}"
		for u in "${USERS[@]}"; do
			awk -F'|' -v i="$i" -v u="$u" '$1==i && $2==u { if ($4 != "") printf " %s (%s B) |", $3, $4; else printf " %s |", $3 }' "$W/res"
		done
		echo
	done
	echo
} >"$W/table"
cat "$W/table"
[ -n "$OUT" ] && cat "$W/table" >>"$OUT"

if [ -n "$WEB" ]; then
	log "browser"
	node "$ROOT/bench/community_browser.mjs" --url "$URL" --label "$LABEL" ${PAGES:+--pages "$PAGES"} ${OUT:+--out "$OUT"}
fi
