using TicketRush.Api.Purchasing;
using TicketRush.Bench.Ceilings;
using TicketRush.Bench.Scenarios;

namespace TicketRush.Bench.Report;

/// <summary>Which ceiling bounds which strategy, and in which scenario that shows.</summary>
internal static class Ratios
{
    public static IReadOnlyList<Ratio> Compute(IReadOnlyList<Ceiling> ceilings, IReadOnlyList<ScenarioResult> results)
    {
        var ratios = new List<Ratio>();
        Ceiling? CeilingOf(string key) => Ceilings.Ceilings.Higher(ceilings, key);
        ScenarioResult? Of(string strategy, string scenario) => results.FirstOrDefault(r => r.Strategy == strategy && r.Scenario == scenario);

        void VsCeiling(string strategy, string scenario, string measure, Func<ScenarioResult, double> rate, string key)
        {
            if (Of(strategy, scenario) is { } result && CeilingOf(key) is { } ceiling)
            {
                ratios.Add(new Ratio(strategy, $"{scenario} {measure}", rate(result), $"({ceiling.Key}) {ceiling.Name}", ceiling.Rate));
            }
        }

        void VsStrategy(string strategy, string scenario, string measure, Func<ScenarioResult, double> rate, string other)
        {
            if (Of(strategy, scenario) is { } result && Of(other, scenario) is { } baseline)
            {
                ratios.Add(new Ratio(strategy, $"{scenario} {measure}", rate(result), $"{other} {scenario} {measure}", rate(baseline)));
            }
        }

        // Conditional-decrement strategies: bounded by the bare transaction, in its naive and its one-round-trip shape.
        foreach (var strategy in new[] { StrategyNames.Atomic, StrategyNames.RedisCounter })
        {
            VsCeiling(strategy, "sustained", "sales/s", r => r.SalesRate, "a");
            VsCeiling(strategy, "sustained", "sales/s", r => r.SalesRate, "b");
        }

        VsCeiling(StrategyNames.Pessimistic, "sustained", "sales/s", r => r.SalesRate, "c");

        // Group commit sells many buyers per row-lock hold: it is measured against the best one buyer per hold can do.
        VsCeiling(StrategyNames.Batched, "sustained", "sales/s", r => r.SalesRate, "b");
        VsStrategy(StrategyNames.Batched, "sustained", "sales/s", r => r.SalesRate, StrategyNames.Atomic);

        // Refusing a sold-out buyer is what the Redis counter is for: compare it with the script alone and with atomic,
        // over the whole drop (selling phase included) and once the sale is over (wrk's load, against wrk's HTTP ceiling).
        VsStrategy(StrategyNames.RedisCounter, "drop", "sold-out/s", r => r.SoldOutRate, StrategyNames.Atomic);
        VsCeiling(StrategyNames.RedisCounter, "sold-out", "sold-out/s", r => r.SoldOutRate, "d0");
        VsCeiling(StrategyNames.RedisCounter, "sold-out", "sold-out/s", r => r.SoldOutRate, "d");
        VsStrategy(StrategyNames.RedisCounter, "sold-out", "sold-out/s", r => r.SoldOutRate, StrategyNames.Atomic);
        foreach (var result in results.Where(r => r.Scenario == "sold-out"))
        {
            VsCeiling(result.Strategy, "sold-out", "sold-out/s", r => r.SoldOutRate, "f");
        }

        foreach (var strategy in new[] { StrategyNames.Optimistic, StrategyNames.RedLock })
        {
            VsStrategy(strategy, "sustained", "sales/s", r => r.SalesRate, StrategyNames.Pessimistic);
        }

        // Read-then-write strategies unsafe across servers: the nearest bare shape is the one-round-trip write.
        foreach (var strategy in PurchaseStrategies.Descriptors.Where(s => !s.SafeAcrossServers).Select(s => s.Name))
        {
            VsCeiling(strategy, "sustained", "sales/s", r => r.SalesRate, "b");
        }

        // Every strategy against HTTP itself: how far from the cost of merely answering a request.
        foreach (var result in results.Where(r => r.Scenario == "sustained"))
        {
            VsCeiling(result.Strategy, "sustained", "req/s", r => r.Load.Throughput, "e");
        }

        return ratios;
    }
}
