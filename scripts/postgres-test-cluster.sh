#!/usr/bin/env bash
# `scripts/postgres-test-cluster.sh start` starts a throwaway PostgreSQL cluster for the tests and prints
# its URL; `… stop` stops it and deletes it. Debian's server packages are installed when missing. The
# cluster lives in /tmp/parley-pg-<port> (fsync off: it is thrown away) and listens on 127.0.0.1 only.
set -euo pipefail

port="${PARLEY_TEST_PG_PORT:-55432}"
dir="/tmp/parley-pg-$port"
find_pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
# initdb refuses to run as root: as root the cluster belongs to the postgres user the package made.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop() {
  if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$(find_pgbin)/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
}

case "${1:-start}" in
stop)
  stop
  ;;
start)
  pgbin=$(find_pgbin)
  if [ -z "$pgbin" ]; then
    echo "Installing Debian's PostgreSQL for the tests…" >&2
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq >&2
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pgbin=$(find_pgbin)
  fi
  stop
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
  as_owner "$pgbin/initdb" -D "$dir/data" -A trust -U parley -E UTF8 --locale=C.UTF-8 >/dev/null
  as_owner "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c max_pred_locks_per_transaction=256" >/dev/null
  echo "postgresql://parley@127.0.0.1:$port/postgres"
  ;;
esac
