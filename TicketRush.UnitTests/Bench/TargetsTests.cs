using TicketRush.Bench;
using TicketRush.Bench.Ceilings;
using TicketRush.Bench.Load;
using TicketRush.Bench.Report;
using TicketRush.Bench.Scenarios;

namespace TicketRush.UnitTests.Bench;

/// <summary>The performance targets judged on one run's own figures.</summary>
public sealed class TargetsTests
{
    private static LoadResult Load(double perSecond, string outcome, double p50Ms = 1, double p99Ms = 2) =>
        new(64, TimeSpan.FromSeconds(1), new Dictionary<string, int> { [outcome] = (int)perSecond },
            fraction => TimeSpan.FromMilliseconds(fraction >= 0.99 ? p99Ms : p50Ms));

    private static ScenarioResult Result(string strategy, string scenario, LoadResult load) =>
        new(strategy, scenario, "", SafeAcrossServers: true, load, new TicketAudit(1, 0, 1, 1));

    private static BenchReport Report(IReadOnlyList<Ceiling> ceilings, IReadOnlyList<ScenarioResult> results) =>
        new(DateTimeOffset.UnixEpoch, TimeSpan.Zero, "bench", BenchPlan.Parse(["--quick"]),
            new MachineInfo(2, "cpu", "mem", "os", "dotnet", "mariadb", "redis"), "on", [], ceilings, results, []);

    private static TargetCheck Check(BenchReport report, string target) =>
        Targets.Check(report).Single(c => c.Target.StartsWith(target, StringComparison.Ordinal));

    [Fact]
    public void A_ratio_at_or_above_its_factor_is_met_and_below_it_is_not()
    {
        var report = Report(
            [new Ceiling("a", "4 round trips", "", Load(1000, Ceilings.Succeeded)), new Ceiling("c", "FOR UPDATE", "", Load(1000, Ceilings.Succeeded))],
            [Result(StrategyNames.Atomic, "sustained", Load(700, "201")), Result(StrategyNames.Pessimistic, "sustained", Load(599, "201"))]);

        Assert.Equal(true, Check(report, "atomic sustained sales ≥ 0.7").Met);
        Assert.Equal(false, Check(report, "atomic sustained sales ≥ 1.0").Met);
        Assert.Equal(false, Check(report, "pessimistic sustained sales ≥ 0.6").Met);
    }

    [Fact]
    public void Sold_out_answers_of_every_safe_strategy_are_judged_against_the_constant_answer_http_ceiling()
    {
        var report = Report(
            [new Ceiling("f", "GET /alive, wrk", "", Load(10_000, Ceilings.Succeeded))],
            [Result(StrategyNames.Atomic, "sold-out", Load(8_000, "409 sold-out")), Result(StrategyNames.Pessimistic, "sold-out", Load(7_999, "409 sold-out"))]);

        Assert.Equal(true, Check(report, "atomic sold-out answers ≥ 0.8 × (f)").Met);
        Assert.Equal(false, Check(report, "pessimistic sold-out answers ≥ 0.8 × (f)").Met);
        Assert.Null(Check(report, "batched sold-out answers ≥ 0.8 × (f)").Met);
        Assert.DoesNotContain(Targets.Check(report), c => c.Target.Contains("10 × atomic", StringComparison.Ordinal));
    }

    [Fact]
    public void A_target_whose_figures_the_run_lacks_is_not_judged()
    {
        var check = Check(Report([], [Result(StrategyNames.Atomic, "sustained", Load(700, "201"))]), "atomic sustained sales ≥ 0.7");

        Assert.Null(check.Met);
        Assert.Equal("not measured in this run", check.Measured);
    }

    [Fact]
    public void Latency_targets_read_the_rush_and_the_light_load()
    {
        var report = Report([],
        [
            Result(StrategyNames.Atomic, "rush", Load(100, "201", p50Ms: 10, p99Ms: 101)),
            Result(StrategyNames.Atomic, "light", Load(100, "201", p99Ms: 50)),
        ]);

        Assert.Equal(false, Check(report, "atomic rush p99 ≤ 10 × p50").Met);
        Assert.Equal(true, Check(report, "atomic p99 ≤ 50 ms").Met);
    }

    [Fact]
    public void Batched_is_judged_against_the_one_round_trip_ceiling_atomic_and_a_20_ms_light_load_tail()
    {
        var report = Report(
            [new Ceiling("b", "1 round trip", "", Load(1000, Ceilings.Succeeded))],
            [
                Result(StrategyNames.Atomic, "sustained", Load(400, "201")),
                Result(StrategyNames.Batched, "sustained", Load(1100, "201")),
                Result(StrategyNames.Batched, "light", Load(100, "201", p99Ms: 21)),
            ]);

        Assert.Equal(true, Check(report, "batched sustained sales ≥ 1.0 × (b)").Met);
        Assert.Equal(false, Check(report, "batched sustained sales ≥ 3 × atomic's").Met);
        Assert.Equal(false, Check(report, "batched p99 ≤ 20 ms").Met);
    }

    [Fact]
    public void Batched_rush_tail_is_judged_against_atomics()
    {
        var report = Report([],
        [
            Result(StrategyNames.Atomic, "rush", Load(100, "201", p50Ms: 400, p99Ms: 1000)),
            Result(StrategyNames.Batched, "rush", Load(100, "201", p50Ms: 100, p99Ms: 250)),
        ]);

        Assert.Equal(true, Check(report, "batched rush p99 ≤ atomic's").Met);
    }

    [Fact]
    public void A_light_load_latency_says_its_mean_wait_and_the_bare_transactions_tail()
    {
        var report = Report(
            [new Ceiling(Ceilings.LightKey("c"), "FOR UPDATE, 16 in flight", "", Load(800, Ceilings.Succeeded, p99Ms: 45))],
            [Result(StrategyNames.Pessimistic, "light", Load(640, "201", p99Ms: 60))]);

        var check = Check(report, "pessimistic p99 ≤ 50 ms");

        Assert.Equal(false, check.Met);
        Assert.Equal("60 ms; mean wait 64 ÷ 640 sales/s = 100 ms; bare (c16) p99 45 ms", check.Measured);
    }
}
