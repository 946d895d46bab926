namespace TicketRush.Api.Purchasing.Batching;

/// <summary>
/// One server's buyers of one ticket, in arrival order, and the loop that sends them in batches: one batch in flight
/// at a time, so buyers who arrive during a commit form the next batch (group commit). A batch closes when it holds
/// <see cref="PurchaseBatcher.MaxSize"/> buyers or its first buyer has waited <see cref="PurchaseBatcher.Linger"/>.
/// The loop ends, and the queue retires, when nobody is left waiting.
/// </summary>
internal sealed class TicketBatchQueue(PurchaseBatcher batcher, long ticketId)
{
    private readonly Lock _gate = new();
    private readonly Queue<BatchedBuyer> _waiting = new();
    private TaskCompletionSource? _filled;
    private bool _sending;
    private bool _retired;

    public long TicketId { get; } = ticketId;

    /// <summary>Queues <paramref name="buyer"/>; false when this queue has retired and the buyer must join its successor.</summary>
    public bool TryJoin(BatchedBuyer buyer)
    {
        bool start;
        lock (_gate)
        {
            if (_retired)
            {
                return false;
            }

            _waiting.Enqueue(buyer);
            if (_waiting.Count >= batcher.MaxSize)
            {
                _filled?.TrySetResult();
            }

            start = !_sending;
            _sending = true;
        }

        if (start)
        {
            // The loop serves every buyer of the ticket, not the one who started it: it must not run inside its span.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(SendAllAsync);
            }
        }

        return true;
    }

    private async Task SendAllAsync()
    {
        while (await NextBatchAsync() is { } batch)
        {
            try
            {
                await batcher.Send(batch);
            }
            catch (Exception exception)
            {
                // The sender answers every buyer; a sender that broke must still not leave one waiting.
                foreach (var buyer in batch)
                {
                    buyer.Fail(exception);
                }
            }
        }
    }

    /// <returns>The next batch, in arrival order, of buyers still waiting; null when nobody waits and the queue has retired.</returns>
    private async Task<List<BatchedBuyer>?> NextBatchAsync()
    {
        while (true)
        {
            Task filled;
            TimeSpan linger;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _sending = false;
                    _retired = true;
                    batcher.Retire(this);
                    return null;
                }

                linger = batcher.Linger - batcher.Time.GetElapsedTime(_waiting.Peek().JoinedAt);
                if (_waiting.Count >= batcher.MaxSize || linger <= TimeSpan.Zero)
                {
                    if (Take() is { Count: > 0 } batch)
                    {
                        return batch;
                    }

                    continue;
                }

                _filled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                filled = _filled.Task;
            }

            using var lingering = new CancellationTokenSource();
            var lingered = Task.Delay(linger, batcher.Time, lingering.Token);
            await Task.WhenAny(filled, lingered);
            await lingering.CancelAsync();
        }
    }

    /// <summary>Under <see cref="_gate"/>: the first buyers still waiting, up to a full batch; those who left are dropped.</summary>
    private List<BatchedBuyer> Take()
    {
        _filled = null;
        var batch = new List<BatchedBuyer>(Math.Min(_waiting.Count, batcher.MaxSize));
        while (batch.Count < batcher.MaxSize && _waiting.TryDequeue(out var buyer))
        {
            if (buyer.TryTake())
            {
                batch.Add(buyer);
            }
        }

        return batch;
    }
}
