#!/usr/bin/env bash
# Reproduces the original study's JMeter run against both TicketRush API servers:
# creates a fresh ticket with the strategy, runs ticket-rush.jmx headless (2 thread groups x THREADS buyers, all
# released together), then prints a verdict from the .jtl results and the ticket's final state.
#
# Usage: jmeter/run-study-plan.sh [--strategy NAME] [--stock 100] [--threads 500] [--loops 1]
#                                 [--server1 http://localhost:8080] [--server2 http://localhost:8081]
#                                 [--admin-key KEY] [-- EXTRA_JMETER_ARGS...]
# Arguments after -- go to JMeter as they are (e.g. -- -Jresponse_timeout_ms=30000).
# Environment: JMETER_HOME (default /usr/share/jmeter), JVM_ARGS (default "-Xms256m -Xmx1g").
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"

strategy=none
stock=100
threads=500
loops=1
server1=http://localhost:8080
server2=http://localhost:8081
admin_key="${TICKETRUSH_ADMIN_KEY:-ticketrush-dev-admin-key}"
extra=()

usage() { sed -n '6,9s/^# \{0,1\}//p' "$0"; }

while (($#)); do
    case "$1" in
        --strategy) strategy="${2:?$1 needs a value}"; shift 2 ;;
        --stock) stock="${2:?$1 needs a value}"; shift 2 ;;
        --threads) threads="${2:?$1 needs a value}"; shift 2 ;;
        --loops) loops="${2:?$1 needs a value}"; shift 2 ;;
        --server1) server1="${2:?$1 needs a value}"; server1="${server1%/}"; shift 2 ;;
        --server2) server2="${2:?$1 needs a value}"; server2="${server2%/}"; shift 2 ;;
        --admin-key) admin_key="${2:?$1 needs a value}"; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        --) shift; extra=("$@"); break ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
for n in "$stock" "$threads" "$loops"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "stock, threads and loops must be positive integers" >&2; exit 2; }
done

# --- JMeter and a JDK --------------------------------------------------------------------------
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
apt_install() {
    echo "installing $* with apt-get..." >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >&2 \
        || { as_root apt-get update >&2 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >&2; }
}

jmeter_home="${JMETER_HOME:-/usr/share/jmeter}"
if ! command -v jmeter > /dev/null || [[ ! -f "$jmeter_home/bin/ApacheJMeter.jar" ]]; then
    apt_install jmeter
fi
# The launcher is compiled on the fly, so a JDK (not just a JRE) is needed.
command -v javac > /dev/null || apt_install default-jdk-headless
[[ -f "$jmeter_home/bin/ApacheJMeter.jar" ]] \
    || { echo "no $jmeter_home/bin/ApacheJMeter.jar; set JMETER_HOME" >&2; exit 1; }

# --- the system under test ---------------------------------------------------------------------
for s in "$server1" "$server2"; do
    curl -fsS -m 5 "$s/health" > /dev/null \
        || { echo "$s/health does not answer: start the system first (scripts/start.sh)" >&2; exit 1; }
done

out="$here/out/$(date +%Y%m%d-%H%M%S)-$strategy"
mkdir -p "$out/classes"

ticket_name="jmeter-$strategy-$(date +%s)"
curl -fsS -m 10 -X POST "$server1/api/tickets" \
    -H "X-Admin-Key: $admin_key" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$ticket_name\",\"stock\":$stock,\"strategy\":\"$strategy\"}" > "$out/ticket-created.json" \
    || { echo "could not create the ticket (wrong --admin-key or unknown --strategy?)" >&2; exit 1; }
ticket_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$out/ticket-created.json")
# Purchases run the ticket's strategy; a server that ignored it would rush a different one than the verdict names.
ticket_strategy=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("strategy"))' "$out/ticket-created.json")
[[ "$ticket_strategy" == "$strategy" ]] \
    || { echo "the server created ticket $ticket_id with strategy '$ticket_strategy', not '$strategy'" >&2; exit 1; }

echo "ticket $ticket_id '$ticket_name' stock $stock | strategy $strategy | ${threads} buyers x ${loops} loop(s) per server"
echo "output: $out"

# --- run the plan ------------------------------------------------------------------------------
# Debian's JMeter 2.13 cannot load any plan with its XStream 1.4.20 (ForbiddenClassException), so
# JMeter is started through XStreamPermissiveLauncher instead of the `jmeter` script. It only needs
# the JDK to compile: it reaches JMeter's classes by reflection through NewDriver's class loader.
javac -d "$out/classes" "$here/XStreamPermissiveLauncher.java"

# CSV results with field names; servedBy (X-Served-By) and userId are plan variables added as columns.
save=(
    -Jjmeter.save.saveservice.output_format=csv
    -Jjmeter.save.saveservice.print_field_names=true
    -Jjmeter.save.saveservice.timestamp_format=ms
    -Jjmeter.save.saveservice.time=true
    -Jjmeter.save.saveservice.latency=true
    -Jjmeter.save.saveservice.label=true
    -Jjmeter.save.saveservice.response_code=true
    -Jjmeter.save.saveservice.response_message=true
    -Jjmeter.save.saveservice.thread_name=true
    -Jjmeter.save.saveservice.successful=true
    -Jjmeter.save.saveservice.thread_counts=true
    -Jjmeter.save.saveservice.bytes=true
    -Jjmeter.save.saveservice.url=true
    -Jjmeter.save.saveservice.data_type=false
    -Jsample_variables=servedBy,userId
)
# shellcheck disable=SC2086 # JVM_ARGS is a list of options
java ${JVM_ARGS:--Xms256m -Xmx1g} -Djmeter.home="$jmeter_home" \
    -cp "$out/classes:$jmeter_home/bin/ApacheJMeter.jar" XStreamPermissiveLauncher \
    -n -t "$here/ticket-rush.jmx" -l "$out/results.jtl" -j "$out/jmeter.log" \
    "${save[@]}" \
    -Jserver1="$server1" -Jserver2="$server2" -Jticket="$ticket_id" -Jstrategy="$strategy" \
    -Jthreads="$threads" -Jloops="$loops" -Jrampup=0 "${extra[@]}" \
    | tee "$out/jmeter-stdout.txt"

curl -fsS -m 10 "$server1/api/tickets/$ticket_id" > "$out/ticket-after.json"

# --- verdict -----------------------------------------------------------------------------------
python3 - "$out/results.jtl" "$out/ticket-after.json" "$strategy" "$stock" "$((2 * threads * loops))" <<'PY' | tee "$out/verdict.txt"
import collections, csv, json, math, re, sys

jtl, ticket_file, strategy, stock, expected = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
rows = list(csv.DictReader(open(jtl, newline="")))
ticket = json.load(open(ticket_file))

def group(row):  # JMeter names threads "<thread group> <group#>-<thread#>"
    return re.sub(r" \d+-\d+$", "", row["threadName"])

def code(row):  # connection failures have a long "Non HTTP response code: ..." text
    c = row["responseCode"]
    return c if c.isdigit() else "non-HTTP"

def percentile(sorted_values, p):  # nearest rank
    if not sorted_values:
        return 0
    return sorted_values[max(0, math.ceil(p / 100 * len(sorted_values)) - 1)]

statuses = collections.Counter(code(r) for r in rows)
by_group = collections.defaultdict(collections.Counter)
for r in rows:
    by_group[group(r)][code(r)] += 1
served_201 = collections.Counter(r.get("servedBy", "?") for r in rows if code(r) == "201")
failed = sum(r["success"] != "true" for r in rows)
users = [r.get("userId") for r in rows]

starts = [int(r["timeStamp"]) for r in rows]
ends = [int(r["timeStamp"]) + int(r["elapsed"]) for r in rows]
wall_ms = (max(ends) - min(starts)) if rows else 0
elapsed = sorted(int(r["elapsed"]) for r in rows)

sold, remaining = ticket["orderCount"], ticket["remainingStock"]
oversold = max(0, sold - stock)
lost_updates = max(0, sold + remaining - stock)   # sales whose stock decrement was lost
missing = max(0, stock - sold - remaining)        # stock gone without an order row

print()
print(f"=== verdict: strategy={strategy} ticket={ticket['id']} stock={stock} ===")
print(f"requests     {len(rows)} (expected {expected}), distinct userIds {len(set(users))}, "
      f"failed samples (not 201/409) {failed}")
print("status       " + "  ".join(f"{c}: {n}" for c, n in sorted(statuses.items())))
for g in sorted(by_group):
    print(f"{g:<12} " + "  ".join(f"{c}: {n}" for c, n in sorted(by_group[g].items())))
print("201 served by " + "  ".join(f"{s}: {n}" for s, n in sorted(served_201.items())))
print(f"sold         {sold} (orderCount; 201 responses: {statuses.get('201', 0)})")
print(f"remaining    {remaining}")
print(f"oversold     {oversold}")
print(f"lost updates {lost_updates}" + (f"  (and {missing} stock gone without an order)" if missing else ""))
print(f"elapsed      {wall_ms / 1000:.2f} s   throughput {len(rows) / (wall_ms / 1000) if wall_ms else 0:.1f} req/s   "
      f"(requests sent within {(max(starts) - min(starts)) / 1000 if rows else 0:.2f} s)")
print(f"latency      p50 {percentile(elapsed, 50)} ms   p95 {percentile(elapsed, 95)} ms   "
      f"p99 {percentile(elapsed, 99)} ms   max {elapsed[-1] if elapsed else 0} ms")
if oversold or lost_updates or missing:
    print(f"RESULT       RACE: {oversold} oversold, {lost_updates} lost updates")
elif sold == stock and remaining == 0:
    print(f"RESULT       CORRECT: exactly {stock} sold, none left")
else:
    print(f"RESULT       CONSISTENT but not sold out: {sold} sold, {remaining} left (see the non-201 statuses)")
PY
exit 0
