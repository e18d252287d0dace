#!/usr/bin/env bash
# Back up a Ketapath PostgreSQL database to a compressed custom-format dump.
# Usage: scripts/backup.sh <database-url> <output-file>
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 <database-url> <output-file>" >&2
  exit 64
fi
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$2" "$1"
echo "backup written to $2 ($(du -h "$2" | cut -f1))"
