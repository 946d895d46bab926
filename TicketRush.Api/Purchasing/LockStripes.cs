namespace TicketRush.Api.Purchasing;

/// <summary>
/// A fixed number of in-process locks shared out by ticket id: a ticket always maps to the same lock, and memory
/// stays bounded whatever ids clients send. Two tickets may share a lock; that costs throughput, never correctness.
/// </summary>
internal sealed class LockStripes<TLock>(int stripes, Func<TLock> create)
{
    private readonly TLock[] _locks = [.. Enumerable.Range(0, stripes).Select(_ => create())];

    public TLock For(long ticketId) => _locks[(int)((ulong)ticketId % (ulong)_locks.Length)];
}
