#!/usr/bin/env bash
# Starts a throwaway PostgreSQL (Debian's postgresql-15, installed if missing) on loopback in a
# temporary folder, for the tests of the PostgreSQL stores. Source it: it exports
# SOGA_TEST_DATABASE_URL (a superuser URL; each test file creates its own database) and defines
# stop_test_postgres, which stops the server and deletes the folder (.ci/run calls it from a trap).
# initdb refuses to run as root: as root, the cluster runs as the postgres user the package creates.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  $SUDO apt-get update
  # The package's own cluster (pg_createcluster, port 5432) is not used: the tests start their own.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends postgresql-15
fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/soga-ci-pg.XXXXXX")
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$PG_DIR"
  # From / : the postgres user cannot enter the caller's folder (a 0700 temporary clone), and pg_ctl says so.
  pg_run() { (cd / && runuser -u postgres -- "$@"); }
  PG_USER=postgres
else
  pg_run() { "$@"; }
  PG_USER=$(id -un)
fi
PG_PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
pg_run "$PG_BIN/initdb" -D "$PG_DIR/data" -U "$PG_USER" -A trust -E UTF8 --no-locale --no-sync >/dev/null
pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
export SOGA_TEST_DATABASE_URL="postgres://$PG_USER@127.0.0.1:$PG_PORT/postgres"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (data in $PG_DIR)"

stop_test_postgres() {
  pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null || true
  rm -rf "$PG_DIR"
}
