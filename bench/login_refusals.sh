#!/usr/bin/env bash
# bench/login_refusals.sh — AUTH-2 timed: a wrong password, a locked account
# and an unknown user must take the same time (each runs one argon2id check;
# tests/api/api_auth.c counts the checks, this measures their time). ~1 min
# on the demo county.
#
#   bench/login_refusals.sh [--no-build] [--rounds 40]
#
# Prints one line
#   RESULT wrong_ms=W locked_ms=L unknown_ms=U locked_ratio=L/W unknown_ratio=U/W
# (lower quartiles of the rounds, which interleave the three kinds so that
# the machine's load falls on all alike; target: both ratios within
# 0.8–1.2) and writes it to bench/results/<date>-<commit>-login-refusals.md.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
BUILD_DIR=${BENCH_BUILD_DIR:-$ROOT/build}
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
bench_need
ROUNDS=40 BUILD=1
while [ $# -gt 0 ]; do
	case "$1" in
	--no-build) BUILD=0; shift ;;
	--rounds) ROUNDS=$2; shift 2 ;;
	*) echo "login_refusals.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
[ "$BUILD" = 0 ] || bench_build "$BUILD_DIR"
mkdir -p "$BENCH/results"
W=$(mktemp -d)
SPID=""
cleanup() { [ -n "$SPID" ] && kill "$SPID" 2>/dev/null && wait "$SPID" 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT
"$BUILD_DIR/precinct" init --db "$W/refusals.db" --demo >/dev/null
PORT=${BENCH_PORT:-$((20000 + $$ % 20000))}
URL="http://127.0.0.1:$PORT"
"$BUILD_DIR/precinct" serve --db "$W/refusals.db" --listen "127.0.0.1:$PORT" --threads 2 >"$W/serve.log" 2>&1 &
SPID=$!
bench_wait_up "$URL" "$W/serve.log"
PW=Precinct-Demo-2026 WRONG=Wrong-Password-7
# one login: prints its time in ms and checks its status
attempt() {
	local out
	out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 30 \
		-H 'Content-Type: application/json' \
		-d "{\"username\":\"$1\",\"password\":\"$2\"}" "$URL/api/v1/session")
	[ "${out%% *}" = "$3" ] || { echo "login_refusals: $1 answered ${out%% *}, want $3" >&2; exit 1; }
	awk -v t="${out#* }" 'BEGIN { printf "%.2f\n", t * 1000 }'
}
# the admin lifts the address's limit and the account's lock count for the run
curl -s -o /dev/null -c "$W/jar" -H 'Content-Type: application/json' \
	-d "{\"username\":\"admin\",\"password\":\"$PW\"}" "$URL/api/v1/session"
CSRF=$(curl -s -b "$W/jar" "$URL/api/v1/me" | sed -n 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/p')
for s in "auth.ip_failures_per_minute 1000" "auth.max_failures 10"; do
	set -- $s
	curl -sf -o /dev/null -b "$W/jar" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
		-X PUT -d "{\"value\":$2}" "$URL/api/v1/settings/$1"
done
for _ in $(seq 1 10); do attempt minjing1 "$WRONG" 401 >/dev/null; done # locked now
# wrong passwords spread over 6 accounts, under the lock's 10 each per window
ACCOUNTS=(minjing2 fazhi neiqin fujing dangan suozhang)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$W/t"
for i in $(seq 0 $((ROUNDS - 1))); do
	echo "wrong $(attempt "${ACCOUNTS[$((i % 6))]}" "$WRONG" 401)" >>"$W/t"
	echo "locked $(attempt minjing1 "$PW" 401)" >>"$W/t"
	echo "unknown $(attempt "ghost$i" "$WRONG" 401)" >>"$W/t"
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
q1() { grep "^$1 " "$W/t" | cut -d' ' -f2 | sort -n | awk '{ v[NR] = $1 } END { print v[int(NR / 4) + 1] }'; }
WR=$(q1 wrong) LO=$(q1 locked) UN=$(q1 unknown)
OUT=$(awk -v w="$WR" -v l="$LO" -v u="$UN" 'BEGIN {
	printf "RESULT wrong_ms=%s locked_ms=%s unknown_ms=%s locked_ratio=%.3f unknown_ratio=%.3f\n",
	       w, l, u, l / w, u / w }')
echo "$OUT"
COMMIT=$(bench_commit)
BUILD_TYPE=$(bench_build_type "$BUILD_DIR")
{
	echo "# Login refusals $(date +%F), commit $COMMIT (TRUST AUTH-2, target ratios 0.8–1.2)"
	echo
	echo "Machine: $(nproc) cores; load average $LOAD_START at start, $LOAD_END at end. Demo county,"
	echo "\`precinct serve --threads 2\` ($BUILD_TYPE build); $ROUNDS rounds of one wrong password, one"
	echo "locked account, one unknown user (lower quartiles, ms, curl's total time)."
	echo
	echo "    $OUT"
} >"$BENCH/results/$(date +%F)-$COMMIT-login-refusals.md"
