#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks: a temporary data directory, a local
# port, owned by the `postgres` OS user (initdb refuses to run as root).
#   pg-cluster.sh start DIR [PORT]          initdb + start (on a free port if none is given); prints the URL
#   pg-cluster.sh replica DIR PORT PRIMARY  pg_basebackup -R from PRIMARY's port, then start
#   pg-cluster.sh stop DIR                  stop (fast) and remove DIR
# PG_LOG_STATEMENTS=1 logs every statement to DIR/server.log, prefixed with the client's
# application_name (the replica test reads it to see which server ran what).
set -euo pipefail

bindir="${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
[ -x "$bindir/initdb" ] || { echo "PostgreSQL server binaries not found (install Debian's postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

command="${1:?usage: pg-cluster.sh start|replica|stop DIR [PORT] [PRIMARY_PORT]}"
dir="${2:?data directory}"

case "$command" in
  start)
    port="${3:-$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')}"
    mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_pg "'$bindir/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log'"
    cat >>"$dir/data/postgresql.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
wal_level = replica
max_wal_senders = 5
hot_standby = on
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
CONF
    if [ "${PG_LOG_STATEMENTS:-}" = 1 ]; then
      printf "log_statement = 'all'\nlog_line_prefix = '%%a|'\n" >>"$dir/data/postgresql.conf"
    fi
    echo "host replication all 127.0.0.1/32 trust" >>"$dir/data/pg_hba.conf"
    as_pg "'$bindir/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w start >/dev/null"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  replica)
    port="${3:?port}"; primary="${4:?primary port}"
    mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_pg "'$bindir/pg_basebackup' -h 127.0.0.1 -p $primary -U postgres -D '$dir/data' -R -X stream -c fast"
    cat >>"$dir/data/postgresql.conf" <<CONF
port = $port
unix_socket_directories = '$dir'
CONF
    as_pg "'$bindir/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w start >/dev/null"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -d "$dir/data" ]; then as_pg "'$bindir/pg_ctl' -D '$dir/data' -m fast -w stop >/dev/null" || true; fi
    rm -rf "$dir"
    ;;
  *) echo "unknown command $command" >&2; exit 2 ;;
esac
