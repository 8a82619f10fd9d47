#!/usr/bin/env bash
# bench/read_same.sh — two server binaries give the same bytes for the same
# record reads and list pages (issue 14: a faster read must not change an
# answer).
#
#   bench/read_same.sh [--scale 0.05] [--count 300] OLD_BIN NEW_BIN
#
# Both serve a copy of the same data set (bench/dataset.sh); as each of
# ducha (county supervisor: masked parties), suozhang (station chief),
# minjing1 (officer: in full on their own cases), fazhi (legal) and jiejing
# (the 110 desk: confidential callers), the first 80 ids of each of cases,
# persons and incidents (the demo's) and COUNT ids spread over the rest of
# each table are read from both (GET /api/v1/cases/{id},
# /api/v1/persons/{id}, /api/v1/incidents/{id}), then the pages of the four
# big lists (cases, incidents, persons, rentals) with their filters, deep
# pages and refused queries; the status and the body must be the same byte
# for byte. Prints the counts and the first differences; exit 1 on any.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
SCALE=0.05
COUNT=300
BINS=()
while [ $# -gt 0 ]; do
	case "$1" in
	--scale) SCALE=$2; shift 2 ;;
	--count) COUNT=$2; shift 2 ;;
	-h|--help) sed -n '2,13p' "$0"; exit 0 ;;
	*) BINS+=("$1"); shift ;;
	esac
done
[ ${#BINS[@]} = 2 ] || { sed -n '2,13p' "$0" >&2; exit 2; }
log() { printf '[same %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
bench_need
# shellcheck source=bench/dataset.sh
. "$BENCH/dataset.sh"
bench_tools
bench_dataset "${BINS[0]}" "$SCALE"

W=$(mktemp -d /tmp/bench-same.XXXXXX)
PIDS=()
cleanup() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
	rm -rf "$W"
}
trap cleanup EXIT
PORT=${BENCH_PORT:-$((20000 + $$ % 20000))}
for b in 0 1; do
	mkdir -p "$W/$b"
	bench_copy_dataset "$W/$b/db"
	"${BINS[$b]}" serve --db "$W/$b/db" --listen "127.0.0.1:$((PORT + b))" --threads 2 >"$W/$b/serve.log" 2>&1 &
	PIDS+=($!)
done
for b in 0 1; do
	bench_wait_up "http://127.0.0.1:$((PORT + b))" "$W/$b/serve.log"
done
"$BENCH/bin/ref_sqlite" --db "$W/0/db" --scratch "$W" --seconds 0.05 --reads-only >"$W/ref.txt"
ref() { awk -v k="$1" '$1==k{print $2}' "$W/ref.txt"; }

ids() { # lo hi -> the first 80 ids and COUNT spread over the rest
	local lo=$1 hi=$2
	seq "$lo" $((lo + 79 < hi ? lo + 79 : hi))
	awk -v lo="$lo" -v hi="$hi" -v n="$COUNT" 'BEGIN{ for (i = 0; i < n; i++) print lo + 80 + int(i * (hi - lo - 80) / n) }'
}
# the list pages asked of each user
LISTS=(
	"cases?per_page=50" "cases?per_page=50&page=7" "cases?per_page=200&page=2&status=filed"
	"cases?kind=criminal" "cases?q=张&per_page=30" "cases?lenient=1" "cases?mine=1&per_page=100"
	"incidents?per_page=50" "incidents?per_page=200&page=5" "incidents?category=02&per_page=50"
	"incidents?active=1&per_page=50" "incidents?q=路&per_page=50" "incidents?per_page=50&status=closed"
	"persons?per_page=50" "persons?name=王&per_page=50" "persons?id_prefix=1401&per_page=50"
	"persons?id_prefix=14010219&per_page=50" "persons?phone=138&per_page=50"
	"persons?per_page=200&page=3" "persons?kind=floating&per_page=50"
	"rentals?per_page=50" "rentals?overdue=1&per_page=100" "rentals?per_page=200&page=2"
	"rentals?level=watch&per_page=50" "rentals?due_on=2026-12-31&per_page=100" "rentals?q=小区&per_page=100"
	"cases?page=0" "incidents?per_page=999" "rentals?due_on=xx" "persons?per_page=50&page=100000"
)
SAME=0
DIFF=0
same() { # kind path: GET it from both, compare
	local kind=$1 path=$2
	for b in 0 1; do
		curl -s --max-time 30 -o "$W/$b/body" -w '%{http_code}\n' \
			-H "Cookie: precinct_session=$(cat "$W/$b/cookie")" \
			"http://127.0.0.1:$((PORT + b))/api/v1/$path" >"$W/$b/status"
		# the request id differs by nature
		sed -i 's/"request_id":"[^"]*"/"request_id":"-"/' "$W/$b/body"
	done
	if cmp -s "$W/0/body" "$W/1/body" && cmp -s "$W/0/status" "$W/1/status"; then
		SAME=$((SAME + 1))
	else
		DIFF=$((DIFF + 1))
		[ "$DIFF" -le 5 ] && log "DIFFERENT: $user GET /$path: $(cat "$W/0/status") vs $(cat "$W/1/status")" &&
			diff <(tr ',' '\n' <"$W/0/body") <(tr ',' '\n' <"$W/1/body") | head -10 >&2
	fi
	echo "$user $kind $(cat "$W/0/status")" >>"$W/statuses"
}
# the incidents' ids run from 1 to the newest (the county's, as ducha sees them)
bench_login "http://127.0.0.1:$PORT" ducha
INCIDENT_HI=$(curl -s --max-time 30 -H "Cookie: precinct_session=$COOKIE" \
	"http://127.0.0.1:$PORT/api/v1/incidents?per_page=1" | jq -r '.items[0].id')
for user in ducha suozhang minjing1 fazhi jiejing; do
	for b in 0 1; do
		bench_login "http://127.0.0.1:$((PORT + b))" "$user"
		echo "$COOKIE" >"$W/$b/cookie"
	done
	for kind in cases persons incidents; do
		case $kind in
		cases) lo=$(ref case_lo) hi=$(ref case_hi) ;;
		persons) lo=$(ref person_lo) hi=$(ref person_hi) ;;
		incidents) lo=1 hi=$INCIDENT_HI ;;
		esac
		for id in $(ids "$lo" "$hi"); do
			same "$kind" "$kind/$id"
		done
	done
	for path in "${LISTS[@]}"; do
		same "list:${path%%\?*}" "$path"
	done
done
echo "same: $SAME, different: $DIFF (answers by user, kind and status:"
sort "$W/statuses" | uniq -c | awk '{printf " %s %s %s×%s", $2, $3, $4, $1} END{print ")"}'
[ "$DIFF" = 0 ]
