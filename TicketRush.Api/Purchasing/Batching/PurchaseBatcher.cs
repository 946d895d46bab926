using System.Collections.Concurrent;
using System.Diagnostics;

namespace TicketRush.Api.Purchasing.Batching;

/// <summary>
/// Gathers one server's concurrent purchases of each ticket into batches for <see cref="Send"/>, which answers every
/// buyer of a batch. Batches of a ticket are sent one after another, in arrival order; a buyer whose cancellation
/// fires before its batch is taken leaves with a cancelled answer and is in no batch.
/// </summary>
internal sealed class PurchaseBatcher(int maxSize, TimeSpan linger, TimeProvider time, Func<IReadOnlyList<BatchedBuyer>, Task> send)
{
    private readonly ConcurrentDictionary<long, TicketBatchQueue> _queues = new();

    public int MaxSize { get; } = maxSize > 0 ? maxSize : throw new ArgumentOutOfRangeException(nameof(maxSize));

    public TimeSpan Linger { get; } = linger >= TimeSpan.Zero ? linger : throw new ArgumentOutOfRangeException(nameof(linger));

    internal TimeProvider Time => time;

    internal Func<IReadOnlyList<BatchedBuyer>, Task> Send => send;

    /// <summary>Joins the ticket's queue and waits for the batch's answer; a cancellation only counts until the batch takes the buyer.</summary>
    public async Task<PurchaseOutcome> JoinAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var buyer = new BatchedBuyer(purchase, Activity.Current?.Context ?? default, time.GetTimestamp());
        await using var leave = cancellationToken.Register(() => buyer.TryLeave(cancellationToken));
        while (!_queues.GetOrAdd(purchase.TicketId, static (id, batcher) => new TicketBatchQueue(batcher, id), this).TryJoin(buyer))
        {
            // It retired between the lookup and the join: its successor takes the buyer.
        }

        return await buyer.Answer;
    }

    internal void Retire(TicketBatchQueue queue) => _queues.TryRemove(new KeyValuePair<long, TicketBatchQueue>(queue.TicketId, queue));
}
