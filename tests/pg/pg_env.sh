# pg_env.sh — what tests/pg/pg_server.sh (the suite's PostgreSQL) and
# tests/pg/pg_cluster.sh (the replication drill's clusters) share; sourced,
# after PG_CALLER (the script's name, for its messages) is set:
#   bindir     PostgreSQL 15's programs (PG_BINDIR, or found), else exit 1
#   owner, as  who runs the clusters: PostgreSQL refuses to run as root, so
#              as root (CI) the unprivileged user postgres (made by
#              scripts/deps.sh) or else nobody, through setpriv
#   free_port  a free TCP port on 127.0.0.1
bindir=${PG_BINDIR:-}
if [ -z "$bindir" ]; then
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { bindir=$d; break; }
  done
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_basebackup" ]; then
  echo "$PG_CALLER: PostgreSQL (initdb, pg_ctl, pg_basebackup) not found: install postgresql (scripts/deps.sh)" >&2
  exit 1
fi
as=()
owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  if id postgres >/dev/null 2>&1; then owner=postgres; else owner=nobody; fi
  as=(setpriv --reuid="$owner" --regid="$(id -g "$owner")" --clear-groups --)
fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
