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
