using System.Diagnostics;

namespace TicketRush.Api.Purchasing.Batching;

/// <summary>
/// One buyer waiting in a ticket's batch queue. It is either taken into a batch or gone (its deadline passed) first,
/// never both: a buyer who gave up is never sold to, and once taken only its batch answers it.
/// </summary>
internal sealed class BatchedBuyer(Purchase purchase, ActivityContext span, long joinedAt)
{
    private const int Waiting = 0;
    private const int Taken = 1;
    private const int Gone = 2;

    private readonly TaskCompletionSource<PurchaseOutcome> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public Purchase Purchase { get; } = purchase;

    public long UserId => Purchase.UserId;

    /// <summary>The buyer's own span, which the batch's span links to.</summary>
    public ActivityContext Span { get; } = span;

    /// <summary>When it joined the queue (a <see cref="TimeProvider"/> timestamp): a batch's linger counts from its first buyer's.</summary>
    public long JoinedAt { get; } = joinedAt;

    public Task<PurchaseOutcome> Answer => _answer.Task;

    /// <summary>Takes the buyer into a batch; false when it is gone already.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Waiting) == Waiting;

    /// <summary>The buyer gives up before a batch took it: its answer is cancelled. False when a batch has it already.</summary>
    public bool TryLeave(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Gone, Waiting) != Waiting)
        {
            return false;
        }

        _answer.TrySetCanceled(cancellationToken);
        return true;
    }

    public void Settle(PurchaseOutcome outcome) => _answer.TrySetResult(outcome);

    public void Fail(Exception exception) => _answer.TrySetException(exception);
}
