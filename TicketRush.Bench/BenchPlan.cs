using System.CommandLine;
using TicketRush.Rush.CommandLine;

namespace TicketRush.Bench;

/// <summary>What one run measures and for how long; <c>--quick</c> shortens every window to check a change in under two minutes.</summary>
internal sealed record BenchPlan(
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
    private static readonly string[] QuickStrategies = [StrategyNames.Atomic, StrategyNames.RedisCounter, StrategyNames.Pessimistic];

    private static readonly Option<bool> QuickOption = new("--quick")
    {
        Description = "a short run (< 2 min after the build): fewer strategies, shorter windows",
    };

    private static readonly Option<string?> StrategiesOption = new("--strategies")
    {
        Description = $"strategies to run, comma-separated, or all [default: all; quick: {string.Join(',', QuickStrategies)}]",
        HelpName = "a,b,...|all",
    };

    private static readonly Option<int> ConcurrencyOption = CommandLineOptions.Positive("--concurrency", 64, "requests in flight");

    // No default of its own: it depends on --quick (0 = not given).
    private static readonly Option<int> SustainedSecondsOption = CommandLineOptions.Positive("--sustained-seconds", "sustained-sale window [default: 20; quick: 4]");

    // A string, not a bool: System.CommandLine only gives a bool option a next token that reads as true or false.
    private static readonly Option<string> TelemetryOption = new("--telemetry")
    {
        Description = "export traces/metrics to the Aspire dashboard, as start.sh runs",
        HelpName = "on|off",
        DefaultValueFactory = _ => "on",
        CustomParser = result => result.Tokens.Single().Value switch
        {
            "on" => "on",
            "off" => "off",
            var other => CommandLineOptions.Fail(result, $"--telemetry takes on or off, not '{other}'.", "on"),
        },
    };

    private static readonly Option<string> OutOption = CommandLineOptions.Text("--out", "docs", "where the reports go", "DIR");

    private static readonly Option<IReadOnlyList<string>?> ApiOption = new("--api")
    {
        Description = "API settings for both servers, e.g. Purchase:TransactionsInFlightPerTicket=0 [default: none, the servers' own defaults]",
        HelpName = "K=V,K=V",
        CustomParser = result =>
        {
            var settings = result.Tokens.Single().Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return settings.FirstOrDefault(setting => !setting.Contains('=', StringComparison.Ordinal)) is { } bad
                ? CommandLineOptions.Fail<IReadOnlyList<string>?>(result, $"--api takes Key=Value pairs, not '{bad}'.", [])
                : settings;
        },
    };

    public static RootCommand Command { get; } = new("""
        ticketrush-bench: starts the whole system (MariaDB, Redis, api-1, api-2) on loopback, measures this machine's
        ceilings, then every strategy in its scenarios, and writes docs/benchmarks.{md,json,html}.
        Exit 0: measured; 2: bad options; 3: the test suite is running; 4: stopped before measuring.
        """)
    {
        QuickOption, StrategiesOption, ConcurrencyOption, SustainedSecondsOption, TelemetryOption, OutOption, ApiOption,
    };

    /// <summary>Every error (unknown option, bad value) is an <see cref="ArgumentException"/> naming the option.</summary>
    public static BenchPlan Parse(IReadOnlyList<string> args) => CommandLineOptions.Parse(Command, args, From);

    public static BenchPlan From(ParseResult result)
    {
        var quick = result.GetValue(QuickOption);
        var strategies = result.GetValue(StrategiesOption) ?? (quick ? string.Join(',', QuickStrategies) : "all");
        var sustained = result.GetValue(SustainedSecondsOption) is > 0 and var given ? given : quick ? 4 : 20;
        return new BenchPlan(
            quick,
            strategies == "all" ? [] : strategies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            result.GetValue(ConcurrencyOption),
            TimeSpan.FromSeconds(quick ? 1 : 3),
            TimeSpan.FromSeconds(quick ? 3 : 10),
            TimeSpan.FromSeconds(quick ? 2 : 10),
            RushBuyers: 1_000,
            RushStock: 100,
            DropBuyers: 20_000,
            DropStock: 2_000,
            DropLimit: TimeSpan.FromSeconds(quick ? 8 : 60),
            TimeSpan.FromSeconds(sustained),
            result.GetRequiredValue(TelemetryOption) == "on",
            result.GetRequiredValue(OutOption),
            result.GetValue(ApiOption) ?? []);
    }
}
