namespace TicketRush.Api.Purchasing;

/// <summary>
/// Lets at most <c>capacity</c> callers in at once; the rest wait in arrival order, each until it is let in or its
/// cancellation fires, never both. <see cref="SemaphoreSlim"/> promises no order, and first come, first served is the
/// point of a ticket sale.
/// </summary>
internal sealed class FifoGate
{
    private readonly Lock _gate = new();
    private readonly LinkedList<TaskCompletionSource> _waiting = new();
    private readonly int _capacity;
    private int _inside;

    public FifoGate(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    /// <summary>Callers inside now (for tests and telemetry).</summary>
    public int Inside
    {
        get
        {
            lock (_gate)
            {
                return _inside;
            }
        }
    }

    /// <summary>Callers waiting now.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>
    /// Completes when the caller is in; it must then call <see cref="Exit"/> exactly once. Throws
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires first: the caller was
    /// never let in and must not call <see cref="Exit"/>.
    /// </summary>
    public ValueTask EnterAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        LinkedListNode<TaskCompletionSource> place;
        lock (_gate)
        {
            if (_inside < _capacity && _waiting.Count == 0)
            {
                _inside++;
                return ValueTask.CompletedTask;
            }

            place = _waiting.AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        return WaitAsync(place, cancellationToken);
    }

    /// <summary>Leaves; the first caller still waiting takes the place.</summary>
    public void Exit()
    {
        TaskCompletionSource? next;
        lock (_gate)
        {
            if (_waiting.First is { } first)
            {
                // The place passes straight to the next in line: nobody arriving now can overtake it.
                _waiting.RemoveFirst();
                next = first.Value;
            }
            else if (_inside > 0)
            {
                _inside--;
                return;
            }
            else
            {
                throw new InvalidOperationException("Exit without a matching Enter.");
            }
        }

        next.SetResult();
    }

    private async ValueTask WaitAsync(LinkedListNode<TaskCompletionSource> place, CancellationToken cancellationToken)
    {
        await using (cancellationToken.UnsafeRegister(_ => Leave(place, cancellationToken), null))
        {
            await place.Value.Task;
        }
    }

    /// <summary>The waiter gives up: unless <see cref="Exit"/> already handed it the place, it leaves the line unserved.</summary>
    private void Leave(LinkedListNode<TaskCompletionSource> place, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (place.List is null)
            {
                // Let in first: it holds the place, and its own next step sees the cancellation.
                return;
            }

            _waiting.Remove(place);
        }

        place.Value.SetCanceled(cancellationToken);
    }
}
