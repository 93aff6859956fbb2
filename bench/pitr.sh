#!/usr/bin/env bash
# Point-in-time recovery on PostgreSQL, end to end, on a throwaway cluster (scripts/pg-cluster.sh):
#   1. a primary that archives its WAL to a directory (archive_command), and a base backup of it;
#   2. the server running on it, an editor's good writes, then a wrong `importSource` (an old draft
#      of the seed document that overwrites reviewed facts), then one more good write;
#   3. the base backup recovered into a new data directory up to the wrong import's audit time
#      (restore_command + recovery_target_time), promoted, and served;
#   4. the audit log of both compared: what the recovery undid.
# Needs `npm run build` first. Prints a report (bench/results/pitr.md holds one); removes everything it made.
set -euo pipefail
cd "$(dirname "$0")/.."

bindir="${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }

work="$(mktemp -d /tmp/conflict-explorer-pitr.XXXXXX)"
chmod 755 "$work" # the postgres user works in it
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -d "$work/recovered/data" ] && as_pg "'$bindir/pg_ctl' -D '$work/recovered/data' -m fast -w stop >/dev/null" || true
  scripts/pg-cluster.sh stop "$work/primary" || true
  rm -rf "$work"
}
trap cleanup EXIT
say() { printf '\n## %s\n\n' "$*"; }

# --- 1. A primary with WAL archiving, and a base backup --------------------------------------
primary_url="$(scripts/pg-cluster.sh start "$work/primary")"
archive="$work/wal-archive"
mkdir -p "$archive" && [ "$(id -u)" = 0 ] && chown postgres "$archive" "$work"
cat >>"$work/primary/data/postgresql.conf" <<CONF
archive_mode = on
archive_command = 'test ! -f $archive/%f && cp %p $archive/%f'
archive_timeout = 60
CONF
as_pg "'$bindir/pg_ctl' -D '$work/primary/data' -w restart -l '$work/primary/server.log' >/dev/null"
psql() { "$bindir/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
psql "$primary_url" -c 'CREATE DATABASE newsroom'
url="${primary_url%/postgres}/newsroom"
primary_port="${primary_url##*:}"; primary_port="${primary_port%%/*}"
DATABASE_URL="$url" node dist/scripts/migrate.js >/dev/null
DATABASE_URL="$url" node dist/seeds/seed.js >/dev/null

say "Base backup (pg_basebackup), WAL archived to $archive"
as_pg "'$bindir/pg_basebackup' -h 127.0.0.1 -p $primary_port -U postgres -D '$work/base' -X stream -c fast" 2>&1 | sed 's/^/    /'
du -sh "$work/base" | awk '{print "base backup: " $1}'
psql "$url" -Atc "SELECT 'archive_command: ' || current_setting('archive_command')"

# --- 2. The server, good writes, the mistake, one more good write ----------------------------
port="$(free_port)"
editor="$(DATABASE_URL="$url" node dist/scripts/keys.js create --role editor --name desk-editor | tail -1)"
DATABASE_URL="$url" PORT="$port" LOG_LEVEL=warn node dist/src/main.js >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
gql() { curl -sf "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' -H "authorization: Bearer $editor" -d "$1"; }
company() { printf '{"query":"mutation { createCompany(input: { slug: \\"%s\\", name: \\"%s\\", citations: [{ source: \\"2020-02-06-huawei-verizon\\", quote: \\"European and US entities\\" }] }) { slug } }"}' "$1" "$2"; }
facts='{"query":"{ company(slug: \"huawei\") { name description } lawsuit(slug: \"huawei-v-fcc\") { status summary } companies { totalCount } }"}'

say "Good writes by the desk"
gql "$(company nokia Nokia)" | jq -c .
gql "$(company ericsson Ericsson)" | jq -c .
echo "reviewed facts: $(curl -sf "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' -d "$facts" | jq -c .data)"
sleep 2

say "The mistake: importSource of an old draft of the seed document"
# The draft: the same source, with an unreviewed description of Huawei and the FCC suit marked dismissed.
draft="$(node -e '
  const doc = require("./seeds/2020-02-06-huawei-verizon.json");
  doc.parties.find((p) => p.slug === "huawei").description = "DRAFT – check before publishing";
  doc.lawsuits.find((l) => l.slug === "huawei-v-fcc").status = "DISMISSED";
  process.stdout.write(JSON.stringify({ query: "mutation($doc: JSONObject!) { importSource(input: $doc) { source status written { table rows } } }", variables: { doc } }));
')"
gql "$draft" | jq -c .
mistake_at="$(psql "$url" -Atc "SELECT at FROM audit_entry WHERE action = 'importSource' ORDER BY id DESC LIMIT 1")"
echo "the audit log stamps it at $mistake_at"
# recovery_target_time takes PostgreSQL's timestamp syntax, not ISO 8601's T and Z.
target_time="$(echo "$mistake_at" | sed 's/T/ /; s/Z$/+00/')"
echo "facts now: $(curl -sf "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' -d "$facts" | jq -c .data)"
sleep 1
say "A good write after the mistake (recovery will undo it too; the audit log says so)"
gql "$(company samsung Samsung)" | jq -c .
# Close the current WAL segment so that it is archived (archive_timeout would do it within a minute).
psql "$url" -Atc "SELECT 'switched WAL at ' || pg_switch_wal()"
for _ in $(seq 100); do [ "$(psql "$url" -Atc 'SELECT last_failed_wal IS NULL AND archived_count > 0 AND last_archived_wal >= pg_walfile_name(pg_current_wal_lsn() - 1) FROM pg_stat_archiver')" = t ] && break; sleep 0.1; done
kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
server_pid=""

# --- 3. Recovery: the base backup, replayed up to just before the mistake --------------------
say "Recovery to recovery_target_time = '$target_time' (the wrong import's audit time)"
recovered_port="$(free_port)"
mkdir -p "$work/recovered" && cp -a "$work/base" "$work/recovered/data"
[ "$(id -u)" = 0 ] && chown -R postgres "$work/recovered"
rm -f "$work/recovered/data/postmaster.pid"
cat >>"$work/recovered/data/postgresql.conf" <<CONF
port = $recovered_port
unix_socket_directories = '$work/recovered'
archive_mode = off
restore_command = 'cp $archive/%f %p'
recovery_target_time = '$target_time'
recovery_target_inclusive = false
recovery_target_action = 'promote'
CONF
touch "$work/recovered/data/recovery.signal"
[ "$(id -u)" = 0 ] && chown postgres "$work/recovered/data/recovery.signal"
started=$(date +%s.%N)
as_pg "'$bindir/pg_ctl' -D '$work/recovered/data' -l '$work/recovered/server.log' -w start >/dev/null" || { tail -20 "$work/recovered/server.log"; exit 1; }
recovered="postgres://postgres@127.0.0.1:$recovered_port/newsroom"
for _ in $(seq 300); do [ "$(psql "$recovered" -Atc 'SELECT NOT pg_is_in_recovery()' 2>/dev/null)" = t ] && break; sleep 0.1; done
printf 'recovered and promoted in %.1f s\n' "$(echo "$(date +%s.%N) - $started" | bc)"
grep -E 'starting point-in-time recovery|recovery stopping|redo done|archive recovery complete|selected new timeline' "$work/recovered/server.log" | sed -E 's/^[0-9-]+ [0-9:.]+ [A-Z]+ \[[0-9]+\] //; s/^/    /'

# --- 4. What was undone ----------------------------------------------------------------------
say "The audit log: entries on the damaged primary that the recovered database does not have"
psql "$recovered" -Atc 'SELECT COALESCE(MAX(id), 0) FROM audit_entry' >"$work/kept"
echo "recovered database: audit entries up to #$(cat "$work/kept")"
psql "$url" -P footer=off -c "SELECT id, at, actor, action, subject, json_array_length(changes::json) AS rows_changed FROM audit_entry WHERE id > $(cat "$work/kept") ORDER BY id" | sed 's/^/    /'
say "What the wrong import had changed (from its audit entry), now back as reviewed"
psql "$url" -P footer=off -c "SELECT c->>'table' AS \"table\", c->>'rowId' AS row_id, c->'values' AS changed FROM audit_entry, json_array_elements(changes::json) AS c WHERE action = 'importSource' AND c->>'op' = 'UPDATE' ORDER BY id DESC" | sed 's/^/    /'

say "Served from the recovered database"
DATABASE_URL="$recovered" PORT="$port" LOG_LEVEL=warn node dist/src/main.js >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
echo "facts: $(curl -sf "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' -d "$facts" | jq -c .data)"
echo "nokia, ericsson, samsung: $(curl -sf "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' -d '{"query":"{ a: company(slug: \"nokia\") { slug } b: company(slug: \"ericsson\") { slug } c: company(slug: \"samsung\") { slug } }"}' | jq -c .data)"
