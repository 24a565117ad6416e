#!/usr/bin/env bash
# Back up the hemei-grid database with pg_dump.
#
# Writes <folder>/<database>-<UTC time>.dump in pg_dump's custom format (-Fc) and prints its
# path. The dump contains the schema hemei, where Flyway keeps every table of the application and
# its own history, with all rows. The postgis extension is not in the dump: db/restore.sh
# creates it in the target database before restoring. The file appears only once pg_dump has
# finished and is flushed to disk after it, so a file with that name is always complete.
#
# Connection settings as for db/postgis.sh and the server (HEMEI_DB_HOST, HEMEI_DB_PORT,
# HEMEI_DB_USER, HEMEI_DB_PASSWORD, HEMEI_DB_NAME). pg_dump takes a consistent snapshot, so
# the server may keep running.
#
# Usage: db/backup.sh [FOLDER]   (default: $HEMEI_BACKUP_DIR, else ./backups)
set -euo pipefail

source "$(dirname "$0")/client.sh"

folder=${1:-${HEMEI_BACKUP_DIR:-backups}}
mkdir -p "$folder"
find_client_tools

file="$folder/$db_name-$(date -u +%Y%m%dT%H%M%SZ).dump"
if [ -e "$file" ]; then
  echo "backup.sh: $file exists already; wait a second and run again" >&2
  exit 1
fi
partial="$file.partial"
trap 'rm -f "$partial"' EXIT

"$pg_client_bin/pg_dump" -h "$db_host" -p "$db_port" -U "$db_user" -d "$db_name" \
  --format=custom --schema="$app_schema" --file="$partial"
# Reading the table of contents back catches a truncated or unreadable file.
"$pg_client_bin/pg_restore" --list "$partial" >/dev/null
mv "$partial" "$file"
sync "$file" "$folder"

echo "backup.sh: backed up $db_name on $db_host:$db_port to $file ($(du -h "$file" | cut -f1))" >&2
echo "$file"
