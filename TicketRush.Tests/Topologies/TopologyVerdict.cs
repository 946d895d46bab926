using System.Globalization;

namespace TicketRush.Tests.Topologies;

/// <summary>A rush on two primaries: what buyers were told, what each copy holds once replication settled, and the replication state afterwards.</summary>
public sealed record TopologyVerdict(string Writes, RushVerdict Rush, bool Replicated, IReadOnlyList<TicketCopy> Copies, ReplicationResponse Replication)
{
    /// <summary>Buyers answered 201: each was told a ticket is theirs.</summary>
    public int Acknowledged => Rush.Created;

    /// <summary>Every buyer holding an order on either copy.</summary>
    public int DistinctBuyers => Copies.SelectMany(c => c.Buyers).Distinct().Count();

    public bool Oversold => Acknowledged > Rush.Stock || DistinctBuyers > Rush.Stock;

    public bool ReplicationRunning => Replication.Links.All(link => link.Running);

    /// <summary>The copies tell different stories: replication overwrote a stock count or stopped.</summary>
    public bool Diverged => Copies.Select(c => (c.Remaining, c.Orders)).Distinct().Count() > 1;

    public bool IsExact =>
        Acknowledged == Rush.Stock && Replicated && ReplicationRunning && !Diverged
        && Copies.All(c => c.Orders == Rush.Stock && c.Remaining == 0 && c.Buyers.Distinct().Count() == c.Orders);

    /// <summary>The README table's row: strategy, writes, acknowledged, per copy orders/remaining, replication afterwards.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {Rush.Strategy} | {Writes} | {Acknowledged} | {string.Join(" | ", Copies.Select(c => $"{c.Orders} / {c.Remaining}"))} | {DistinctBuyers} | " +
            $"{(Replicated ? "settled" : "not settled")}, {(ReplicationRunning ? "running" : string.Join("; ", Replication.Links.Select(l => $"{l.Replica}: {l.LastError}")))} |") +
        Environment.NewLine + Rush;
}
