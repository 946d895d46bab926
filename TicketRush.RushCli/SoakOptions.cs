using System.Globalization;
using System.Text.RegularExpressions;
using TicketRush.Rush;
using TicketRush.Rush.Soak;

namespace TicketRush.RushCli;

/// <summary>The <c>soak</c> command line: <c>--name value</c> pairs, every one optional.</summary>
internal sealed partial record SoakOptions(IReadOnlyList<Uri> Servers, string Strategy, SoakSettings Settings)
{
    public static readonly string Usage = string.Create(CultureInfo.InvariantCulture, $"""
        ticketrush-rush soak — keep running TicketRush servers under purchase load while the client drops some
        connections mid-request, and check that the servers stay healthy and every strategy keeps its invariants.

        For each strategy in turn: create a ticket with that strategy; run --concurrency purchase loops per server for
        --duration, every purchase for a new user, cancelling --abort-ratio of them after a random
        {SoakSettings.ShortestAbortMilliseconds}–{SoakSettings.LongestAbortMilliseconds} ms; meanwhile probe GET /health on every server every {HealthWatch.ProbeInterval.TotalMilliseconds:F0} ms with a
        {HealthProbe.Timeout.TotalMilliseconds:F0} ms timeout. Then wait up to {HealthWatch.RecoveryTimeout.TotalSeconds:F0} s for every server to answer /health, read the ticket
        and its orders back and check: no user holds two orders; orders ≤ stock; and, for a strategy that
        GET /api/strategies calls safe on this many servers, orders == stock − remaining.

        Options (all optional):
          --servers URL[,URL...]  loopback servers only                (default http://localhost:8080,http://localhost:8081)
          --strategy NAME|all     one strategy, or every one listed by GET /api/strategies   (default all)
          --duration TIME         load per strategy, e.g. 45s, 2m, 1h  (default 30s)
          --concurrency N         purchase loops per server            (default 16)
          --abort-ratio R         fraction of purchases the client abandons, 0–1   (default 0.2)
          --stock N               stock of each strategy's ticket      (default 2000)
          --admin-key KEY         X-Admin-Key for creating tickets     (default {TicketRushClient.DevelopmentAdminKey})

        Exit code 0 when, after every strategy's load, every server answered /health within {HealthWatch.RecoveryTimeout.TotalSeconds:F0} s, and every
        strategy that is safe on this many servers held its invariants with no health probe unanswered for
        {HealthProbe.Timeout.TotalMilliseconds:F0} ms during its load. Health failures while an unsafe strategy is loaded, and probes that fail fast
        (e.g. 503 Unhealthy), are reported but do not fail the run. Exit code 1 otherwise, 2 for bad options.
        """);

    public static SoakOptions Parse(IReadOnlyList<string> args)
    {
        var values = new OptionValues(args);
        var options = new SoakOptions(
            values.GetServers(),
            values.Get("strategy", "all"),
            new SoakSettings(
                ParseDuration(values.Get("duration", "30s")),
                values.GetPositive("concurrency", 16),
                ParseRatio(values.Get("abort-ratio", "0.2")),
                values.GetPositive("stock", 2_000),
                values.Get("admin-key", TicketRushClient.DevelopmentAdminKey)));
        values.EnsureAllRead();
        return options;
    }

    private static TimeSpan ParseDuration(string text)
    {
        var match = DurationPattern().Match(text);
        if (!match.Success || !int.TryParse(match.Groups["amount"].Value, CultureInfo.InvariantCulture, out var amount) || amount == 0)
        {
            throw new ArgumentException($"--duration takes a positive time such as 45s, 2m or 1h, not '{text}'.");
        }

        return match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromSeconds(amount),
        };
    }

    private static double ParseRatio(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1
            ? ratio
            : throw new ArgumentException($"--abort-ratio takes a fraction between 0 and 1, not '{text}'.");

    [GeneratedRegex("^(?<amount>[0-9]+)(?<unit>s|m|h)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();
}
