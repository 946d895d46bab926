#!/usr/bin/env bash
# Runs every test: the unit tests, then the API contract, rushes and drills against real MariaDB and Redis through
# both servers. The console shows a report: one line per test project as it finishes, one line per test class
# (tests, passed, time) and the totals; a failure adds the failed tests with their messages and output. Everything
# else — every resource's log, every test's output, the TRX files — is kept under TestResults/<run>/, whose path
# the report gives. Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Races").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-servers.sh
scripts/ensure-browser.sh

results="TestResults/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$results"
log="$results/test.log"
started=$SECONDS

echo "Testing; full output in $log"
set +e
dotnet test TicketRush.sln --results-directory "$results" --logger trx --logger "console;verbosity=detailed" "$@" >"$log" 2>&1 &
runner=$!
# Live progress without the logs: each test project as it starts and ends, each failed test's name, build errors.
tail -n +1 --pid="$runner" -f "$log" 2>/dev/null |
  grep --line-buffered -E '^Test run for |^Test Run (Successful|Failed|Aborted)|^[[:space:]]+Failed [A-Za-z]|: error [A-Z]+[0-9]+:|^Build FAILED' |
  sed -u -E -e 's|^Test run for .*/([^/]+)\.dll.*|\1: running|' -e 's/^Test Run /  test run /' -e 's/^[[:space:]]+Failed /  FAILED /'
wait "$runner"
status=$?
set -e

# One line per test class from the TRX files (tests, passed, failed, summed duration), then the totals.
summary() {
  printf '%-60s %6s %7s %7s %9s\n' "test class" tests passed failed time
  awk '
    function seconds(d,   p) { split(d, p, ":"); return p[1] * 3600 + p[2] * 60 + p[3] }
    function attribute(line, key,   v) { v = line; sub(".*" key "=\"", "", v); sub("\".*", "", v); return v }
    /<UnitTestResult / {
      cls = attribute($0, "testName"); sub(/\(.*/, "", cls); sub(/\.[^.]*$/, "", cls); sub(/^TicketRush\./, "", cls)
      outcome = attribute($0, "outcome")
      total[cls]++; time[cls] += seconds(attribute($0, "duration"))
      if (outcome == "Passed") passed[cls]++; else if (outcome != "NotExecuted") failed[cls]++
      n++; if (outcome == "Passed") p++; else if (outcome == "NotExecuted") s++; else f++
    }
    END {
      for (c in total) printf "%-60s %6d %7d %7d %8.1fs\n", c, total[c], passed[c], failed[c], time[c] | "sort"
      close("sort")
      printf "TOTAL: %d tests, %d passed, %d failed, %d skipped\n", n, p, f, s
    }' "$results"/*.trx
}

echo
if compgen -G "$results/*.trx" >/dev/null; then
  summary
else
  echo "(no test results: the build or the test host failed; see below)"
fi
echo "Wall time: $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s. Logs and TRX files: $results/"

if [ "$status" -ne 0 ]; then
  echo
  echo "==== failed tests, with their messages and output ===="
  # Each failure block runs from its "Failed <name>" line to the next test result line.
  awk '/^[[:space:]]+Failed [A-Za-z]/ { show = 1; shown++ }
       /^[[:space:]]+(Passed|Skipped) [A-Za-z]/ { show = 0 }
       show && lines++ < 400 { print }
       END { if (!shown) print "(no failed test found in the log)" }' "$log"
  grep -E ': error [A-Z]+[0-9]+:|Build FAILED|Test Run Aborted|The active test run was aborted' "$log" | sort -u | head -20 || true
  echo "FAILED (exit $status). Full output: $log"
else
  echo "PASSED"
fi
exit "$status"
