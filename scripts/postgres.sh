#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: `start` prints its SQLAlchemy URL (a stopped one is started
# again with its databases, never wiped), `stop` removes it.
# Installs Debian's postgresql when the binaries are missing and we are root.
set -euo pipefail
state=${ZHIBIAO_PG_DIR:-/tmp/zhibiao-test-pg}
cmd=${1:-start}

bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$d" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  fi
  [ -n "$d" ] || { echo "postgres.sh: PostgreSQL is not installed" >&2; exit 1; }
  echo "$d"
}

as_pg() {  # initdb and postgres refuse to run as root
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "$cmd" in
  start)
    bin=$(bindir)
    if [ -f "$state/url" ] && as_pg "'$bin/pg_ctl' -D '$state/data' status" >/dev/null 2>&1; then
      cat "$state/url"; exit 0
    fi
    if [ -f "$state/url" ] && [ -f "$state/data/PG_VERSION" ]; then
      # a stopped server with its databases (a machine restarted, a benchmark database kept): start it
      # again on its port — never wipe data that exists
      port=$(sed -E 's#.*:([0-9]+)/.*#\1#' "$state/url")
      if as_pg "'$bin/pg_ctl' -D '$state/data' -l '$state/log' -o '-p $port -k $state -c listen_addresses=127.0.0.1' -w start" >/dev/null; then
        cat "$state/url"; exit 0
      fi
      echo "postgres.sh: the server in $state/data did not start (see $state/log); 'stop' removes it" >&2
      exit 1
    fi
    rm -rf "$state"; mkdir -p "$state"
    [ "$(id -u)" = 0 ] && chown postgres "$state"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_pg "'$bin/initdb' -D '$state/data' -U zhibiao --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    as_pg "'$bin/pg_ctl' -D '$state/data' -l '$state/log' -o '-p $port -k $state -c listen_addresses=127.0.0.1' -w start" >/dev/null
    as_pg "'$bin/createdb' -h 127.0.0.1 -p $port -U zhibiao zhibiao_test"
    echo "postgresql+psycopg://zhibiao@127.0.0.1:$port/zhibiao_test" | tee "$state/url"
    ;;
  stop)
    bin=$(bindir)
    [ -d "$state/data" ] && as_pg "'$bin/pg_ctl' -D '$state/data' -m fast stop" >/dev/null 2>&1 || true
    rm -rf "$state"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
