using System.Collections.Concurrent;
using System.Diagnostics;

namespace TicketRush.Api.Faults;

/// <summary>Faults armed through the admin API, each for one buyer's next purchase on this server; each fires once.</summary>
internal sealed class FaultInjector(TimeProvider time, ILogger<FaultInjector> logger)
{
    private readonly ConcurrentDictionary<long, byte> _failingOrderWrites = new();
    private readonly ConcurrentDictionary<long, byte> _crashes = new();
    private readonly ConcurrentDictionary<long, TimeSpan> _stalls = new();
    private readonly ConcurrentDictionary<long, byte> _stalling = new();
    private TimeSpan? _raceWindow;

    /// <summary>A race window set by a drill for this server, in place of <c>Purchase:RaceWindow</c>; null when none is set.</summary>
    public TimeSpan? RaceWindow => _raceWindow;

    public void SetRaceWindow(TimeSpan window) => _raceWindow = window;

    public void FailNextOrderWrite(long userId) => _failingOrderWrites[userId] = 0;

    /// <summary>The server process dies when the buyer's purchase is about to write: after its Redis reservation, holding its locks.</summary>
    public void CrashBeforeNextWrite(long userId) => _crashes[userId] = 0;

    /// <summary>The buyer's next purchase pauses before it writes, as a holder stalled by a GC pause or a slow disk.</summary>
    public void StallNextPurchase(long userId, TimeSpan duration) => _stalls[userId] = duration;

    /// <summary>Fires whatever is armed for <paramref name="userId"/> just before a purchase writes to MySQL.</summary>
    public async ValueTask BeforeWriteAsync(long userId, CancellationToken cancellationToken)
    {
        if (TakeStall(userId) is { } duration)
        {
            try
            {
                await Task.Delay(duration, time, cancellationToken);
            }
            finally
            {
                _stalling.TryRemove(userId, out _);
            }
        }

        FireWriteFaults(userId);
    }

    /// <summary>
    /// <see cref="BeforeWriteAsync"/> for the <c>lock</c> strategy, which holds a monitor on a thread of its own and
    /// must not await: the stall blocks that thread.
    /// </summary>
    public void BeforeBlockingWrite(long userId)
    {
        if (TakeStall(userId) is { } duration)
        {
            try
            {
                Thread.Sleep(duration);
            }
            finally
            {
                _stalling.TryRemove(userId, out _);
            }
        }

        FireWriteFaults(userId);
    }

    /// <summary>The stall armed for the buyer, if any, marked as under way (<see cref="IsStalling"/>) until the caller ends it.</summary>
    private TimeSpan? TakeStall(long userId)
    {
        if (!_stalls.TryRemove(userId, out var duration))
        {
            return null;
        }

        Activity.Current?.AddEvent(new ActivityEvent("injected-stall"));
        _stalling[userId] = 0;
        return duration;
    }

    private void FireWriteFaults(long userId)
    {
        if (_crashes.TryRemove(userId, out _))
        {
            logger.LogCritical("Injected crash: the server dies before writing the purchase of user {UserId}", userId);
            Environment.FailFast($"Injected crash before the purchase write of user {userId}.");
        }

        if (_failingOrderWrites.TryRemove(userId, out _))
        {
            throw new InjectedFaultException($"Injected fault: the order write for user {userId} failed.");
        }
    }

    /// <summary>Whether the buyer's purchase is inside its injected stall right now, so a drill can act at that moment.</summary>
    public bool IsStalling(long userId) => _stalling.ContainsKey(userId);

    public void Clear()
    {
        _failingOrderWrites.Clear();
        _crashes.Clear();
        _stalls.Clear();
        _raceWindow = null;
    }
}
