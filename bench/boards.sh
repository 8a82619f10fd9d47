#!/usr/bin/env bash
# bench/boards.sh — the pages every user opens that compute legal clocks
# (issue 14): the header's 预警 counts, the station's board, the county's
# board, 待办 and the 督察's 有警无案 list, each the median of 7 requests
# (curl time_total, after the server's first sweep pass), for one or more
# binaries on fresh copies of the same data set.
#
#   bench/boards.sh [--scale F] [--copies K] NAME=BIN [NAME=BIN...]
#
# --copies K (0): first add K copies of every station incident as dispatched
# and never acknowledged (bench_backlog), the county bench/sweep.sh meets.
# Prints one table, also written to bench/results/<date>-<commit>-boards.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
SCALE=0.05
COPIES=0
while [ $# -gt 0 ]; do
	case "$1" in
	--scale) SCALE=$2; shift 2 ;;
	--copies) COPIES=$2; shift 2 ;;
	-h|--help) sed -n '2,12p' "$0"; exit 0 ;;
	--*) echo "boards.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || { echo "boards.sh: name at least one server binary" >&2; exit 2; }
log() { printf '[boards %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
bench_need
# shellcheck source=bench/dataset.sh
. "$BENCH/dataset.sh"
bench_workdir boards "${1#*=}" "$SCALE"
BACKLOG=0
if [ "$COPIES" -gt 0 ]; then
	log "adding $COPIES copies of every station incident as unacknowledged dispatches"
	bench_copy_dataset "$W/backlog.db"
	BACKLOG=$(bench_backlog "$W/backlog.db" "$COPIES")
	DATA=$W/backlog.db
fi
INCIDENTS=$(sqlite3 "$DATA" "SELECT COUNT(*) FROM incident")

# user route: what each request asks
PAGES=(
	"suozhang /api/v1/warnings/summary"
	"suozhang /api/v1/warnings?scope=unit"
	"ducha /api/v1/warnings"
	"suozhang /api/v1/todos"
	"ducha /api/v1/unfiled-incidents"
)
PORT=$((20000 + $$ % 20000))
URL=http://127.0.0.1:$PORT
TABLE=()
for spec in "$@"; do
	name=${spec%%=*}
	bin=${spec#*=}
	[ "$name" = "$spec" ] && name=$(basename "$bin")
	bench_copy_dataset "$W/db"
	"$bin" serve --db "$W/db" --listen "127.0.0.1:$PORT" --threads 2 >"$W/serve.log" 2>&1 &
	SPID=$!
	bench_wait_up "$URL" "$W/serve.log"
	until grep -q "breach sweep: first pass done" "$W/serve.log"; do sleep 0.2; done
	declare -A JAR=()
	for u in suozhang ducha; do
		JAR[$u]=$W/jar-$u
		curl -s --max-time 30 -c "${JAR[$u]}" -H 'Content-Type: application/json' \
			-d "{\"username\":\"$u\",\"password\":\"Precinct-Demo-2026\"}" "$URL/api/v1/session" -o /dev/null
	done
	row="| $name"
	for p in "${PAGES[@]}"; do
		u=${p%% *}
		route=${p#* }
		med=$(for _ in 1 2 3 4 5 6 7; do
			curl -s --max-time 60 -b "${JAR[$u]}" -o /dev/null -w '%{time_total} %{size_download}\n' "$URL$route"
		done | sort -n | sed -n 4p)
		row+=" | $(awk '{printf "%.1f ms, %.0f KB", $1 * 1000, $2 / 1024}' <<<"$med")"
	done
	TABLE+=("$row |")
	kill "$SPID"; wait "$SPID" 2>/dev/null || true; SPID=""
	rm -f "$W/db" "$W/db-wal" "$W/db-shm" "$W/db-audit.db"*
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
COMMIT=$(bench_commit)
SUFFIX=""
[ "$COPIES" = 0 ] || SUFFIX=-backlog
OUT=$BENCH/results/$(date +%F)-$COMMIT-boards$SUFFIX.md
{
	echo "# The pages that compute clocks (bench/boards.sh), $(date +%F), commit $COMMIT, scale $SCALE"
	echo
	echo "Machine: $(nproc) cores; load average $LOAD_START at start, $LOAD_END at end. Server \`--threads 2\`;"
	if [ "$COPIES" = 0 ]; then
		echo "$INCIDENTS incidents. Median of 7 requests"
	else
		echo "$INCIDENTS incidents, $BACKLOG of them dispatched and never acknowledged ($COPIES copies of every station incident added). Median of 7 requests"
	fi
	echo "(curl time_total) after the first sweep pass; the size of the answer."
	echo
	echo "| server | 预警 counts (header; 所长) | station board (所长) | county board (督察) | 待办 (所长) | 有警无案 (督察) |"
	echo "|---|---|---|---|---|---|"
	printf '%s\n' "${TABLE[@]}"
} >"$OUT"
cat "$OUT"
log "written to ${OUT#"$ROOT"/}"
