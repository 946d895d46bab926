#!/usr/bin/env bash
# Runs every test: the API contract and the concurrency rushes against real MariaDB and Redis through both servers.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-servers.sh
exec dotnet test TicketRush.sln --logger "console;verbosity=detailed" "$@"
