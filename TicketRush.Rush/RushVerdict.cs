using System.Globalization;
using System.Text;
using TicketRush.Rush.History;

namespace TicketRush.Rush;

/// <summary>What a rush did to the ticket: the numbers the study printed, and the invariants a safe strategy keeps.</summary>
public sealed record RushVerdict(
    string Strategy,
    int ServerCount,
    int Stock,
    TicketResponse After,
    IReadOnlyList<OrderResponse> Orders,
    IReadOnlyList<RushAttempt> Attempts,
    TimeSpan Elapsed)
{
    /// <summary>How the buyers came: <c>rush</c> (all released together) or <c>waiting room</c> (through the ticket's line).</summary>
    public string Mode { get; init; } = "rush";

    /// <summary>The strategy, and how the buyers came unless it was a plain rush.</summary>
    public string Label => Mode == "rush" ? Strategy : $"{Strategy} ({Mode})";

    /// <summary>The most purchase requests in flight at once, as the client saw them.</summary>
    public int MaxInFlight { get; init; }

    /// <summary>The history checker's judgement of every attempt against the orders read back; null when no history was recorded.</summary>
    public HistoryVerdict? History { get; init; }

    /// <summary>Who bought against who came first; arrival is the order of <see cref="Attempts"/>. Computed once: it pairs every two winners.</summary>
    public Fairness Fairness => _fairness ??= Fairness.Of([.. Attempts.Select(a => a.UserId)], Orders, Stock);

    private Fairness? _fairness;

    public int Sold => After.OrderCount;

    public int Remaining => After.RemainingStock;

    public int Oversold => Math.Max(0, Sold - Stock);

    /// <summary>Stock left unsold although more buyers than stock came: a lock or retry gave up too early.</summary>
    public int Undersold => Attempts.Select(a => a.UserId).Distinct().Count() >= Stock ? Math.Max(0, Stock - Sold) : 0;

    /// <summary>Responses per second over the whole rush.</summary>
    public double Throughput => Elapsed > TimeSpan.Zero ? Attempts.Count / Elapsed.TotalSeconds : 0;

    /// <summary>True when nothing was oversold, undersold or sold twice, no request failed with a 5xx, and the history checker found no violation.</summary>
    public bool IsExact => Oversold == 0 && Undersold == 0 && DuplicateBuyers == 0 && ServerErrors == 0 && LostUpdates == 0 && History?.IsValid != false;

    /// <summary>
    /// Decrements lost to a race: orders plus remaining stock minus the stock put on sale. Zero when every sale
    /// took one ticket; negative would mean stock vanished without an order.
    /// </summary>
    public int LostUpdates => Sold + Remaining - Stock;

    public int Created => Count(201);

    public int Count(int status) => Attempts.Count(a => a.Status == status);

    public int Count(int status, string code) => Attempts.Count(a => a.Status == status && a.Code == code);

    public TimeSpan Percentile(double fraction)
    {
        var sorted = Attempts.Select(a => a.Elapsed).Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[(int)Math.Ceiling(fraction * sorted.Count) - 1];
    }

    /// <summary>Requests answered with a 5xx or not answered at all.</summary>
    public int ServerErrors => Attempts.Count(a => a.Status >= 500 || a.Status == RushAttempt.TransportFailure);

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
            .Append(CultureInfo.InvariantCulture, $"[{Strategy} on {ServerCount} server(s), {Mode}] {Attempts.Count} buyers, stock {Stock}: ")
            .Append(CultureInfo.InvariantCulture, $"sold {Sold}, remaining {Remaining}, oversold {Oversold}, undersold {Undersold}, lost updates {LostUpdates}, duplicate buyers {DuplicateBuyers}, ")
            .Append(CultureInfo.InvariantCulture, $"responses {{{string.Join(", ", StatusCounts.Select(kv => $"{kv.Key}: {kv.Value}"))}}}, ")
            .Append(CultureInfo.InvariantCulture, $"sold per server {{{string.Join(", ", SoldByServer.Select(kv => $"{kv.Key}: {kv.Value}"))}}}, ")
            .Append(CultureInfo.InvariantCulture, $"{Elapsed.TotalMilliseconds:F0} ms, {Throughput:F0} req/s, ")
            .Append(CultureInfo.InvariantCulture, $"p50/p95/p99 {Percentile(0.50).TotalMilliseconds:F0}/{Percentile(0.95).TotalMilliseconds:F0}/{Percentile(0.99).TotalMilliseconds:F0} ms, ")
            .Append(CultureInfo.InvariantCulture, $"first in line served {Fairness.FirstInLineServed:P0}, winners out of line {Fairness.WinnersOutOfLine}, inversions {Fairness.Inversions} (τ {Fairness.KendallTau:F2}), at most {MaxInFlight} purchases in flight");
        foreach (var failure in Attempts.Where(a => a.Status >= 500 || a.Status == RushAttempt.TransportFailure).GroupBy(a => a.Detail).Take(3))
        {
            text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}  {failure.Count()} × {failure.First().Status}: {failure.Key}");
        }

        if (History is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}history: {History.Summary}{Environment.NewLine}{History}");
        }

        return text.ToString();
    }
}
