using System.Globalization;
using System.Text;

namespace TicketRush.Tests.Infrastructure;

/// <summary>What a rush did to the ticket: the numbers the study printed, and the invariants a safe strategy keeps.</summary>
public sealed record RushVerdict(
    string Strategy,
    int ServerCount,
    int Stock,
    TicketDto After,
    IReadOnlyList<OrderDto> Orders,
    IReadOnlyList<RushAttempt> Attempts,
    TimeSpan Elapsed)
{
    public int Sold => After.OrderCount;

    public int Remaining => After.RemainingStock;

    public int Oversold => Math.Max(0, Sold - Stock);

    /// <summary>Stock neither sold nor left: decrements lost to a race (negative when stock was decremented twice).</summary>
    public int LostUpdates => Stock - Sold - Remaining;

    public int Created => Count(201);

    public int Count(int status) => Attempts.Count(a => a.Status == status);

    public int Count(int status, string code) => Attempts.Count(a => a.Status == status && a.Code == code);

    public TimeSpan Percentile(double fraction)
    {
        var sorted = Attempts.Select(a => a.Elapsed).Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[(int)Math.Ceiling(fraction * sorted.Count) - 1];
    }

    public int ServerErrors => Attempts.Count(a => a.Status >= 500);

    public int DuplicateBuyers => Orders.GroupBy(o => o.UserId).Count(g => g.Count() > 1);

    public IReadOnlyDictionary<string, int> SoldByServer =>
        Orders.GroupBy(o => o.ServedBy).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());

    public IReadOnlyDictionary<string, int> StatusCounts =>
        Attempts.GroupBy(a => a.Code is null ? a.Status.ToString(CultureInfo.InvariantCulture) : $"{a.Status} {a.Code}")
            .OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The line the study printed, plus the per-server split.</summary>
    public override string ToString()
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"[{Strategy} on {ServerCount} server(s)] {Attempts.Count} buyers, stock {Stock}: ")
            .Append(CultureInfo.InvariantCulture, $"sold {Sold}, remaining {Remaining}, oversold {Oversold}, lost updates {LostUpdates}, ")
            .Append(CultureInfo.InvariantCulture, $"responses {{{string.Join(", ", StatusCounts.Select(kv => $"{kv.Key}: {kv.Value}"))}}}, ")
            .Append(CultureInfo.InvariantCulture, $"sold per server {{{string.Join(", ", SoldByServer.Select(kv => $"{kv.Key}: {kv.Value}"))}}}, ")
            .Append(CultureInfo.InvariantCulture, $"{Elapsed.TotalMilliseconds:F0} ms, ")
            .Append(CultureInfo.InvariantCulture, $"p50/p95/p99 {Percentile(0.50).TotalMilliseconds:F0}/{Percentile(0.95).TotalMilliseconds:F0}/{Percentile(0.99).TotalMilliseconds:F0} ms");
        foreach (var failure in Attempts.Where(a => a.Status >= 500).GroupBy(a => a.Detail).Take(3))
        {
            text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}  {failure.Count()} × {failure.First().Status}: {failure.Key}");
        }

        return text.ToString();
    }
}
