# bench/dataset.sh — sourced by bench/import.sh, bench/sweep.sh and bench/pg.sh: the bench
# tools, the city data set cached by scale (made with `BIN init --demo` and
# bench/gen.c, its server secret beside it as DATA.key), and a login.
# Needs ROOT and BENCH set, and a log function.

bench_tools() {
	mkdir -p "$BENCH/bin" "$BENCH/data" "$BENCH/results"
	for t in gen ref_sqlite; do
		if [ ! -x "$BENCH/bin/$t" ] || [ "$BENCH/$t.c" -nt "$BENCH/bin/$t" ]; then
			gcc -O2 -o "$BENCH/bin/$t" "$BENCH/$t.c" -lsqlite3 -lpthread
		fi
	done
}

# bench_dataset BIN SCALE -> DATA (a file not to be written: work on a copy)
bench_dataset() {
	local bin=$1 scale=$2 genkey
	genkey=$(cat "$ROOT"/src/store/migrations/*.sql "$BENCH/gen.c" | sha1sum | cut -c1-8)
	DATA=$BENCH/data/import-s$scale-$genkey-$(TZ=Asia/Shanghai date +%F).db
	[ -f "$DATA" ] && [ -f "$DATA.key" ] && return 0
	rm -rf "$BENCH"/data/import-s"$scale"-*.db*
	log "generating the data set (scale $scale)"
	"$bin" init --db "$DATA.tmp" --demo >/dev/null
	timeout 1800 nice -n 5 "$BENCH/bin/gen" --db "$DATA.tmp" --scale "$scale" >"$DATA.gen.log"
	mv "$DATA.tmp.key" "$DATA.key"
	mv "$DATA.tmp" "$DATA"
	[ ! -f "$DATA.tmp-audit.db" ] || mv "$DATA.tmp-audit.db" "$DATA-audit.db" # the read-audit file goes with it
}

# bench_login URL USER -> COOKIE CSRF (the demo password)
bench_login() {
	local body jar
	jar=$(mktemp)
	body=$(curl -s --max-time 30 -c "$jar" -H 'Content-Type: application/json' \
		-d "{\"username\":\"$2\",\"password\":\"Precinct-Demo-2026\"}" "$1/api/v1/session")
	CSRF=$(jq -r '.csrf_token // empty' <<<"$body" 2>/dev/null || true)
	COOKIE=$(awk '$6=="precinct_session"{print $7}' "$jar")
	rm -f "$jar"
	[ -n "$COOKIE" ] && [ -n "$CSRF" ] || { echo "bench: login as $2 failed: $body" >&2; return 1; }
}

# bench_workdir NAME BIN SCALE: the tools and the data set (as bench_dataset),
# a work directory W under bench/data, removed at exit with the server SPID
# (when set), and LOAD_START
bench_workdir() {
	bench_tools
	bench_dataset "$2" "$3"
	W=$(mktemp -d "$BENCH/data/$1.XXXXXX")
	SPID=""
	trap bench_workdir_cleanup EXIT
	LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
}

bench_workdir_cleanup() {
	[ -z "$SPID" ] || { kill "$SPID" 2>/dev/null && wait "$SPID" 2>/dev/null; }
	rm -rf "$W"
}

# bench_backlog DB K: K copies of every station incident of DB added as
# dispatched a minute after the call and never acknowledged (a county moved
# in with a desk that never used 签收); prints how many such DB then holds
bench_backlog() {
	local db=$1 k cols
	cols=$(sqlite3 "$db" "SELECT group_concat(name, ',') FROM pragma_table_info('incident')
		WHERE name NOT IN ('id','incident_no','status','acknowledged_at','dispatched_at','duplicate_of')")
	for ((k = 1; k <= $2; k++)); do
		sqlite3 "$db" "INSERT INTO incident(incident_no, status, acknowledged_at, dispatched_at, duplicate_of, $cols)
			SELECT incident_no || '-$k', 'dispatched', NULL, received_at + 60, NULL, $cols FROM incident
			WHERE incident_no NOT LIKE '%-%' AND station_id IS NOT NULL"
	done
	sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	sqlite3 "$db" "SELECT COUNT(*) FROM incident WHERE status = 'dispatched' AND acknowledged_at IS NULL"
}
