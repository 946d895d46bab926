using System.Text;
using TicketRush.Bench.Load;
using static TicketRush.Bench.Report.Formats;

namespace TicketRush.Bench.Report;

/// <summary>docs/benchmarks.md: the machine, the command, the ceilings, every strategy and its ratios, readable in a terminal too.</summary>
internal static class MarkdownReport
{
    public static string Render(BenchReport report)
    {
        var md = new StringBuilder();
        var plan = report.Plan;
        md.AppendLine("# TicketRush benchmarks").AppendLine()
            .AppendLine(Invariant($"Run {report.Started:yyyy-MM-dd HH:mm} UTC on commit {report.Commit}, {report.Duration.TotalMinutes:F1} min, {(plan.Quick ? "quick mode" : "full mode")}."))
            .AppendLine()
            .AppendLine($"**Telemetry export: {report.Telemetry}**").AppendLine()
            .AppendLine(report.Notes.FirstOrDefault(n => n.StartsWith("**INCOMPLETE", StringComparison.Ordinal)) ?? "Complete run.").AppendLine()
            .AppendLine("Command:").AppendLine().AppendLine("```").AppendLine(report.Command).AppendLine("```").AppendLine()
            .AppendLine("| machine | |").AppendLine("|---|---|")
            .AppendLine(Invariant($"| cores (nproc) | {report.Machine.Cores} |"))
            .AppendLine($"| CPU | {report.Machine.Cpu} |")
            .AppendLine($"| memory | {report.Machine.Memory} |")
            .AppendLine($"| OS | {report.Machine.Os} |")
            .AppendLine($"| .NET | {report.Machine.Dotnet} |")
            .AppendLine($"| MariaDB | {report.Machine.MariaDb} |")
            .AppendLine($"| Redis | {report.Machine.Redis} |")
            .AppendLine()
            .AppendLine(Invariant($"Everything on loopback, load generator in the same machine (it competes for the same {report.Machine.Cores} cores). ") +
                Invariant($"Closed-loop load at {plan.Concurrency} requests in flight, split evenly over api-1 and api-2; ceilings at the same concurrency, ") +
                Invariant($"{plan.CeilingWarmup.TotalSeconds:F0} s warm-up + {plan.CeilingWindow.TotalSeconds:F0} s each; each strategy warmed up {plan.StrategyWarmup.TotalSeconds:F0} s (untimed) first. ") +
                "Latencies are percentiles of every recorded request, in ms.")
            .AppendLine();

        md.AppendLine("## Ceilings (nothing of ours in between)").AppendLine()
            .AppendLine("| | ceiling | what | ops/s | p50 / p95 / p99 ms | outcomes |").AppendLine("|---|---|---|---:|---:|---|");
        foreach (var c in report.Ceilings)
        {
            md.AppendLine($"| ({c.Key}) | {c.Name} | {c.What} | {Rate(c.Rate)} | {Latencies(c.Result)} | {Outcomes(c.Result)} |");
        }

        md.AppendLine().AppendLine("## Strategies through HTTP, both servers").AppendLine()
            .AppendLine("Scenarios: **rush** = the study's (all buyers released at once, one connection each); **drop** = oversubscribed, fixed concurrency, " +
                "stops when every buyer has tried (or at the time limit); **sold-out** = fresh buyers at a finished sale, loaded by wrk " +
                "(when installed); **sustained** = stock that outlasts the window; **light** = the same at 8 buyers in flight per server, loaded by wrk when installed (as the latency target was measured).")
            .AppendLine()
            .AppendLine("| strategy | scenario | shape | req/s | sales/s | p50 / p95 / p99 ms | statuses | sold / stock, remaining | invariants |")
            .AppendLine("|---|---|---|---:|---:|---:|---|---|---|");
        foreach (var r in report.Results)
        {
            var invariants = r.InvariantsHeld switch
            {
                true => "held",
                false => Invariant($"**BROKEN** (orders {r.Audit.Orders} vs stock−remaining {r.Audit.Stock - r.Audit.Remaining}, repeat buyers {r.Audit.RepeatBuyers})"),
                null => Invariant($"not safe across servers: orders {r.Audit.Orders} vs stock−remaining {r.Audit.Stock - r.Audit.Remaining}, repeat buyers {r.Audit.RepeatBuyers}"),
            };
            md.AppendLine(Invariant($"| {r.Strategy} | {r.Scenario} | {r.Shape} | {Rate(r.Load.Throughput)} | {Rate(r.SalesRate)} | {Latencies(r.Load)} | {Outcomes(r.Load)} | {r.Audit.Orders} / {r.Audit.Stock}, {r.Audit.Remaining} | {invariants} |"));
        }

        md.AppendLine().AppendLine("## Contention per sale").AppendLine()
            .AppendLine("From MariaDB's and Redis's own counters, read before and after each scenario (nothing else runs between): " +
                "UPDATE statements per sale (every attempt sends one, so above 1 an optimistic buyer retried or a refused attempt reached MySQL), " +
                "InnoDB row-lock waits per sale and their mean time, and Redis SET calls per sale (RedLock.net's lock attempts; the waiting room's " +
                "admitter lease adds about 20 SET/s in the background, so only a figure well above that rate over sales/s is the strategy's).")
            .AppendLine()
            .AppendLine("| strategy | scenario | sales | UPDATE per sale | row-lock waits per sale | mean row-lock wait ms | Redis lock attempts per sale |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in report.Results.Where(r => r.Counters is not null && r.Audit.Orders > 0 && r.Scenario is not "sold-out"))
        {
            var c = r.Counters!;
            double PerSale(long count) => (double)count / r.Audit.Orders;
            md.AppendLine(Invariant($"| {r.Strategy} | {r.Scenario} | {r.Audit.Orders} | {PerSale(c.Updates):F2} | {PerSale(c.RowLockWaits):F2} | {(c.RowLockWaits > 0 ? (double)c.RowLockWaitMs / c.RowLockWaits : 0):F1} | {PerSale(c.RedisSets):F2} |"));
        }

        md.AppendLine().AppendLine("## Where the CPU went").AppendLine()
            .AppendLine(Invariant($"Cores used during each measured window ({report.Machine.Cores} in all), from /proc: both API servers, MariaDB, Redis, the dashboard, ") +
                "our .NET load generator (the bench process), the native tools it ran, and **others**: everything else on the machine (other users' builds and tests " +
                "on a shared box). A rate measured while others took most of the cores is low for that reason alone; the servers' CPU per request is not.")
            .AppendLine()
            .AppendLine("| window | requests/s | servers | MariaDB | Redis | dashboard | .NET client | native tools | others | idle | server CPU µs per request |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (window, load, cpu) in report.Ceilings.Select(c => ($"({c.Key}) {c.Name}", c.Result, c.Cpu))
            .Concat(report.Results.Select(r => ($"{r.Strategy} {r.Scenario}", r.Load, r.Cpu))))
        {
            if (cpu is null)
            {
                continue;
            }

            string Cores(string group) => Invariant($"{cpu.Ours.GetValueOrDefault(group):F2}");
            var perRequest = cpu.ServerMicrosecondsPer(load.Count) is { } us ? Invariant($"{us:F0}") : "–";
            md.AppendLine(Invariant($"| {window} | {Rate(load.Throughput)} | {Cores(CpuUse.Servers)} | {Cores("mariadbd")} | {Cores("redis-server")} | {Cores("Aspire.Dashboar")} | {Cores(CpuUse.BenchClient)} | {Cores(CpuUse.NativeTools)} | {cpu.Others:F2} | {cpu.Idle:F2} | {perRequest} |"));
        }

        md.AppendLine().AppendLine("## Ratios to the ceilings").AppendLine()
            .AppendLine("| strategy | measure | rate | versus | its rate | ratio |").AppendLine("|---|---|---:|---|---:|---:|");
        foreach (var ratio in report.Ratios)
        {
            md.AppendLine($"| {ratio.Strategy} | {ratio.Measure} | {Rate(ratio.Rate)} | {ratio.Versus} | {Rate(ratio.VersusRate)} | {Percent(ratio.Value)} |");
        }

        md.AppendLine().AppendLine("## Targets").AppendLine()
            .AppendLine("| target | this run | met |").AppendLine("|---|---|---|");
        foreach (var check in Targets.Check(report))
        {
            md.AppendLine($"| {check.Target} | {check.Measured} | {check.Met switch { true => "yes", false => "**no**", null => "–" }} |");
        }

        var failures = report.Results.Where(r => r.FirstServerError is not null).ToList();
        if (failures.Count > 0)
        {
            md.AppendLine().AppendLine("## Server errors (first of each rush)").AppendLine();
            foreach (var r in failures)
            {
                md.AppendLine(Invariant($"- {r.Strategy} {r.Scenario}: {r.ServerErrors} × 5xx/transport; first: {r.FirstServerError}"));
            }
        }

        if (report.Notes.Count > 0)
        {
            md.AppendLine().AppendLine("## Notes").AppendLine();
            foreach (var note in report.Notes)
            {
                md.AppendLine($"- {note}");
            }
        }

        return md.ToString();
    }
}
