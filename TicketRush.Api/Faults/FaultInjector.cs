using System.Collections.Concurrent;

namespace TicketRush.Api.Faults;

/// <summary>Faults armed through the admin API; each fires once.</summary>
public sealed class FaultInjector
{
    private readonly ConcurrentDictionary<long, byte> _failingOrderWrites = new();

    public void FailNextOrderWrite(long userId) => _failingOrderWrites[userId] = 0;

    public bool TryConsumeOrderWriteFault(long userId) => _failingOrderWrites.TryRemove(userId, out _);

    public void Clear() => _failingOrderWrites.Clear();
}
