using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using TicketRush.Rush;
using TicketRush.Rush.Soak;

namespace TicketRush.RushCli;

/// <summary>The <c>soak</c> command line, every option optional.</summary>
internal sealed partial record SoakOptions(IReadOnlyList<Uri> Servers, string Strategy, SoakSettings Settings, string? BuyerKey = null)
{
    private static readonly Option<IReadOnlyList<Uri>> ServersOption = CommandLineOptions.Servers();
    private static readonly Option<string> StrategyOption = CommandLineOptions.Text("--strategy", "all", "one strategy, or every one listed by GET /api/strategies", "NAME|all");
    private static readonly Option<TimeSpan> DurationOption = new("--duration")
    {
        Description = "load per strategy, e.g. 45s, 2m, 1h",
        HelpName = "TIME",
        DefaultValueFactory = _ => TimeSpan.FromSeconds(30),
        CustomParser = result => ParseDuration(result.Tokens.Single().Value) ?? CommandLineOptions.Fail(
            result, $"--duration takes a positive time such as 45s, 2m or 1h, not '{result.Tokens.Single().Value}'.", TimeSpan.Zero),
    };

    private static readonly Option<int> ConcurrencyOption = CommandLineOptions.Positive("--concurrency", 16, "purchase loops per server");
    private static readonly Option<double> AbortRatioOption = new("--abort-ratio")
    {
        Description = "fraction of purchases the client abandons, 0–1",
        HelpName = "R",
        DefaultValueFactory = _ => 0.2,
        CustomParser = result => double.TryParse(result.Tokens.Single().Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1
            ? ratio
            : CommandLineOptions.Fail(result, $"--abort-ratio takes a fraction between 0 and 1, not '{result.Tokens.Single().Value}'.", 0.0),
    };

    private static readonly Option<int> StockOption = CommandLineOptions.Positive("--stock", 2_000, "stock of each strategy's ticket");
    private static readonly Option<string> AdminKeyOption = CommandLineOptions.AdminKey();
    private static readonly Option<string?> BuyerKeyOption = CommandLineOptions.BuyerKey();

    public static Command Command { get; } = new("soak", string.Create(CultureInfo.InvariantCulture, $"""
        Load each strategy in turn on running servers (loopback only) for --duration while dropping --abort-ratio of
        the purchases mid-request, probing /health every {HealthWatch.ProbeInterval.TotalMilliseconds:F0} ms ({HealthProbe.Timeout.TotalMilliseconds:F0} ms timeout); then check every server recovered
        within {HealthWatch.RecoveryTimeout.TotalSeconds:F0} s and every safe strategy kept its invariants. Exit 0: all held; 1: something broke; 2: bad options.
        """))
    {
        ServersOption, StrategyOption, DurationOption, ConcurrencyOption, AbortRatioOption, StockOption, AdminKeyOption, BuyerKeyOption,
    };

    public static SoakOptions Parse(IReadOnlyList<string> args) => CommandLineOptions.Parse(Command, args, From);

    public static SoakOptions From(ParseResult result) => new(
        result.GetRequiredValue(ServersOption),
        result.GetRequiredValue(StrategyOption),
        new SoakSettings(
            result.GetValue(DurationOption),
            result.GetValue(ConcurrencyOption),
            result.GetValue(AbortRatioOption),
            result.GetValue(StockOption),
            result.GetRequiredValue(AdminKeyOption)),
        result.GetValue(BuyerKeyOption));

    private static TimeSpan? ParseDuration(string text)
    {
        var match = DurationPattern().Match(text);
        if (!match.Success || !int.TryParse(match.Groups["amount"].Value, CultureInfo.InvariantCulture, out var amount) || amount == 0)
        {
            return null;
        }

        return match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromSeconds(amount),
        };
    }

    [GeneratedRegex("^(?<amount>[0-9]+)(?<unit>s|m|h)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();
}
