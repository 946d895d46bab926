using System.Collections.Concurrent;
using System.Diagnostics;

namespace TicketRush.Api.Faults;

/// <summary>Faults armed through the admin API; each fires once.</summary>
public sealed class FaultInjector(TimeProvider time)
{
    private readonly ConcurrentDictionary<long, byte> _failingOrderWrites = new();
    private readonly ConcurrentDictionary<long, TimeSpan> _stalls = new();
    private readonly ConcurrentDictionary<long, byte> _stalling = new();

    public void FailNextOrderWrite(long userId) => _failingOrderWrites[userId] = 0;

    public bool TryConsumeOrderWriteFault(long userId) => _failingOrderWrites.TryRemove(userId, out _);

    /// <summary>The buyer's next purchase pauses between reading and writing the stock, as a holder stalled by a GC pause or a slow disk.</summary>
    public void StallNextPurchase(long userId, TimeSpan duration) => _stalls[userId] = duration;

    public async Task StallIfArmedAsync(long userId, CancellationToken cancellationToken)
    {
        if (_stalls.TryRemove(userId, out var duration))
        {
            Activity.Current?.AddEvent(new ActivityEvent("injected-stall"));
            _stalling[userId] = 0;
            try
            {
                await Task.Delay(duration, time, cancellationToken);
            }
            finally
            {
                _stalling.TryRemove(userId, out _);
            }
        }
    }

    /// <summary>Whether the buyer's purchase is inside its injected stall right now, so a drill can act at that moment.</summary>
    public bool IsStalling(long userId) => _stalling.ContainsKey(userId);

    public void Clear()
    {
        _failingOrderWrites.Clear();
        _stalls.Clear();
    }
}
