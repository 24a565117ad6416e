# Connection settings and PostgreSQL client helpers shared by db/backup.sh and db/restore.sh.
# Sourced, not run. The settings are those of db/postgis.sh and the server: HEMEI_DB_HOST
# (default 127.0.0.1, the project's own cluster), HEMEI_DB_PORT, HEMEI_DB_USER,
# HEMEI_DB_PASSWORD and HEMEI_DB_NAME.

db_host=${HEMEI_DB_HOST:-127.0.0.1}
db_port=${HEMEI_DB_PORT:-55432}
db_user=${HEMEI_DB_USER:-hemei}
db_name=${HEMEI_DB_NAME:-hemei_grid}
export PGPASSWORD=${HEMEI_DB_PASSWORD:-hemei}
export PGOPTIONS="-c client_min_messages=warning"

# The schema that Flyway owns, with every table of the application.
app_schema=hemei

# Runs psql as the application's account on database $1 with the remaining arguments.
app_psql() {
  local database=$1
  shift
  "$pg_client_bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$db_host" -p "$db_port" -U "$db_user" -d "$database" "$@"
}

# Sets pg_client_bin to the client tools of the server's major version, or of a newer one when
# that version's are not installed: pg_dump cannot dump a server newer than itself.
find_client_tools() {
  local server_major
  server_major=$(psql -X -tA -h "$db_host" -p "$db_port" -U "$db_user" -d postgres \
    -c "SELECT current_setting('server_version_num')::int / 10000") || {
    echo "$(basename "$0"): cannot connect to PostgreSQL at $db_host:$db_port as $db_user; start it with db/postgis.sh" >&2
    exit 1
  }
  local candidate
  for candidate in "/usr/lib/postgresql/$server_major/bin" $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n); do
    local major
    major=$(basename "$(dirname "$candidate")")
    if [ "$major" -ge "$server_major" ] && [ -x "$candidate/pg_dump" ] && [ -x "$candidate/pg_restore" ]; then
      pg_client_bin=$candidate
      return
    fi
  done
  echo "$(basename "$0"): no pg_dump of PostgreSQL $server_major or newer found under /usr/lib/postgresql;" \
    "install postgresql-client-$server_major" >&2
  exit 1
}
