using System.ComponentModel.DataAnnotations;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>Options of the <c>batched</c> strategy (section <c>Strategies:Batched</c>): when a server's batch of one ticket's buyers closes.</summary>
internal sealed class BatchedOptions
{
    public const string SectionName = "Strategies:Batched";

    /// <summary>
    /// The most buyers one batch sends. The batch's round trip carries each buyer's id and returns each order, so the
    /// cap bounds one transaction's row-lock hold; the token that carries the batch's grant holds at most 2^20 − 1.
    /// </summary>
    [Range(1, 1_000)]
    public int MaxBatchSize { get; set; } = 200;

    /// <summary>
    /// How long a batch may wait for more buyers after its first one joined. Zero sends at once whatever has gathered:
    /// with one batch of a ticket in flight per server, buyers who arrive during its commit form the next batch anyway,
    /// so waiting on purpose only adds latency when the ticket is quiet.
    /// </summary>
    public TimeSpan Linger { get; set; } = TimeSpan.Zero;
}
