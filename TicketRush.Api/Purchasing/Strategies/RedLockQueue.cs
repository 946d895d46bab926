using RedLockNet;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// One server's queue for the distributed locks of a stripe of tickets, and the lock its last buyer left for the next
/// one (lock cohorting): a lock taken from Redis serves a run of this server's buyers, so Redis sees one acquire and
/// one release per run instead of per buyer, and no buyer waits for the previous one's release to reach Redis.
/// A lock is left only when a buyer is already waiting; whoever leaves the queue last gives it back.
/// </summary>
internal sealed class RedLockQueue
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _state = new();
    private int _waiting;
    private bool _turnTaken;
    private HeldLock? _left;

    /// <summary>Waits for this buyer's turn; false when <paramref name="timeout"/> passed first. A lock left for nobody goes to <paramref name="release"/>.</summary>
    public async Task<bool> WaitTurnAsync(TimeSpan timeout, Action<HeldLock> release, CancellationToken cancellationToken)
    {
        lock (_state)
        {
            _waiting++;
        }

        var entered = false;
        try
        {
            entered = await _turn.WaitAsync(timeout, cancellationToken);
            return entered;
        }
        finally
        {
            HeldLock? orphan = null;
            lock (_state)
            {
                _waiting--;
                if (entered)
                {
                    _turnTaken = true;
                }
                else if (!_turnTaken && _waiting == 0)
                {
                    // The buyer it was left for was this one, and it gave up.
                    (orphan, _left) = (_left, null);
                }
            }

            if (orphan is not null)
            {
                release(orphan);
            }
        }
    }

    /// <summary>During a turn: the lock the previous buyer left, if any (this ticket's, or another's to give back).</summary>
    public HeldLock? TakeLeftLock()
    {
        lock (_state)
        {
            (var left, _left) = (_left, null);
            return left;
        }
    }

    /// <summary>
    /// Ends a turn. <paramref name="held"/> is left for the next buyer if one waits and <paramref name="mayLeave"/>;
    /// otherwise it goes to <paramref name="release"/>, before the next buyer's turn begins, so its attempt follows the release.
    /// </summary>
    public void EndTurn(HeldLock? held, bool mayLeave, Action<HeldLock> release)
    {
        var giveBack = held;
        lock (_state)
        {
            if (held is not null && mayLeave && _waiting > 0)
            {
                _left = held;
                giveBack = null;
            }

            _turnTaken = false;
        }

        if (giveBack is not null)
        {
            release(giveBack);
        }

        _turn.Release();
    }

    /// <summary>A ticket's lock as held by this server, and how many buyers it has served since Redis granted it.</summary>
    public sealed record HeldLock(long TicketId, IRedLock Lock, int Served);
}
