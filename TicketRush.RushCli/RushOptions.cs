using System.Globalization;

namespace TicketRush.RushCli;

/// <summary>The command line: <c>--name value</c> pairs, every one optional.</summary>
internal sealed record RushOptions(
    IReadOnlyList<Uri> Servers, string Strategy, int Stock, int Buyers, string AdminKey, string ReportPath)
{
    public const string Usage = """
        ticketrush-rush — release a rush of buyers at running TicketRush servers and judge the result.

        Options (all optional):
          --servers URL[,URL...]  servers; buyers are split evenly   (default http://localhost:8080,http://localhost:8081)
          --strategy NAME|all     one strategy, or every one listed by GET /api/strategies   (default all)
          --stock N               tickets on sale                    (default 100)
          --buyers N              distinct buyers released together  (default 1000)
          --admin-key KEY         X-Admin-Key for creating tickets   (default ticketrush-dev-admin-key)
          --report PATH           HTML report to write               (default rush-report.html)
        """;

    public static RushOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected '--option value', got '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        string Get(string name, string fallback) => values.Remove(name, out var value) ? value : fallback;
        int GetPositive(string name, int fallback) =>
            int.TryParse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"--{name} takes a positive whole number.");

        var options = new RushOptions(
            [.. Get("servers", "http://localhost:8080,http://localhost:8081").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(url => new Uri(url))],
            Get("strategy", "all"),
            GetPositive("stock", 100),
            GetPositive("buyers", 1_000),
            Get("admin-key", "ticketrush-dev-admin-key"),
            Get("report", "rush-report.html"));

        return values.Count == 0
            ? options
            : throw new ArgumentException($"Unknown option(s): {string.Join(", ", values.Keys.Select(k => "--" + k))}.");
    }
}
