#!/usr/bin/env bash
# Soaks running TicketRush servers: steady purchase load per strategy with client-dropped connections, then checks
# the servers' health and every safe strategy's invariants (ticketrush-rush soak --help for options and exit codes).
# Start the system first with ./scripts/start.sh; this script only sends load to the servers given (loopback only).
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --project TicketRush.RushCli -c Release -- soak "$@"
