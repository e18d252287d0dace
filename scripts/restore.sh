#!/usr/bin/env bash
# Restore a dump made by backup.sh into an EMPTY database, then verify every audit chain and controlled-drug ledger.
# Usage: scripts/restore.sh <dump-file> <empty-database-url>
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 <dump-file> <empty-database-url>" >&2
  exit 64
fi
pg_restore --exit-on-error --no-owner --no-privileges --dbname="$2" "$1"
cd "$(dirname "$0")/.."
DATABASE_URL="$2" node node_modules/tsx/dist/cli.mjs packages/server/src/cli/audit-verify.ts
DATABASE_URL="$2" node node_modules/tsx/dist/cli.mjs packages/server/src/cli/ledger-verify.ts
