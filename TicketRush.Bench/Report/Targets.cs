using TicketRush.Api.Purchasing;
using TicketRush.Bench.Scenarios;
using static TicketRush.Bench.Report.Formats;

namespace TicketRush.Bench.Report;

/// <summary>The performance issue's targets, judged on this run's own figures (ratios, never absolute numbers).</summary>
internal static class Targets
{
    private static readonly IEnumerable<string> SafeStrategies = PurchaseStrategies.SafeAcrossServers.Select(strategy => strategy.Name);

    public static IReadOnlyList<TargetCheck> Check(BenchReport report)
    {
        var checks = new List<TargetCheck>();
        ScenarioResult? Of(string strategy, string scenario) =>
            report.Results.FirstOrDefault(r => r.Strategy == strategy && r.Scenario == scenario);
        double? CeilingOf(string key) => Ceilings.Ceilings.Higher(report.Ceilings, key)?.Rate;

        void AtLeast(string target, double? rate, double? versus, double factor)
        {
            checks.Add(rate is { } r && versus is { } v and > 0
                ? new TargetCheck(target, Invariant($"{Rate(r)} vs {Rate(v)}: {r / v:F2} ×"), r / v >= factor)
                : new TargetCheck(target, "not measured in this run", null));
        }

        AtLeast("atomic sustained sales ≥ 0.7 × (a), the four-round-trip transaction", Of(StrategyNames.Atomic, "sustained")?.SalesRate, CeilingOf("a"), 0.7);
        AtLeast("atomic sustained sales ≥ 1.0 × (a) (the moonshot)", Of(StrategyNames.Atomic, "sustained")?.SalesRate, CeilingOf("a"), 1.0);
        AtLeast("batched sustained sales ≥ 1.0 × (b), the one-round-trip transaction (the moonshot)", Of(StrategyNames.Batched, "sustained")?.SalesRate, CeilingOf("b"), 1.0);
        AtLeast("batched sustained sales ≥ 3 × atomic's", Of(StrategyNames.Batched, "sustained")?.SalesRate, Of(StrategyNames.Atomic, "sustained")?.SalesRate, 3);
        AtLeast("pessimistic sustained sales ≥ 0.6 × (c), the FOR UPDATE transaction", Of(StrategyNames.Pessimistic, "sustained")?.SalesRate, CeilingOf("c"), 0.6);
        AtLeast("redis-counter sold-out answers ≥ 0.3 × (d), the Lua reservation", Of(StrategyNames.RedisCounter, "sold-out")?.SoldOutRate, CeilingOf("d"), 0.3);
        AtLeast("redis-counter sold-out answers ≥ 0.3 × (d0), the Lua rejection", Of(StrategyNames.RedisCounter, "sold-out")?.SoldOutRate, CeilingOf("d0"), 0.3);
        foreach (var strategy in new[] { StrategyNames.Optimistic, StrategyNames.RedLock })
        {
            AtLeast($"{strategy} sustained sales ≥ 0.3 × pessimistic's", Of(strategy, "sustained")?.SalesRate, Of(StrategyNames.Pessimistic, "sustained")?.SalesRate, 0.3);
        }

        if (Of(StrategyNames.Batched, "rush") is { } batchedRush && Of(StrategyNames.Atomic, "rush") is { } atomicRush)
        {
            var (batched, atomic) = (batchedRush.Load.Percentile(0.99), atomicRush.Load.Percentile(0.99));
            checks.Add(new TargetCheck("batched rush p99 ≤ atomic's", $"{Milliseconds(batched)} vs {Milliseconds(atomic)} ms", batched <= atomic));
        }

        foreach (var strategy in SafeStrategies)
        {
            // A finished sale is refused from each server's memory: as cheap as a constant answer, whatever the strategy.
            AtLeast($"{strategy} sold-out answers ≥ 0.8 × (f), GET /alive under wrk", Of(strategy, "sold-out")?.SoldOutRate, CeilingOf("f"), 0.8);
            if (Of(strategy, "rush") is { } rush)
            {
                var (p50, p99) = (rush.Load.Percentile(0.5).TotalMilliseconds, rush.Load.Percentile(0.99).TotalMilliseconds);
                checks.Add(new TargetCheck($"{strategy} rush p99 ≤ 10 × p50", Invariant($"{Milliseconds(rush.Load.Percentile(0.99))} / {Milliseconds(rush.Load.Percentile(0.5))} ms: {p99 / p50:F1} ×"), p99 <= 10 * p50));
            }

            if (Of(strategy, "light") is { } light)
            {
                var p99 = light.Load.Percentile(0.99);
                // batched's own target is tighter: a batch that waits for company must not cost a light load its latency.
                var limit = strategy == StrategyNames.Batched ? 20 : 50;
                checks.Add(new TargetCheck($"{strategy} p99 ≤ {limit} ms at 8 clients per server", LightLatency(report, strategy, light), p99.TotalMilliseconds <= limit));
            }
        }

        return checks;
    }

    // Every sale of one ticket queues on one row (or lock), so with N buyers in flight the mean wait is N ÷ the sales rate
    // (Little's law) before any tail; the bare transaction at the same concurrency shows what SQL alone gives.
    private static string LightLatency(BenchReport report, string strategy, ScenarioResult light)
    {
        var text = $"{Milliseconds(light.Load.Percentile(0.99))} ms";
        if (light.SalesRate > 0)
        {
            text += Invariant($"; mean wait {light.Load.Concurrency} ÷ {Rate(light.SalesRate)} sales/s = {light.Load.Concurrency * 1000 / light.SalesRate:F0} ms");
        }

        var bare = strategy switch
        {
            StrategyNames.Pessimistic => Ceilings.Ceilings.LightKey("c"),
            StrategyNames.Atomic or StrategyNames.RedisCounter or StrategyNames.Batched => Ceilings.Ceilings.LightKey("b"),
            _ => null,
        };
        return report.Ceilings.FirstOrDefault(c => c.Key == bare) is { } ceiling
            ? text + $"; bare ({ceiling.Key}) p99 {Milliseconds(ceiling.Result.Percentile(0.99))} ms"
            : text;
    }
}
