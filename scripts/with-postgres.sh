#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL cluster on 127.0.0.1:
#   scripts/with-postgres.sh npm test
# Starts a cluster in a temporary folder (initdb + pg_ctl from the installed PostgreSQL server binaries),
# exports TEST_DATABASE_URL=postgres://casefile@127.0.0.1:<port>/casefile, runs the command, then stops the
# cluster and removes its folder, whatever the command's outcome. PostgreSQL refuses to run as root, so as root
# the cluster belongs to the `postgres` system user (created by Debian's package).
# PG_PORT picks the port (default 55432).
set -euo pipefail

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

BIN="$(pg_bin)" || { echo "with-postgres: no PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 1; }
PORT="${PG_PORT:-55432}"
DATA="$(mktemp -d -t casefile-pg.XXXXXX)"
RUN_AS=()
if [ "$(id -u)" = "0" ]; then
  chown postgres:postgres "$DATA"
  RUN_AS=(runuser -u postgres --)
fi

cleanup() {
  "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA/db" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$DATA"
}
trap cleanup EXIT

"${RUN_AS[@]}" "$BIN/initdb" -D "$DATA/db" -U casefile --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA/db" -l "$DATA/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
"${RUN_AS[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U casefile casefile

export TEST_DATABASE_URL="postgres://casefile@127.0.0.1:$PORT/casefile"
echo "with-postgres: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"
"$@"
