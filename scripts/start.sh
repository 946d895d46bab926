#!/usr/bin/env bash
# Starts the whole system: MariaDB, Redis, the schema migration, both API servers and the Aspire dashboard.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-servers.sh
exec dotnet run --project TicketRush.AppHost --launch-profile http "$@"
