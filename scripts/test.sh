#!/usr/bin/env bash
# Runs every test: the API contract and the concurrency rushes against real MariaDB and Redis through both servers.
# When a test fails, its name and message are repeated at the end: a CI log that keeps only its tail still says what failed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-servers.sh
scripts/ensure-browser.sh

log="$(mktemp -t ticketrush-test.XXXXXX.log)"
trap 'rm -f "$log"' EXIT

set +e
dotnet test TicketRush.sln --logger "console;verbosity=detailed" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

if [ "$status" -ne 0 ]; then
  echo
  echo "==== failed tests (repeated from above) ===="
  # Each failure block runs from its "Failed <name>" line to the next test result line.
  awk '/^[[:space:]]+Failed [A-Za-z]/ { show = 1; shown++ }
       /^[[:space:]]+(Passed|Skipped) [A-Za-z]/ { show = 0 }
       show && lines++ < 400 { print }
       END { if (!shown) print "(no failed test found in the log: see the build or host errors above)" }' "$log"
  grep -E '^(Total tests|[[:space:]]+(Passed|Failed|Skipped):)|error [A-Z]+[0-9]+' "$log" | tail -20 || true
fi
exit "$status"
