#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages when missing (as root), starts the cluster, creates a
# fresh test database and prints its URL on stdout. TEST_DATABASE_URL, when set, is used as is.
set -euo pipefail
if [ -n "${TEST_DATABASE_URL:-}" ]; then echo "$TEST_DATABASE_URL"; exit 0; fi
log() { echo "$*" >&2; }
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sudo -n -u postgres sh -c "$1"; fi; }

if [ "$(id -u)" = 0 ]; then as_root=(); elif sudo -n true 2>/dev/null; then as_root=(sudo -n); else as_root=(false); fi
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  if [ "${as_root[*]}" = false ]; then
    log "PostgreSQL is not installed. Run as root (apt-get install -y postgresql) or set TEST_DATABASE_URL=postgres://…"
    exit 1
  fi
  log "installing PostgreSQL from Debian's packages…"
  "${as_root[@]}" apt-get update -qq >&2 && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -x "$ver main" >/dev/null; then
  log "creating cluster $ver/main"
  "${as_root[@]}" pg_createcluster "$ver" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $4}' | grep online >/dev/null; then
  log "starting PostgreSQL $ver/main"
  "${as_root[@]}" pg_ctlcluster "$ver" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $3}')
for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 0.5; done
as_postgres "psql -q -p $port -tc \"select 1 from pg_roles where rolname='shuangsheng'\" | grep -q 1 || psql -q -p $port -c \"create role shuangsheng login superuser password 'shuangsheng'\"" >&2
as_postgres "dropdb --if-exists -p $port shuangsheng_test && createdb -p $port -O shuangsheng shuangsheng_test" >&2
echo "postgres://shuangsheng:shuangsheng@127.0.0.1:$port/shuangsheng_test"
