#!/usr/bin/env bash
# bench/read_same.sh — two server binaries give the same bytes for the same
# record reads (issue 14: a faster read must not change an answer).
#
#   bench/read_same.sh [--scale 0.05] [--count 300] OLD_BIN NEW_BIN
#
# Both serve a copy of the same data set (bench/dataset.sh); as each of
# ducha (county supervisor: masked parties), suozhang (station chief),
# minjing1 (officer: in full on their own cases) and fazhi (legal), every
# demo case and person (the first 80 ids) and COUNT ids spread over the
# rest of each table are read from both, GET /api/v1/cases/{id} and
# /api/v1/persons/{id}; the status and the body must be the same byte for
# byte. Prints the counts and the first differences; exit 1 on any.
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
SAME=0
DIFF=0
for user in ducha suozhang minjing1 fazhi; do
	for b in 0 1; do
		bench_login "http://127.0.0.1:$((PORT + b))" "$user"
		echo "$COOKIE" >"$W/$b/cookie"
	done
	for kind in cases persons; do
		if [ "$kind" = cases ]; then lo=$(ref case_lo) hi=$(ref case_hi); else lo=$(ref person_lo) hi=$(ref person_hi); fi
		for id in $(ids "$lo" "$hi"); do
			for b in 0 1; do
				curl -s --max-time 30 -o "$W/$b/body" -w '%{http_code}\n' \
					-H "Cookie: precinct_session=$(cat "$W/$b/cookie")" \
					"http://127.0.0.1:$((PORT + b))/api/v1/$kind/$id" >"$W/$b/status"
				# the request id differs by nature
				sed -i 's/"request_id":"[^"]*"/"request_id":"-"/' "$W/$b/body"
			done
			if cmp -s "$W/0/body" "$W/1/body" && cmp -s "$W/0/status" "$W/1/status"; then
				SAME=$((SAME + 1))
			else
				DIFF=$((DIFF + 1))
				[ "$DIFF" -le 5 ] && log "DIFFERENT: $user GET /$kind/$id: $(cat "$W/0/status") vs $(cat "$W/1/status")" &&
					diff <(tr ',' '\n' <"$W/0/body") <(tr ',' '\n' <"$W/1/body") | head -10 >&2
			fi
			echo "$user $kind $(cat "$W/0/status")" >>"$W/statuses"
		done
	done
done
echo "same: $SAME, different: $DIFF (answers by user, kind and status:"
sort "$W/statuses" | uniq -c | awk '{printf " %s %s %s×%s", $2, $3, $4, $1} END{print ")"}'
[ "$DIFF" = 0 ]
