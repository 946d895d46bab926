using System.Globalization;

namespace TicketRush.Bench;

/// <summary>What one run measures and for how long; <c>--quick</c> shortens every window to check a change in under two minutes.</summary>
public sealed record BenchPlan(
    bool Quick,
    IReadOnlyList<string> Strategies,
    int Concurrency,
    TimeSpan CeilingWarmup,
    TimeSpan CeilingWindow,
    TimeSpan StrategyWarmup,
    int RushBuyers,
    int RushStock,
    int DropBuyers,
    int DropStock,
    TimeSpan DropLimit,
    TimeSpan SustainedWindow,
    bool Telemetry,
    string OutputDirectory,
    IReadOnlyList<string> ApiSettings)
{
    public const string Usage = """
        ticketrush-bench — starts the whole system (MariaDB, Redis, api-1, api-2) on loopback, measures this machine's
        ceilings, then every strategy in three scenarios, and writes docs/benchmarks.{md,json,html}.

        Options (all optional):
          --quick                 a short run (< 2 min after the build): fewer strategies, shorter windows
          --strategies a,b,...    strategies to run           (default: all; quick: atomic,redis-counter,pessimistic)
          --concurrency N         requests in flight           (default 64)
          --sustained-seconds N   sustained-sale window        (default 20; quick 4)
          --telemetry on|off      export traces/metrics to the Aspire dashboard, as start.sh runs   (default on)
          --out DIR               where the reports go         (default docs)
          --api K=V,K=V           API settings for both servers, e.g. Purchase:TransactionsInFlightPerTicket=0
                                  (default: none, the servers' own defaults)
        """;

    private static readonly string[] QuickStrategies = ["atomic", "redis-counter", "pessimistic"];

    public static BenchPlan Parse(IReadOnlyList<string> args)
    {
        var quick = args.Contains("--quick");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = args.Where(a => a != "--quick").ToList();
        for (var i = 0; i < rest.Count; i += 2)
        {
            if (!rest[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= rest.Count)
            {
                throw new ArgumentException($"Expected '--option value', got '{rest[i]}'.");
            }

            values[rest[i][2..]] = rest[i + 1];
        }

        string Get(string name, string fallback) => values.Remove(name, out var value) ? value : fallback;
        int Positive(string name, int fallback) =>
            int.TryParse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"--{name} takes a positive whole number.");

        var strategies = Get("strategies", quick ? string.Join(',', QuickStrategies) : "all");
        var plan = new BenchPlan(
            quick,
            strategies == "all" ? [] : strategies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Positive("concurrency", 64),
            TimeSpan.FromSeconds(quick ? 1 : 3),
            TimeSpan.FromSeconds(quick ? 3 : 10),
            TimeSpan.FromSeconds(quick ? 2 : 10),
            RushBuyers: 1_000,
            RushStock: 100,
            DropBuyers: 20_000,
            DropStock: 2_000,
            DropLimit: TimeSpan.FromSeconds(quick ? 8 : 60),
            TimeSpan.FromSeconds(Positive("sustained-seconds", quick ? 4 : 20)),
            Get("telemetry", "on") switch
            {
                "on" => true,
                "off" => false,
                var other => throw new ArgumentException($"--telemetry takes on or off, not '{other}'."),
            },
            Get("out", "docs"),
            [.. Get("api", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(setting => setting.Contains('=', StringComparison.Ordinal) ? setting : throw new ArgumentException($"--api takes Key=Value pairs, not '{setting}'."))]);
        if (values.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", values.Keys.Select(k => "--" + k))}.");
        }

        return plan;
    }
}
