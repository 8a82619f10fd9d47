#!/usr/bin/env bash
# demo_template.sh start|stop DIR — the demo county on SQLite, built once for
# every API program of a ctest run (the fixture demo_db): `precinct init
# --demo` into DIR/demo.db (its secret DIR/demo.db.key, its attachments
# DIR/demo.db.files); the harness copies it for each story that needs the
# demo (PRECINCT_TEST_DEMO_DB). Building it takes seconds under the
# sanitizers; once per program it took ~2.5 s of CPU 60 times over.
# PRECINCT_BIN is set by ctest. stop removes DIR.
set -euo pipefail
cmd=${1:?usage: demo_template.sh start|stop DIR}; dir=${2:?usage: demo_template.sh start|stop DIR}
case "$cmd" in
start)
  rm -rf "$dir"; mkdir -p "$dir"
  if ! "${PRECINCT_BIN:?PRECINCT_BIN is not set (run through ctest)}" init --db "$dir/demo.db" --demo \
       >"$dir/init.log" 2>&1; then
    echo "demo_template.sh: precinct init --demo failed:" >&2; cat "$dir/init.log" >&2
    rm -f "$dir/demo.db"; exit 1
  fi
  echo "$dir/demo.db"
  ;;
stop)
  rm -rf "$dir"
  ;;
*) echo "usage: demo_template.sh start|stop DIR" >&2; exit 2 ;;
esac
