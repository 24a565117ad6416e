#!/usr/bin/env bash
# Restore a dump written by db/backup.sh into a database.
#
# The database (default $HEMEI_DB_NAME, else hemei_grid) is created with the postgis extension
# when it does not exist, through db/postgis.sh create-database, which needs the rights of the
# cluster's superuser on the project's own cluster or CREATEDB and superuser for
# HEMEI_DB_HOST. A database that already has the schema hemei is left alone unless --force
# is given. With --force its schema hemei is dropped and restored in the same transaction, so a
# failed restore leaves the old data in place. The restored objects belong to HEMEI_DB_USER,
# not to the owners in the dumped database. Stop the servers using the database before a --force
# restore and start them after it.
#
# Usage: db/restore.sh [--force] DUMP_FILE [DATABASE]
set -euo pipefail

usage() {
  echo "usage: db/restore.sh [--force] DUMP_FILE [DATABASE]" >&2
  exit 2
}

force=false
if [ "${1:-}" = --force ]; then
  force=true
  shift
fi
[ $# -ge 1 ] && [ $# -le 2 ] || usage
dump=$1

source "$(dirname "$0")/client.sh"
target=${2:-$db_name}

if [ ! -r "$dump" ]; then
  echo "restore.sh: cannot read dump file $dump" >&2
  exit 1
fi
find_client_tools
"$pg_client_bin/pg_restore" --list "$dump" >/dev/null

HEMEI_DB_NAME=$target "$(dirname "$0")/postgis.sh" create-database "$target"

existing=$(app_psql "$target" -tAc "SELECT count(*) FROM pg_namespace WHERE nspname = '$app_schema'")
if [ "$existing" != 0 ] && [ "$force" != true ]; then
  echo "restore.sh: database $target already has the schema $app_schema; restore into an empty" \
    "database, or add --force to replace its contents" >&2
  exit 1
fi

# One transaction: COMMIT is sent only when pg_restore has written the whole script, and psql
# rolls back when the input ends without it or a statement fails.
if ! {
  echo "BEGIN;"
  echo "DROP SCHEMA IF EXISTS $app_schema CASCADE;"
  "$pg_client_bin/pg_restore" --no-owner --no-privileges --file=- "$dump" && echo "COMMIT;"
} | app_psql "$target" >/dev/null; then
  echo "restore.sh: restoring $dump failed and was rolled back; database $target is unchanged" >&2
  exit 1
fi

# pg_restore copies no planner statistics. Without them the spatial queries may pick slow plans
# until autovacuum has analysed the tables. Tables of other owners are skipped with a warning.
PGOPTIONS="-c client_min_messages=error" app_psql "$target" -c "ANALYZE"

echo "restore.sh: restored $dump into $target on $db_host:$db_port" >&2
