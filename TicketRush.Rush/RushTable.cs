using System.Globalization;
using System.Text;

namespace TicketRush.Rush;

/// <summary>Verdicts as a Markdown table: readable in a terminal and rendered by the Aspire dashboard.</summary>
public static class RushTable
{
    private static readonly string[] Headers =
        ["strategy", "servers", "sold / stock", "remaining", "oversold", "undersold", "lost updates", "duplicates", "5xx", "sold per server", "elapsed", "req/s", "p50 / p95 / p99",
            "first in line served", "winners out of line", "inversions (τ)", "purchases in flight (max)", "history C1–C6"];

    public static string ToMarkdown(IEnumerable<RushVerdict> verdicts)
    {
        var text = new StringBuilder()
            .AppendLine($"| {string.Join(" | ", Headers)} |")
            .AppendLine($"|{string.Concat(Enumerable.Repeat("---|", Headers.Length))}");
        foreach (var v in verdicts)
        {
            string[] cells =
            [
                v.Label,
                Invariant($"{v.ServerCount}"),
                Invariant($"{v.Sold} / {v.Stock}"),
                Invariant($"{v.Remaining}"),
                Invariant($"{v.Oversold}"),
                Invariant($"{v.Undersold}"),
                Invariant($"{v.LostUpdates}"),
                Invariant($"{v.DuplicateBuyers}"),
                Invariant($"{v.ServerErrors}"),
                string.Join(", ", v.SoldByServer.Select(kv => Invariant($"{kv.Key}: {kv.Value}"))),
                Invariant($"{v.Elapsed.TotalSeconds:F2} s"),
                Invariant($"{v.Throughput:F0}"),
                Invariant($"{v.Percentile(0.50).TotalMilliseconds:F0} / {v.Percentile(0.95).TotalMilliseconds:F0} / {v.Percentile(0.99).TotalMilliseconds:F0} ms"),
                Invariant($"{v.Fairness.FirstInLineServed:P0}"),
                Invariant($"{v.Fairness.WinnersOutOfLine}"),
                Invariant($"{v.Fairness.Inversions} ({v.Fairness.KendallTau:F2})"),
                Invariant($"{v.MaxInFlight}"),
                v.History?.Summary ?? "-",
            ];
            text.AppendLine($"| {string.Join(" | ", cells)} |");
        }

        return text.ToString();
    }

    /// <summary>The history checker's table of each verdict that has one, under the verdict's label.</summary>
    public static string HistoriesToMarkdown(IEnumerable<RushVerdict> verdicts)
    {
        var text = new StringBuilder();
        foreach (var v in verdicts.Where(v => v.History is not null))
        {
            text.AppendLine().AppendLine(Invariant($"**{v.Label}** on {v.ServerCount} target(s): history {v.History!.Summary}")).AppendLine().Append(v.History.ToMarkdown());
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
