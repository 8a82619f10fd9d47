#!/usr/bin/env bash
# pg_cluster.sh — the city's database layout in miniature, for the
# replication and backup drill (tests/api/api_pg_replica.c, docs/deploy.md
# §4): a primary that archives its WAL, a streaming standby made by
# pg_basebackup, a base backup taken while the servers write, and a
# restore of that backup with the archive into a cluster of its own.
#
#   pg_cluster.sh primary DIR               a primary; DIR/url, DIR/port, DIR/archive
#                                           (PG_EXTRA_OPTS: more server options; with
#                                           PG_SEAL_BIN and PG_SEAL_KEY its archive is
#                                           sealed by precinct wal archive)
#   pg_cluster.sh load DIR URL NAME         database NAME on DIR's cluster, a copy of
#                                           the database at URL (pg_dump | pg_restore)
#   pg_cluster.sh standby DIR PRIMARY NAME  a hot standby of PRIMARY's cluster,
#                                           announcing itself as NAME
#   pg_cluster.sh backup DIR PRIMARY        the nightly backup: pg_basebackup (plain,
#                                           --wal-method=fetch, SHA-256 manifest) into DIR/base
#   pg_cluster.sh verify DIR                pg_verifybackup of that backup
#   pg_cluster.sh tamper DIR                a copy with one byte changed: succeeds when
#                                           pg_verifybackup refuses it (its words printed)
#   pg_cluster.sh forge DIR manifest|wal    a copy of the backup and its seal with the
#                                           manifest or a WAL segment changed; its path
#   pg_cluster.sh forge DIR archive ARCHIVE a copy of the WAL archive with its newest
#                                           segment changed; its path
#   pg_cluster.sh restore DIR BACKUP ARCHIVE  a cluster from BACKUP's base and the WAL
#                                           in ARCHIVE, recovered to the archive's end
#                                           (PG_SEAL_BIN: each segment's seal checked)
#   pg_cluster.sh promote DIR               the standby becomes the primary
#   pg_cluster.sh restart DIR               a stopped cluster started again as it was
#   pg_cluster.sh archive DIR off|on        the primary's WAL archive failing (its directory
#                                           unwritable) or working again
#   pg_cluster.sh sql DIR SQL               one statement as the superuser, its
#                                           result printed unaligned
#   pg_cluster.sh stop DIR [MODE]           pg_ctl stop (-m immediate: a lost machine)
#   pg_cluster.sh remove DIR                stop it and remove its files
#
# Each cluster listens on 127.0.0.1 and a free port, its files in a
# /tmp/precinct-pgc.* directory (named in DIR/datadir) that the owner can
# reach. As root (CI) every command runs as the unprivileged user postgres
# (scripts/deps.sh), or else nobody, as tests/pg/pg_server.sh does. fsync is
# off, as in the test cluster: the drill checks what replication and the
# archive keep, not the disk. Every failure says why and exits non-zero.
set -euo pipefail
cmd=${1:?usage: pg_cluster.sh primary|load|standby|backup|verify|tamper|forge|restore|promote|restart|archive|sql|stop|remove DIR ...}
dir=${2:?usage: pg_cluster.sh $cmd DIR ...}
PG_CALLER=pg_cluster.sh
# shellcheck source=tests/pg/pg_env.sh
. "$(dirname "${BASH_SOURCE[0]}")/pg_env.sh"
run() { "${as[@]}" env -i PATH=/usr/bin:/bin "$@"; }
die() { echo "pg_cluster.sh $cmd: $*" >&2; exit 1; }
data_of() { [ -f "$1/datadir" ] || die "no cluster in $1"; cat "$1/datadir"; }
# a new directory for a cluster: DIR/datadir names it; prints it
new_home() {
  rm -rf "$dir"; mkdir -p "$dir"
  local h; h=$(mktemp -d /tmp/precinct-pgc.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown "$owner" "$h"
  echo "$h" >"$dir/datadir"
  # the test program that runs it: pg_server.sh stop removes the clusters
  # of one that died without removing its own (killed at its timeout)
  echo "$PPID" >"$h/owner"
  echo "$h"
}
# start the cluster in H on a free port (or PORT, when set) with the
# options given; DIR/url, DIR/port, DIR/opts
start() {
  local h=$1; shift
  local port=${PORT:-$(free_port)}
  if ! run "$bindir/pg_ctl" -D "$h/data" -l "$h/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $h -c fsync=off -c max_connections=200 -c shared_buffers=32MB $*" \
      start >"$dir/pg_ctl.log" 2>&1; then
    cat "$dir/pg_ctl.log" "$h/server.log" >&2 2>/dev/null || true
    die "PostgreSQL did not start (as $owner)"
  fi
  echo "$port" >"$dir/port"
  echo "$*" >"$dir/opts"
  echo "postgres://precinct@127.0.0.1:$port" >"$dir/url"
}
# the county's tools in H for the archive's seal, owned by the cluster's
# user (PG_SEAL_BIN: a precinct binary; PG_SEAL_KEY: the archive's key,
# from precinct wal key), which may not reach the test's own files
seal_tools() {
  cp "$PG_SEAL_BIN" "$1/precinct" && cp "${PG_SEAL_KEY:?PG_SEAL_KEY with PG_SEAL_BIN}" "$1/wal.key" ||
    die "cannot copy the sealing tools into $1"
  chmod 755 "$1/precinct"; chmod 600 "$1/wal.key"
  [ "$(id -u)" -eq 0 ] && chown "$owner" "$1/precinct" "$1/wal.key"
  return 0
}
sql() { # PORT SQL
  run "$bindir/psql" -h 127.0.0.1 -p "$1" -U precinct -d postgres -X -A -t -v ON_ERROR_STOP=1 -c "$2"
}
case "$cmd" in
primary)
  h=$(new_home)
  run mkdir "$h/archive"
  run "$bindir/initdb" -D "$h/data" -U precinct --auth=trust --encoding=UTF8 --locale=C \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed (as $owner)"; }
  # deploy.md §4: WAL for a standby, every segment archived (sealed with
  # the county's key by precinct wal archive when PG_SEAL_BIN is set)
  if [ -n "${PG_SEAL_BIN:-}" ]; then
    seal_tools "$h"
    archive="$h/precinct wal archive --key $h/wal.key %p $h/archive/%f"
  else
    archive="test ! -f $h/archive/%f && cp %p $h/archive/%f"
  fi
  start "$h" "-c wal_level=replica -c max_wal_senders=5 -c archive_mode=on" \
    "-c archive_command='$archive'" \
    "-c synchronous_commit=on ${PG_EXTRA_OPTS:-}"
  echo "$h/archive" >"$dir/archive"
  cat "$dir/url"
  ;;
load)
  src=${3:?usage: pg_cluster.sh load DIR URL NAME}; name=${4:?usage: pg_cluster.sh load DIR URL NAME}
  port=$(cat "$dir/port")
  sql "$port" "CREATE DATABASE $name" >/dev/null
  run sh -c "'$bindir/pg_dump' -d '$src' -Fc | '$bindir/pg_restore' -h 127.0.0.1 -p $port -U precinct -d $name --no-owner --exit-on-error" ||
    die "cannot copy $src into $name"
  echo "$(cat "$dir/url")/$name"
  ;;
standby)
  primary=${3:?usage: pg_cluster.sh standby DIR PRIMARY NAME}; name=${4:?usage: pg_cluster.sh standby DIR PRIMARY NAME}
  pport=$(cat "$primary/port")
  h=$(new_home)
  run "$bindir/pg_basebackup" -h 127.0.0.1 -p "$pport" -U precinct -D "$h/data" \
    --wal-method=stream --write-recovery-conf --checkpoint=fast >"$dir/basebackup.log" 2>&1 ||
    { cat "$dir/basebackup.log" >&2; die "pg_basebackup from the primary failed"; }
  # the name synchronous_standby_names lists: the walreceiver's
  # application_name is cluster_name when primary_conninfo sets none
  start "$h" "-c hot_standby=on -c cluster_name=$name"
  cat "$dir/url"
  ;;
backup)
  primary=${3:?usage: pg_cluster.sh backup DIR PRIMARY}
  pport=$(cat "$primary/port")
  h=$(new_home)
  run "$bindir/pg_basebackup" -h 127.0.0.1 -p "$pport" -U precinct -D "$h/base" -Fp \
    --wal-method=fetch --manifest-checksums=SHA256 --checkpoint=fast >"$dir/basebackup.log" 2>&1 ||
    { cat "$dir/basebackup.log" >&2; die "pg_basebackup failed"; }
  ls "$h/base/backup_manifest"
  ;;
verify)
  # deploy.md §4: every file of the backup against its manifest (SHA-256)
  run "$bindir/pg_verifybackup" -q "$(data_of "$dir")/base" || die "pg_verifybackup refused the backup"
  echo "backup verified"
  ;;
tamper)
  # a copy of the backup with one byte of its largest table file changed:
  # succeeds when pg_verifybackup refuses it, printing what it says
  h=$(data_of "$dir")
  run rm -rf "$h/tampered"
  run cp -a "$h/base" "$h/tampered"
  f=$(find "$h/tampered/base" -type f -size +8k -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2)
  [ -n "$f" ] || die "no table file in the backup"
  run sh -c "printf 'X' | dd of='$f' bs=1 seek=4100 conv=notrunc status=none"
  if out=$(run "$bindir/pg_verifybackup" -q "$h/tampered" 2>&1); then
    die "pg_verifybackup took a backup with a changed byte in ${f#"$h/tampered/"}"
  fi
  echo "$out" | head -1
  ;;
restore)
  backup=${3:?usage: pg_cluster.sh restore DIR BACKUP ARCHIVE}; archive=${4:?usage: pg_cluster.sh restore DIR BACKUP ARCHIVE}
  base=$(data_of "$backup")/base
  h=$(new_home)
  run cp -a "$base" "$h/data" || die "cannot copy $base"
  run chmod 700 "$h/data"
  run rm -f "$h/data/backup_manifest"
  # deploy.md §4: the archive replayed to its end, then the cluster opens
  # (each segment's seal checked by precinct wal restore when PG_SEAL_BIN
  # is set: a segment that fails it stops the recovery)
  restore="cp $archive/%f %p"
  if [ -n "${PG_SEAL_BIN:-}" ]; then
    seal_tools "$h"
    restore="$h/precinct wal restore --key $h/wal.key $archive/%f %p"
  fi
  run sh -c "echo \"restore_command = '$restore'\" >>'$h/data/postgresql.auto.conf' && touch '$h/data/recovery.signal'"
  start "$h" "-c archive_mode=off"
  port=$(cat "$dir/port")
  for _ in $(seq 1 600); do
    [ "$(sql "$port" 'SELECT pg_is_in_recovery()' 2>/dev/null)" = f ] && { cat "$dir/url"; exit 0; }
    # a recovery that stopped (a segment refused) ends the server
    run "$bindir/pg_ctl" -D "$h/data" status >/dev/null 2>&1 || break
    sleep 0.1
  done
  cat "$h/server.log" >&2; die "the restored cluster did not open (its log above)"
  ;;
forge)
  # a copy of the backup (and its seal) in which what the seal covers was
  # changed: the manifest rewritten, or a WAL segment; prints the copy
  h=$(data_of "$dir")
  what=${3:?usage: pg_cluster.sh forge DIR manifest|wal}
  run rm -rf "$h/forged-$what" "$h/forged-$what.mac"
  run cp -a "$h/base" "$h/forged-$what"
  # the seal is written by precinct (mode 0600, its user): copied as that user
  [ -f "$h/base.mac" ] && cp "$h/base.mac" "$h/forged-$what.mac"
  case "$what" in
  manifest) f="$h/forged-$what/backup_manifest"; at=100 ;;
  wal) f=$(find "$h/forged-$what/pg_wal" -maxdepth 1 -type f -name '0*' | sort | head -1); at=8192 ;;
  archive)
    # a copy of the WAL archive ARCHIVE with its newest segment changed
    # (one archived after the base backup), seals and all
    src=${4:?usage: pg_cluster.sh forge DIR archive ARCHIVE}
    run rm -rf "$h/forged-archive"
    run cp -a "$src" "$h/forged-archive"
    f=$(find "$h/forged-archive" -maxdepth 1 -type f -name '0*' ! -name '*.*' | sort | tail -1); at=8192 ;;
  *) die "forge DIR manifest|wal|archive" ;;
  esac
  [ -n "$f" ] || die "nothing to change in the backup"
  run sh -c "printf 'X' | dd of='$f' bs=1 seek=$at conv=notrunc status=none"
  echo "$h/forged-$what"
  ;;
restart)
  # a stopped cluster started again as it was, on its port (a former
  # primary brought back after a failover: the split brain of deploy.md)
  h=$(data_of "$dir")
  PORT=$(cat "$dir/port") start "$h" "$(cat "$dir/opts")"
  cat "$dir/url"
  ;;
archive)
  # the archive's directory unwritable (off: the backup host's disk full)
  # or writable again (on)
  case "${3:-}" in off) mode=500 ;; on) mode=700 ;; *) die "archive DIR off|on" ;; esac
  run chmod "$mode" "$(data_of "$dir")/archive"
  ;;
promote)
  h=$(data_of "$dir")
  run "$bindir/pg_ctl" -D "$h/data" -w -t 60 promote >/dev/null || { cat "$h/server.log" >&2; die "promote failed"; }
  ;;
sql)
  sql "$(cat "$dir/port")" "${3:?usage: pg_cluster.sh sql DIR SQL}"
  ;;
stop)
  h=$(data_of "$dir")
  run "$bindir/pg_ctl" -D "$h/data" -m "${3:-fast}" -w -t 60 stop >/dev/null
  ;;
remove)
  if [ -f "$dir/datadir" ]; then
    h=$(cat "$dir/datadir")
    [ -f "$h/data/postmaster.pid" ] && run "$bindir/pg_ctl" -D "$h/data" -m immediate -w stop >/dev/null 2>&1 || true
    case "$h" in /tmp/precinct-pgc.*) rm -rf "$h" ;; esac
  fi
  rm -rf "$dir"
  ;;
*) die "unknown command (primary, load, standby, backup, verify, tamper, forge, restore, promote, restart, archive, sql, stop, remove)" ;;
esac
