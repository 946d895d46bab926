using TicketRush.Bench.Load;

namespace TicketRush.Bench.Scenarios;

/// <summary>One strategy in one scenario: the load as the clients saw it, and the ticket as the database holds it after.</summary>
internal sealed record ScenarioResult(
    string Strategy, string Scenario, string Shape, bool SafeAcrossServers, LoadResult Load, TicketAudit Audit, string? FirstServerError = null)
{
    /// <summary>
    /// For a strategy safe across servers: stock adds up, nothing oversold, nobody bought twice. Null for the others:
    /// their result is reported, not judged. A 5xx is not a broken invariant (nothing was sold wrongly); it is reported.
    /// </summary>
    public bool? InvariantsHeld => SafeAcrossServers
        ? Audit.StockAddsUp && !Audit.Oversold && Audit.RepeatBuyers == 0
        : null;

    /// <summary>What MariaDB and Redis counted during the scenario; null when they could not be read.</summary>
    public ServerCounters? Counters { get; init; }

    /// <summary>Where the machine's CPU went during the scenario; null where /proc cannot be read.</summary>
    public CpuUse? Cpu { get; init; }

    public int ServerErrors => Load.CountOf("5") + Load.CountOf("transport") + Load.CountOf("error");

    /// <summary>Purchases per second (201s).</summary>
    public double SalesRate => Load.RateOf("201");

    /// <summary>Refusals because the ticket was gone, per second.</summary>
    public double SoldOutRate => Load.RateOf("409 sold-out");
}
