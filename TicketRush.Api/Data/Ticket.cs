namespace TicketRush.Api.Data;

/// <summary>A ticket on sale: its stock is the contended resource of every rush.</summary>
internal sealed class Ticket
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public int TotalStock { get; set; }

    /// <summary>The concurrency strategy every purchase of this ticket uses; chosen when the ticket is created, never by a buyer.</summary>
    public required string Strategy { get; set; }

    public int RemainingStock { get; set; }

    /// <summary>
    /// How many orders the ticket has: every sale's stock write adds the orders its own round trip inserts, atomically
    /// (<c>order_count + n</c>, never a value read before), so it stays equal to the order rows even when the stock
    /// column loses an update. Listing tickets reads it instead of counting a sale's million rows per request.
    /// </summary>
    public int OrderCount { get; set; }

    /// <summary>
    /// With several primaries: the one every sale of this ticket is written to, chosen when it is created. Null: each
    /// server writes its own copy (the study's setup, which replication cannot keep consistent).
    /// </summary>
    public string? HomeDatabase { get; set; }

    /// <summary>With a waiting room: buyers admitted per second, in the order they joined; null when anyone may buy at once.</summary>
    public int? AdmitPerSecond { get; set; }

    /// <summary>With a waiting room: how long an admitted buyer has to buy before the turn passes on.</summary>
    public int? AdmissionSeconds { get; set; }

    /// <summary>With a waiting room: how many admissions beyond the remaining stock may be outstanding (0: never more than can buy).</summary>
    public int Overbooking { get; set; }

    /// <summary>Bumped by every stock write; the optimistic strategy's concurrency token.</summary>
    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// A token the last sale wrote with its stock write, so the order insert in the same round trip can tell from the
    /// row itself whether that write happened; nothing outside a sale's transaction reads it.
    /// </summary>
    public long LastSale { get; set; }
}
