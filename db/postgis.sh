#!/usr/bin/env bash
# Give hemei-grid a PostGIS database on a Debian or Ubuntu machine.
#
# With HEMEI_DB_HOST set, uses that server (HEMEI_DB_PORT, HEMEI_DB_USER, HEMEI_DB_PASSWORD,
# HEMEI_DB_NAME as below) and only creates the databases and the postgis extension.
# Otherwise installs postgresql-15 and postgresql-15-postgis-3 when missing. Where PostgreSQL 15
# is not packaged (Ubuntu 24.04, for example), it installs the distribution's own major version
# and its postgis-3 package instead. It then starts a cluster of the project's own, with data
# folder $HEMEI_PGDATA and port $HEMEI_DB_PORT, listening on 127.0.0.1 only, so no other
# database on the machine is touched.
# Creates the application database and the test database (suffix _test). Safe to run twice.
#
# Usage: db/postgis.sh [start|stop [fast|immediate|smart]|status|create-database NAME]
#   stop             shuts the project's cluster down, in pg_ctl's fast mode unless another is given
#   create-database  creates database NAME with the postgis extension unless it exists (used by
#                    db/restore.sh; the cluster must be running)
set -euo pipefail

action=${1:-start}
port=${HEMEI_DB_PORT:-55432}
db_user=${HEMEI_DB_USER:-hemei}
db_password=${HEMEI_DB_PASSWORD:-hemei}
db_name=${HEMEI_DB_NAME:-hemei_grid}
pgdata=${HEMEI_PGDATA:-/var/tmp/hemei-grid/pgdata-$port}
pg_major=${HEMEI_PG_MAJOR:-15}

log() { echo "postgis.sh: $*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# PostgreSQL refuses to run as root, so a root caller runs the cluster as the postgres user.
as_cluster_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

installed() {
  [ -x "/usr/lib/postgresql/$1/bin/postgres" ] && [ -f "/usr/share/postgresql/$1/extension/postgis.control" ]
}

install_packages() {
  if installed "$pg_major"; then
    return
  fi
  as_root apt-get update -qq
  if ! apt-cache show "postgresql-$pg_major-postgis-3" >/dev/null 2>&1; then
    local default_major
    default_major=$(apt-cache depends postgresql 2>/dev/null | grep -o 'postgresql-[0-9]*' | head -1 | cut -d- -f2)
    if [ -z "$default_major" ]; then
      log "no PostgreSQL package found; install PostgreSQL with PostGIS 3 or set HEMEI_DB_HOST"
      exit 1
    fi
    log "postgresql-$pg_major is not packaged here; using PostgreSQL $default_major"
    pg_major=$default_major
    installed "$pg_major" && return
  fi
  log "installing postgresql-$pg_major and postgresql-$pg_major-postgis-3"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$pg_major" \
    "postgresql-$pg_major-postgis-3" >/dev/null
}

socket_dir() { dirname "$pgdata"; }

start_cluster() {
  local owner
  owner=$(if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi)
  as_root mkdir -p "$(socket_dir)"
  as_root chown "$owner" "$(socket_dir)"

  if [ ! -f "$pgdata/PG_VERSION" ]; then
    log "creating cluster in $pgdata"
    local pwfile
    pwfile=$(mktemp)
    echo "$db_password" >"$pwfile"
    chmod 644 "$pwfile"
    as_cluster_owner "$pg_bin/initdb" -D "$pgdata" -U postgres --auth-local=trust \
      --auth-host=scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi

  if as_cluster_owner "$pg_bin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    if "$pg_bin/pg_isready" -q -h "$(socket_dir)" -p "$port" -t 10; then
      log "cluster already running on port $port"
      return
    fi
    # A postmaster killed with SIGKILL can leave its pid file behind while the pid is a zombie
    # or gone. pg_ctl then reports the cluster running although nothing accepts connections.
    local pid state
    pid=$(head -1 "$pgdata/postmaster.pid")
    state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)
    if [ -n "$state" ] && [ "$state" != Z ]; then
      log "process $pid holds $pgdata but does not accept connections; stop it and run again"
      exit 1
    fi
    log "removing the stale pid and socket lock files of a killed cluster"
    as_root rm -f "$pgdata/postmaster.pid" "$(socket_dir)/.s.PGSQL.$port" "$(socket_dir)/.s.PGSQL.$port.lock"
  fi
  log "starting cluster on 127.0.0.1:$port"
  as_cluster_owner "$pg_bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 start \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$(socket_dir)" >/dev/null
}

# Runs psql as the cluster's superuser over the local socket.
local_psql() {
  as_cluster_owner env PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -h "$(socket_dir)" -p "$port" -U postgres "$@"
}

remote_psql() {
  PGPASSWORD=$db_password PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -h "$HEMEI_DB_HOST" -p "$port" -U "$db_user" "$@"
}

create_databases() {
  local run=$1
  if [ "$run" = local_psql ]; then
    local_psql -d postgres -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$db_user') THEN
        CREATE ROLE \"$db_user\" LOGIN PASSWORD '$db_password';
      END IF; END \$\$;"
  fi
  for name in "$db_name" "${db_name}_test"; do
    create_database "$run" "$name"
  done
}

create_database() {
  local run=$1 name=$2
  if [ -z "$($run -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
    log "creating database $name"
    $run -d postgres -c "CREATE DATABASE \"$name\" OWNER \"$db_user\""
  fi
  # The extension needs superuser rights the application role does not have.
  $run -d "$name" -c "CREATE EXTENSION IF NOT EXISTS postgis"
}

case "$action" in
  start)
    if [ -n "${HEMEI_DB_HOST:-}" ]; then
      command -v psql >/dev/null || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null
      create_databases remote_psql
      log "using $HEMEI_DB_HOST:$port, databases $db_name and ${db_name}_test"
    else
      install_packages
      pg_bin=/usr/lib/postgresql/$pg_major/bin
      start_cluster
      create_databases local_psql
      log "ready: 127.0.0.1:$port, user $db_user, databases $db_name and ${db_name}_test"
    fi
    ;;
  stop)
    # immediate skips the shutdown checkpoint, so the next start replays the WAL as after a crash.
    mode=${2:-fast}
    case "$mode" in
      fast | immediate | smart) ;;
      *) echo "usage: db/postgis.sh stop [fast|immediate|smart]" >&2; exit 2 ;;
    esac
    pg_bin=/usr/lib/postgresql/$(cat "$pgdata/PG_VERSION")/bin
    as_cluster_owner "$pg_bin/pg_ctl" -D "$pgdata" -m "$mode" stop
    ;;
  status)
    pg_bin=/usr/lib/postgresql/$(cat "$pgdata/PG_VERSION")/bin
    as_cluster_owner "$pg_bin/pg_ctl" -D "$pgdata" status
    ;;
  create-database)
    name=${2:?usage: db/postgis.sh create-database NAME}
    if [[ ! "$name" =~ ^[a-z_][a-z0-9_]*$ ]]; then
      log "invalid database name '$name': use lower-case letters, digits and underscores"
      exit 2
    fi
    if [ -n "${HEMEI_DB_HOST:-}" ]; then
      create_database remote_psql "$name"
    else
      create_database local_psql "$name"
    fi
    ;;
  *)
    echo "usage: db/postgis.sh [start|stop [fast|immediate|smart]|status|create-database NAME]" >&2
    exit 2
    ;;
esac
