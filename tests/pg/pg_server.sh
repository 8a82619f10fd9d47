#!/usr/bin/env bash
# pg_server.sh start|stop DIR — a throw-away PostgreSQL 15 for the tests, on
# 127.0.0.1 and a free port, in DIR (made by start, removed by stop).
# start writes DIR/url (postgres://USER@127.0.0.1:PORT) and prints it; the
# cluster itself lives in a /tmp/precinct-pg.* directory named in DIR/datadir.
# PostgreSQL refuses to run as root: as root (CI) the cluster belongs to the
# unprivileged user `postgres` (made by scripts/deps.sh) or else `nobody`.
# PG_EXTRA_OPTS (e.g. "-c fsync=on", bench/pg.sh) is added to the server's
# options, after the test settings it may override.
# Every failure says why and exits non-zero: a suite that needs it fails,
# it is never skipped.
set -euo pipefail
cmd=${1:?usage: pg_server.sh start|stop DIR}; dir=${2:?usage: pg_server.sh start|stop DIR}
PG_CALLER=pg_server.sh
# shellcheck source=tests/pg/pg_env.sh
. "$(dirname "${BASH_SOURCE[0]}")/pg_env.sh"
stop_cluster() {
  if [ -d "$dir/data" ]; then # a cluster of the layout before /tmp
    "${as[@]}" env -i PATH=/usr/bin:/bin "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  [ -f "$dir/datadir" ] || return 0
  local data; data=$(cat "$dir/datadir")
  # the CPU the cluster spent (its processes that ended: the test's share of the run)
  if [ -f "$data/data/postmaster.pid" ]; then
    local pid; pid=$(head -1 "$data/data/postmaster.pid")
    [ -r "/proc/$pid/stat" ] && awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, "");
      printf "pg_server.sh: the cluster used %.1f s of CPU\n", ($12 + $13 + $14 + $15) / hz }' "/proc/$pid/stat"
  fi
  if [ -d "$data/data" ]; then
    "${as[@]}" env -i PATH=/usr/bin:/bin "$bindir/pg_ctl" -D "$data/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  case "$data" in /tmp/precinct-pg.*) rm -rf "$data" ;; esac
}
# the drill's own clusters (tests/pg/pg_cluster.sh) whose test program is
# gone without removing them (killed at its timeout)
stray_clusters_remove() {
  local h
  for h in /tmp/precinct-pgc.*; do
    [ -f "$h/owner" ] || continue
    kill -0 "$(cat "$h/owner")" 2>/dev/null && continue
    if [ -f "$h/data/postmaster.pid" ]; then
      "${as[@]}" env -i PATH=/usr/bin:/bin "$bindir/pg_ctl" -D "$h/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$h"
  done
}
case "$cmd" in
start)
  stop_cluster
  rm -rf "$dir"; mkdir -p "$dir"
  # the cluster lives in /tmp: the unprivileged owner may not reach the build tree
  data=$(mktemp -d /tmp/precinct-pg.XXXXXX)
  echo "$data" > "$dir/datadir"
  [ "$(id -u)" -eq 0 ] && chown "$owner" "$data"
  port=$(free_port)
  if ! "${as[@]}" env -i PATH=/usr/bin:/bin "$bindir/initdb" -D "$data/data" -U precinct --auth=trust \
        --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1; then
    echo "pg_server.sh: initdb failed (as $owner):" >&2; cat "$dir/initdb.log" >&2; exit 1
  fi
  # a test cluster: no fsync (the tests check semantics, not durability)
  if ! "${as[@]}" env -i PATH=/usr/bin:/bin "$bindir/pg_ctl" -D "$data/data" -l "$data/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB ${PG_EXTRA_OPTS:-}" \
        start >"$dir/pg_ctl.log" 2>&1; then
    echo "pg_server.sh: PostgreSQL did not start (as $owner):" >&2
    cat "$dir/pg_ctl.log" "$data/server.log" >&2 2>/dev/null || true; exit 1
  fi
  url="postgres://precinct@127.0.0.1:$port"
  # the demo county, built once for every *_pg program (each story copies
  # it with CREATE DATABASE … TEMPLATE): PRECINCT_BIN is set by ctest
  if [ -n "${PRECINCT_BIN:-}" ]; then
    "${as[@]}" env -i PATH=/usr/bin:/bin "$bindir/createdb" -h 127.0.0.1 -p "$port" -U precinct demo_template \
      || { echo "pg_server.sh: createdb demo_template failed" >&2; exit 1; }
    # its secret where the harness copies it from, its attachments beside
    # it as an SQLite template keeps them (demo_template.key, .files)
    if ! PRECINCT_SECRET_FILE="$dir/demo_template.key" PRECINCT_FILES_DIR="$dir/demo_template.files" "$PRECINCT_BIN" init --db "$url/demo_template" --demo \
         >"$dir/demo_init.log" 2>&1; then
      echo "pg_server.sh: precinct init --demo on PostgreSQL failed:" >&2; cat "$dir/demo_init.log" >&2; exit 1
    fi
    echo demo_template > "$dir/template"
  fi
  echo "$url" > "$dir/url"
  cat "$dir/url"
  ;;
stop)
  stop_cluster
  stray_clusters_remove
  rm -rf "$dir"
  ;;
*) echo "usage: pg_server.sh start|stop DIR" >&2; exit 2 ;;
esac
