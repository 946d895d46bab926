using System.Globalization;
using System.Text;

namespace TicketRush.Rush.Soak;

/// <summary>Soak results as a Markdown table, one row per strategy.</summary>
public static class SoakTable
{
    private static readonly string[] Headers =
    [
        "strategy", "requests", "aborted by client", "201", "409", "503", "other", "orders", "stock−remaining",
        "invariants", "history", "health worst (ms)", "health failures",
    ];

    public static string ToMarkdown(IEnumerable<SoakResult> results)
    {
        var text = new StringBuilder()
            .AppendLine($"| {string.Join(" | ", Headers)} |")
            .AppendLine($"|{string.Concat(Enumerable.Repeat("---|", Headers.Length))}");
        foreach (var r in results)
        {
            string[] cells =
            [
                r.Strategy,
                Invariant($"{r.Requests.Total}"),
                Invariant($"{r.Requests.AbortedByClient}"),
                Invariant($"{r.Requests.Created}"),
                Invariant($"{r.Requests.Conflict}"),
                Invariant($"{r.Requests.Unavailable}"),
                Invariant($"{r.Requests.Other}"),
                r.Orders is null ? "?" : Invariant($"{r.Orders.Count}"),
                r.StockTaken is { } taken ? Invariant($"{taken}") : "?",
                Invariants(r),
                r.History is null ? "not checked" : r.Safe ? r.History.Summary : $"{r.History.Summary} (unsafe: not judged)",
                Worst(r.HealthDuringLoad),
                Invariant($"{r.HealthDuringLoad.Failures} / {r.HealthDuringLoad.Probes}") + (r.HealthyAfterLoad ? "" : ", unhealthy after load"),
            ];
            text.AppendLine($"| {string.Join(" | ", cells)} |");
        }

        return text.ToString();
    }

    private static string Invariants(SoakResult result)
    {
        var verdict = result.BrokenInvariants switch
        {
            null => "not checked",
            [] => "held",
            var broken => string.Join("; ", broken),
        };
        return result.Safe ? verdict : $"{verdict} (unsafe: not judged)";
    }

    private static string Worst(HealthSummary health) =>
        health.TimedOut > 0
            ? Invariant($"> {HealthProbe.Timeout.TotalMilliseconds:F0}")
            : Invariant($"{health.Slowest.TotalMilliseconds:F0}");

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
