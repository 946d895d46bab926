using System.Text.Json;
using TicketRush.Bench.Load;

namespace TicketRush.Bench.Report;

/// <summary>docs/benchmarks.json: the same run as numbers, for comparing runs with a script.</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Render(BenchReport report) => JsonSerializer.Serialize(new
    {
        report.Started,
        report.Commit,
        durationSeconds = report.Duration.TotalSeconds,
        report.Command,
        report.Telemetry,
        plan = new
        {
            report.Plan.Quick,
            report.Plan.Concurrency,
            ceilingWarmupSeconds = report.Plan.CeilingWarmup.TotalSeconds,
            ceilingWindowSeconds = report.Plan.CeilingWindow.TotalSeconds,
            strategyWarmupSeconds = report.Plan.StrategyWarmup.TotalSeconds,
            report.Plan.RushBuyers,
            report.Plan.RushStock,
            report.Plan.DropBuyers,
            report.Plan.DropStock,
            dropLimitSeconds = report.Plan.DropLimit.TotalSeconds,
            sustainedWindowSeconds = report.Plan.SustainedWindow.TotalSeconds,
        },
        report.Machine,
        ceilings = report.Ceilings.Select(c => new { c.Key, c.Name, c.What, ratePerSecond = c.Rate, load = Load(c.Result), cpu = Cpu(c.Cpu, c.Result) }),
        results = report.Results.Select(r => new
        {
            r.Strategy,
            r.Scenario,
            r.Shape,
            r.SafeAcrossServers,
            salesPerSecond = r.SalesRate,
            soldOutPerSecond = r.SoldOutRate,
            r.InvariantsHeld,
            r.ServerErrors,
            r.FirstServerError,
            audit = r.Audit,
            counters = r.Counters,
            load = Load(r.Load),
            cpu = Cpu(r.Cpu, r.Load),
        }),
        ratios = report.Ratios.Select(r => new { r.Strategy, r.Measure, r.Rate, r.Versus, r.VersusRate, ratio = r.Value }),
        targets = Targets.Check(report),
        report.Notes,
    }, Options);

    /// <summary>Cores per group during the window, the others' share, and the servers' CPU per request; null where /proc was not readable.</summary>
    private static object? Cpu(CpuUse? cpu, LoadResult load) => cpu is null ? null : new
    {
        windowSeconds = cpu.Window.TotalSeconds,
        cpu.Cores,
        busy = cpu.Busy,
        ours = cpu.Ours,
        others = cpu.Others,
        idle = cpu.Idle,
        serverMicrosecondsPerRequest = cpu.ServerMicrosecondsPer(load.Count),
    };

    private static object Load(LoadResult load) => new
    {
        load.Concurrency,
        elapsedSeconds = load.Elapsed.TotalSeconds,
        requests = load.Count,
        perSecond = load.Throughput,
        latencyMs = new
        {
            p50 = load.Percentile(0.50).TotalMilliseconds,
            p90 = load.Percentile(0.90).TotalMilliseconds,
            p95 = load.Percentile(0.95).TotalMilliseconds,
            p99 = load.Percentile(0.99).TotalMilliseconds,
            max = load.Max.TotalMilliseconds,
        },
        outcomes = load.Outcomes,
    };
}
