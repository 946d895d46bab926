#!/usr/bin/env bash
# Benchmarks every strategy against this machine's own ceilings in one run: starts the whole system on loopback
# (MariaDB, Redis, api-1, api-2, the Aspire dashboard), measures the bare MySQL/Redis/HTTP ceilings, then each strategy
# in three scenarios, and writes docs/benchmarks.{md,json,html}. --quick checks a change in under two minutes;
# --help lists the options. Do not run it while other load (e.g. the integration tests) runs on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
# Load from an integration test run would distort these numbers, and this load would break its timing-sensitive tests:
# the bench refuses to start (and stops) while one runs (TicketRush.Bench/TestRunGuard.cs). On a shared box run it
# under the integration tests' lock: flock /tmp/ticketrush-it.lock scripts/bench.sh
scripts/ensure-servers.sh
# wrk loads the sold-out scenario and the second HTTP ceiling; without it (and without apt) those two are skipped.
if ! command -v wrk >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  . scripts/apt.sh
  echo "Installing Debian's wrk for the benchmark..." >&2
  apt_install wrk || echo "wrk could not be installed: the sold-out scenario and ceiling (f) are skipped." >&2
fi
# The native ceilings (a)-(d) measured without .NET: mariadb-slap and redis-benchmark; without them those are skipped.
for tool in mariadb-slap:mariadb-client redis-benchmark:redis-tools; do
  if ! command -v "${tool%%:*}" >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    . scripts/apt.sh
    echo "Installing Debian's ${tool#*:} for the benchmark's native ceilings..." >&2
    apt_install "${tool#*:}" || echo "${tool#*:} could not be installed: its native ceilings are skipped." >&2
  fi
done
dotnet build TicketRush.Bench -c Release --nologo -v quiet
BENCH_COMMAND="scripts/bench.sh $*" exec dotnet run -c Release --no-build --project TicketRush.Bench -- "$@"
