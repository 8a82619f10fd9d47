# bench/lib.sh — sourced by every bench script: what each of them did on its
# own before (the release build, waiting for a server to answer, the commit
# and build type a results file names). Needs ROOT set.

# bench_build DIR: the RelWithDebInfo build of precinct in DIR
bench_build() {
	timeout 900 cmake -S "$ROOT" -B "$1" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	timeout 1200 cmake --build "$1" -j 2 --target precinct >/dev/null
}

# bench_wait_up URL [LOG]: until the server at URL answers its health route
# (30 s); otherwise prints LOG's tail and fails
bench_wait_up() {
	for _ in $(seq 1 300); do
		curl -sf -o /dev/null --max-time 2 "$1/api/v1/health" && return 0
		sleep 0.1
	done
	echo "bench: no server answers at $1" >&2
	[ -z "${2:-}" ] || tail "$2" >&2
	return 1
}

# bench_median FILE WHO WHAT: the median of column 3 over the lines
# "WHO WHAT VALUE" of FILE (a script's results, one line a round)
bench_median() {
	awk -v b="$2" -v s="$3" '$1==b && $2==s {print $3}' "$1" | sort -n |
		awk '{a[NR]=$1} END{ if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }'
}

# bench_copy_dataset DEST: a fresh working copy of the data set $DATA at
# DEST (a server's --db): the file, its read-audit file and its key when
# they exist, and no WAL or shared-memory file of an earlier run
bench_copy_dataset() {
	local dest=$1
	rm -f "$dest" "$dest-wal" "$dest-shm" "$dest-audit.db" "$dest-audit.db-wal" "$dest-audit.db-shm"
	cp --sparse=always "$DATA" "$dest"
	[ ! -f "$DATA-audit.db" ] || cp --sparse=always "$DATA-audit.db" "$dest-audit.db"
	[ ! -f "$DATA.key" ] || cp "$DATA.key" "$dest.key"
}

# bench_commit: the short commit of the tree (nogit outside git)
bench_commit() {
	git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo nogit
}

# bench_build_type DIR: the CMAKE_BUILD_TYPE of the build in DIR ("?" if none)
bench_build_type() {
	sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$1/CMakeCache.txt" 2>/dev/null || echo "?"
}

# bench_need: installs what the scenarios use (wrk, nginx, curl, jq, a C
# compiler and SQLite's header for the tools) when missing, as root; as
# another user it names them and fails. Every scenario script calls it: a
# script that ran without wrk printed no figure and said nothing.
bench_need() {
	local need=()
	command -v wrk >/dev/null || need+=(wrk)
	command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
	command -v curl >/dev/null || need+=(curl)
	command -v jq >/dev/null || need+=(jq)
	command -v gcc >/dev/null || need+=(gcc)
	[ -f /usr/include/sqlite3.h ] || need+=(libsqlite3-dev)
	[ ${#need[@]} -gt 0 ] || return 0
	if [ "$(id -u)" != 0 ]; then
		echo "bench: missing ${need[*]}; as root: apt-get install -y --no-install-recommends ${need[*]}" >&2
		exit 1
	fi
	echo "bench: installing ${need[*]}" >&2
	timeout 600 apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null ||
		{ timeout 300 apt-get update -qq && timeout 600 apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }
}
