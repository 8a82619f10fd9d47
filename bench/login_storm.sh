#!/usr/bin/env bash
# bench/login_storm.sh — the login storm of TRUST AUTH-9 alone, on the demo
# county (no city data set): ~1 min. `make bench` runs the same tool as its
# scenario 11 on the city.
#
#   bench/login_storm.sh [--no-build] [--seconds 5] [--rounds 3]
#
# Prints the RESULT line of bench/bin/login_storm (target ratio >= 0.8) and
# writes it to bench/results/<date>-<commit>-login-storm.md.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
BUILD_DIR=${BENCH_BUILD_DIR:-$ROOT/build}
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
bench_need
SECS=5 ROUNDS=3 BUILD=1
while [ $# -gt 0 ]; do
	case "$1" in
	--no-build) BUILD=0; shift ;;
	--seconds) SECS=$2; shift 2 ;;
	--rounds) ROUNDS=$2; shift 2 ;;
	*) echo "login_storm.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
[ "$BUILD" = 0 ] || bench_build "$BUILD_DIR"
mkdir -p "$BENCH/bin" "$BENCH/results"
# shellcheck disable=SC2046
gcc -O2 -Wall -o "$BENCH/bin/login_storm" "$BENCH/login_storm.c" $(pkg-config --cflags --libs libcurl) -lpthread
W=$(mktemp -d)
SPID=""
cleanup() { [ -n "$SPID" ] && kill "$SPID" 2>/dev/null && wait "$SPID" 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT
"$BUILD_DIR/precinct" init --db "$W/storm.db" --demo >/dev/null
PORT=${BENCH_PORT:-$((20000 + $$ % 20000))}
"$BUILD_DIR/precinct" serve --db "$W/storm.db" --listen "127.0.0.1:$PORT" --threads 2 >"$W/serve.log" 2>&1 &
SPID=$!
bench_wait_up "http://127.0.0.1:$PORT" "$W/serve.log"
# 城关派出所, the 110 desk's first station (the demo county)
STATION=$(sqlite3 "$W/storm.db" "SELECT id FROM org_unit WHERE name = '城关派出所'" 2>/dev/null || echo 3)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
OUT=$(timeout 300 "$BENCH/bin/login_storm" --url "http://127.0.0.1:$PORT" --station "$STATION" \
	--seconds "$SECS" --rounds "$ROUNDS")
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$OUT"
ON_WRITER=$(grep -c 'on the writer thread (AUTH-9)' "$W/serve.log" || true)
COMMIT=$(bench_commit)
BUILD_TYPE=$(bench_build_type "$BUILD_DIR")
{
	echo "# Login storm $(date +%F), commit $COMMIT (TRUST AUTH-9, target ratio ≥ 0.8)"
	echo
	echo "Machine: $(nproc) cores; load average $LOAD_START at start, $LOAD_END at end. Demo county,"
	echo "\`precinct serve --threads 2\` ($BUILD_TYPE build); $ROUNDS rounds of $SECS s alone / $SECS s with 4 clients logging in."
	echo
	echo "    $OUT"
	echo
	echo "argon2id calls on the writer thread (server log): $ON_WRITER"
} >"$BENCH/results/$(date +%F)-$COMMIT-login-storm.md"
